import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { Translate } from "../lib/i18n/text";
import type { MuteTarget } from "../lib/log/events";
import type { MeetingTab } from "../lib/panel/meeting-tab";
import {
  type Readiness,
  readinessChanges,
  readinessOf,
  readinessWords,
} from "../lib/panel/readiness";
import type { PanelState } from "../lib/panel/store";
import { memo } from "./memo";

/**
 * The quiet line under the meeting line: what Tresteg can do on this page, found by the
 * page's probe before anything happens, folded open for the reasons. The line itself is not
 * a live region (it is looked at again every few seconds); a change is announced once,
 * politely, in the status line beside it.
 */
export const ReadinessLine = memo(function ReadinessLine(props: {
  tab: MeetingTab | null | undefined;
  probe: PanelState["probe"];
  waitMutes: readonly MuteTarget[];
  t: Translate;
  /** An incident is open: only what must be done by hand is named. */
  compact: boolean;
  /** The wait runs: its own list says what was done; this line is out of date and hidden. */
  hidden: boolean;
}) {
  const { tab, probe, waitMutes, t } = props;
  const readiness = useMemo(() => {
    if (!tab) return null;
    if (tab.tabId === null) return readinessOf(tab, null, waitMutes);
    return probe && probe.tabId === tab.tabId ? readinessOf(tab, probe.report, waitMutes) : null;
  }, [tab, probe, waitMutes]);
  const announcement = useChangeAnnouncement(tab?.tabId ?? null, readiness, t);

  const status = (
    <p class="sr-only" role="status" data-testid="readiness-announcement">
      {announcement}
    </p>
  );
  if (!tab || props.hidden) return status;
  if (!readiness) {
    return (
      <>
        <p class="readiness muted" data-testid="readiness">
          {t("readiness.checking")}
        </p>
        {status}
      </>
    );
  }
  const words = readinessWords(readiness, t);
  const byHand = words.filter((w) => !w.ready);
  return (
    <>
      <details class="readiness" data-testid="readiness">
        <summary>
          {props.compact ? (
            byHand.length === 0 ? (
              <>
                {t("readiness.compact.all-ready")}
                <span aria-hidden="true"> ✓</span>
              </>
            ) : (
              t("readiness.compact.by-hand", { list: byHand.map((w) => w.name).join(", ") })
            )
          ) : (
            <>
              {t("readiness.heading")}:{" "}
              {words.map((w, i) => (
                <span
                  key={w.capability}
                  class={w.ready ? "readiness-item" : "readiness-item by-hand"}
                >
                  {w.name}
                  {w.ready ? (
                    <>
                      <span aria-hidden="true"> ✓</span>
                      <span class="sr-only"> ({w.status})</span>
                    </>
                  ) : (
                    ` – ${w.status}`
                  )}
                  {i < words.length - 1 ? ", " : ""}
                </span>
              ))}
            </>
          )}
        </summary>
        <ul class="readiness-list" aria-label={t("readiness.heading")}>
          {words.map((w) => (
            <li
              key={w.capability}
              data-capability={w.capability}
              data-status={w.ready ? "ready" : "by-hand"}
            >
              <strong>{w.name}</strong>: {w.status}. {w.detail}
            </li>
          ))}
        </ul>
      </details>
      {status}
    </>
  );
});

/**
 * What changed since the last reading, said once; nothing on the first reading (the line
 * shows it) nor on a refresh that found the same.
 */
function useChangeAnnouncement(
  tabId: number | null,
  readiness: Readiness | null,
  t: Translate,
): string {
  const last = useRef<{ tabId: number | null; readiness: Readiness } | null>(null);
  const [said, setSaid] = useState("");
  useEffect(() => {
    if (!readiness) return;
    const before = last.current?.tabId === tabId ? last.current.readiness : null;
    last.current = { tabId, readiness };
    // Another tab (practice began or ended) is a new reading, not a change of this page.
    if (!before) return;
    const changed = new Set(readinessChanges(before, readiness).map((c) => c.capability));
    if (changed.size === 0) return;
    const changes = readinessWords(readiness, t)
      .filter((w) => changed.has(w.capability))
      .map((w) => `${w.name} – ${w.status}`)
      .join(", ");
    setSaid(t("readiness.changed", { changes }));
  }, [tabId, readiness, t]);
  return said;
}
