import type { Translate } from "../lib/i18n/text";
import type { MeetingTab } from "../lib/panel/meeting-tab";
import { platformName } from "../lib/platforms/detect";

/** The meeting tab the panel serves: undefined while it is being looked up, null if none. */
export function MeetingLine({ tab, t }: { tab: MeetingTab | null | undefined; t: Translate }) {
  if (tab === undefined) return <p class="meeting muted">{t("meetingLooking")}</p>;
  if (!tab) return <p class="meeting warn">{t("noMeetingTab")}</p>;
  return (
    <p class="meeting" data-testid="meeting">
      <span class="label">{t("meeting")}:</span>{" "}
      {tab.readable ? (
        <>
          <span class="meeting-title">{tab.title || tab.origin}</span>{" "}
          <span class="muted">
            · {platformName(tab.platform, t)} · {tab.origin}
          </span>
        </>
      ) : (
        <span>{t("meetingUnknown")}</span>
      )}
    </p>
  );
}
