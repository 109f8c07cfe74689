import type { Translate } from "../lib/i18n/text";
import type { MeetingTab } from "../lib/panel/meeting-tab";
import { PLATFORM_NAMES } from "../lib/platforms/detect";

export function MeetingLine({ tab, t }: { tab: MeetingTab | null; t: Translate }) {
  if (!tab) return <p class="meeting warn">{t("noMeetingTab")}</p>;
  return (
    <p class="meeting" data-testid="meeting">
      <span class="label">{t("meeting")}:</span>{" "}
      {tab.readable ? (
        <>
          <span class="meeting-title">{tab.title || tab.origin}</span>{" "}
          <span class="muted">
            · {PLATFORM_NAMES[tab.platform]} · {tab.origin}
          </span>
        </>
      ) : (
        <span>{t("meetingUnknown")}</span>
      )}
    </p>
  );
}
