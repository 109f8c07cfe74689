import { useEffect, useState } from "preact/hooks";
import type { Translate } from "../lib/i18n/text";
import { megabytes } from "../lib/log/describe";
import type { RecordingActions } from "../lib/recording/panel-actions";
import { roomMinutes, type RecordingSummary } from "../lib/recording/status";
import type { Language } from "../lib/routine/pack";
import { clockTime } from "../lib/time/format";

/**
 * "Spela in samtalet" (handbook 002: "har du möjlighet spela in samtalet om det blir
 * hotfullt"): one click, with the minutes the disk has room for said before; while it runs,
 * what is recorded and how much is saved, and the stop. The organisation may turn it off (no
 * button) or ask the coach to read a notice before the first recording (lib/recording/notice.ts
 * says which); the one the coach confirmed is kept in the settings, where the keyboard command
 * reads it too.
 */
export function RecordControl(props: {
  t: Translate;
  lang: Language;
  /** False when the organisation has turned recording off: nothing is shown. */
  allowed: boolean;
  /** The notice in force in the panel's language; null: none. */
  notice: string | null;
  /** The notice the coach last confirmed. */
  noticeRead: string | null;
  onNoticeRead: (notice: string) => void;
  actions: RecordingActions;
  running: RecordingSummary | null;
  last: RecordingSummary | null;
  busy: boolean;
  onStop: () => void;
}) {
  const { t, notice, actions, running } = props;
  const [room, setRoom] = useState<number | null | undefined>(undefined);
  const [asking, setAsking] = useState(false);
  useEffect(() => {
    if (running || !actions.supported) return;
    let live = true;
    void actions.estimate().then((estimate) => live && setRoom(roomMinutes(estimate)));
    return () => {
      live = false;
    };
  }, [running, actions]);

  if (!props.allowed) return null;
  if (!actions.supported) {
    return (
      <p class="hint recording-unsupported" data-testid="recording-unsupported">
        {t("recording.needsChrome")}
      </p>
    );
  }
  if (running) {
    return (
      <div class="recording on" role="status" data-testid="recording-on">
        <p>
          <span class="rec-dot" aria-hidden="true" /> <strong>{t("recording.on")}</strong>{" "}
          {t("recording.progress", {
            time: clockTime(running.startedAt),
            chunks: running.chunks.length,
            size: megabytes(running.bytes, props.lang),
          })}
        </p>
        {running.sides === "client-only" && (
          <p class="warn-line" data-testid="recording-client-only">
            {t("recording.clientOnly")}
          </p>
        )}
        <button type="button" class="big secondary" onClick={props.onStop}>
          {t("recording.stop")}
        </button>
      </div>
    );
  }
  const start = () => {
    if (notice && props.noticeRead !== notice) {
      setAsking(true);
      return;
    }
    void actions.start();
  };
  const stoppedBy = props.last?.reason;
  return (
    <div class="recording">
      {stoppedBy && stoppedBy !== "coach" && (
        <p class="warn-line" role="status" data-testid="recording-stopped">
          {t("recording.stopped", { reason: t(`recording.stop.${stoppedBy}`) })}
        </p>
      )}
      {asking && notice ? (
        <div class="confirm recording-notice" role="group" aria-labelledby="recording-notice">
          <p id="recording-notice">
            <strong>{t("recording.noticeTitle")}:</strong> {notice}
          </p>
          <button
            type="button"
            class="big"
            disabled={props.busy}
            onClick={() => {
              props.onNoticeRead(notice);
              setAsking(false);
              void actions.start();
            }}
          >
            {t("recording.noticeOk")}
          </button>
          <button type="button" class="secondary" onClick={() => setAsking(false)}>
            {t("cancel")}
          </button>
        </div>
      ) : (
        <button
          type="button"
          class="big record-button"
          aria-keyshortcuts="Alt+Shift+V"
          aria-describedby="recording-room"
          disabled={props.busy}
          onClick={start}
        >
          {t("recording.start")} <span class="kbd">(Alt+Shift+V)</span>
        </button>
      )}
      <p class="hint" id="recording-room" data-testid="recording-room">
        {room === undefined
          ? ""
          : room === null
            ? t("recording.roomUnknown")
            : t("recording.room", { minutes: room })}
      </p>
    </div>
  );
}
