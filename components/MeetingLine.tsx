import type { Translate } from "../lib/i18n/text";
import type { MeetingTab } from "../lib/panel/meeting-tab";
import { platformName } from "../lib/platforms/detect";
import { oneLine } from "../lib/draft/escape";
import { memo } from "./memo";

/** The meeting tab the panel serves: undefined while it is being looked up, null if none. */
export const MeetingLine = memo(function MeetingLine({
  tab,
  t,
}: {
  tab: MeetingTab | null | undefined;
  t: Translate;
}) {
  if (tab === undefined) return <p class="meeting muted">{t("meetingLooking")}</p>;
  if (!tab) return <p class="meeting warn">{t("noMeetingTab")}</p>;
  return (
    <p class="meeting" data-testid="meeting">
      <span class="label">{t("meeting")}:</span>{" "}
      {tab.readable ? (
        <>
          {/* A page's title is the page's to choose: bidi overrides and controls are taken out
              here as in every export, so it cannot read differently from what it says. */}
          <span class="meeting-title">{oneLine(tab.title) || tab.origin}</span>{" "}
          <span class="muted">
            · {platformName(tab.platform, t)} · {tab.origin}
          </span>
        </>
      ) : (
        <span>{t("meetingUnknown")}</span>
      )}
    </p>
  );
});
