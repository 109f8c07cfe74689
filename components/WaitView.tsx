import { useEffect, useRef, useState } from "preact/hooks";
import type { Translate } from "../lib/i18n/text";
import { entryReason } from "../lib/log/describe";
import { isCoverChange } from "../lib/log/report-code";
import { MUTE_TARGETS, type LoggedEvent, type MuteTarget, type WaitEnd } from "../lib/log/events";
import {
  type Announcement,
  announcementText,
  formatCountdown,
  minuteAnnouncement,
  remainingMs,
} from "../lib/mute/wait";

/** After this long without an answer a mute reads as waiting for the meeting. */
const SLOW_MS = 1000;

/** Re-renders a few times a second; the countdown's truth is the logged deadline. */
function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

interface Props {
  t: Translate;
  deadline: number;
  /** The log entries since this wait started: what each mute really did. */
  entries: LoggedEvent[];
  /** What this wait mutes (the settings; all four by default). */
  targets: readonly MuteTarget[];
  busy: boolean;
  onExtend: () => void;
  onEnd: (reason: WaitEnd) => void;
}

/** The two-minute wait: a countdown readable at a glance, what is muted, and the way out. */
export function WaitView({ t, deadline, entries, targets, busy, onExtend, onEnd }: Props) {
  const now = useNow(250);
  const left = remainingMs(deadline, now);
  const previous = useRef(left);
  const [announcement, setAnnouncement] = useState<Announcement | null>(null);
  useEffect(() => {
    const said = minuteAnnouncement(previous.current, left);
    previous.current = left;
    if (said) setAnnouncement(said);
  }, [left]);

  const applied = new Map<MuteTarget, LoggedEvent & { type: "mute-applied" }>();
  for (const e of entries) if (e.type === "mute-applied") applied.set(e.target, e);
  // A mute the meeting has not answered for a moment is waited for (a slow camera gets a few
  // seconds): the panel says so instead of "turning off".
  const startedAt = entries.find((e) => e.type === "wait-started")?.at;
  const waiting = startedAt !== undefined && now - startedAt >= SLOW_MS;
  const over = left === 0;
  return (
    <section class={`wait${over ? " over" : ""}`} aria-labelledby="wait-heading">
      <h2 id="wait-heading">{t("waitHeading")}</h2>
      <p class="countdown" aria-label={t("waitRemaining")} data-testid="countdown">
        {formatCountdown(left)}
      </p>
      <p class="sr-only" aria-live="assertive" data-testid="wait-announcement">
        {announcement && announcementText(announcement, t)}
      </p>
      {over && (
        <p class="banner" role="alert">
          {t("waitOver")}
        </p>
      )}
      <h3 class="mute-heading">{t("muteStatus")}</h3>
      <ul class="mute-status">
        {MUTE_TARGETS.filter((x) => targets.includes(x) || applied.has(x)).map((target) => {
          const entry = applied.get(target);
          return (
            <li
              key={target}
              data-target={target}
              data-result={entry?.result ?? (waiting ? "waiting" : "pending")}
            >
              <span class="mute-target">{t(`mute.${target}`)}:</span>{" "}
              {entry
                ? t(`muteState.${target}.${entry.result}`)
                : t(waiting ? "muteWaiting" : "muteWorking")}
              {/* What the cover did on its own since (covered when the camera came on, put
                  back after the page removed it), on a line of its own. */}
              {entry && entry.result !== "failed" && isCoverChange(entry.code) && (
                <span class="mute-note" data-testid={`note-${target}`}>
                  {entryReason(entry, t)}
                </span>
              )}
              {/* A failure on lines of its own: why, then what the coach must do now. */}
              {entry?.result === "failed" && (
                <FailureLines
                  target={target}
                  reason={entryReason(entry, t)}
                  todo={t(`selfMute.${target}`)}
                />
              )}
            </li>
          );
        })}
      </ul>
      <div class="moves">
        <button type="button" class="big" disabled={busy} onClick={() => onEnd("continue")}>
          {t("waitContinue")}
        </button>
        <button
          type="button"
          class="big secondary"
          disabled={busy}
          onClick={() => onEnd("to-warning")}
        >
          {t("waitToWarning")}
        </button>
        <button
          type="button"
          class="big terminate"
          disabled={busy}
          onClick={() => onEnd("terminate")}
        >
          {t("waitTerminate")}
        </button>
        <button type="button" class="secondary" disabled={busy} onClick={onExtend}>
          {t("waitExtend")}
        </button>
      </div>
    </section>
  );
}

/** Why a mute failed, then what the coach must do, each on its own line (said once). */
function FailureLines(props: { target: MuteTarget; reason: string | null; todo: string }) {
  const { reason, todo } = props;
  return (
    <>
      {reason && (
        <span class="mute-reason" data-testid={`reason-${props.target}`}>
          {reason}
        </span>
      )}
      {!reason?.includes(todo) && <strong class="self-mute">{todo}</strong>}
    </>
  );
}
