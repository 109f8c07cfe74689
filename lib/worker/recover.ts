import type { TrestegDb } from "../log/db";
import type { LoggedEvent } from "../log/events";
import { type IncidentLog, openSession, sessionEvents } from "../log/incident-log";
import type { MeetingPort } from "../panel/meeting-port";
import type { WorkerBrowser } from "./browser";
import { replay } from "../routine/machine";

/**
 * After the meeting page reloads during the two-minute wait, the layer over the client's
 * video is gone with the old page. If Tresteg had covered it and the wait still runs, it must
 * be covered again: a reload must not show the coach what the wait was hiding.
 */
export function needsCoverAgain(events: readonly LoggedEvent[]): boolean {
  const { state } = replay(events);
  if (state.status === "ended" || state.wait === null) return false;
  if (state.mutedByUs.includes("client-picture")) return true;
  // Nothing to cover when the wait began (the client's camera off): the old page was watching
  // for the picture, so the new one watches too.
  return lastPictureAnswer(events)?.code?.reason === "no-remote-video";
}

/** This wait's last entry for the client's picture, if any. */
function lastPictureAnswer(events: readonly LoggedEvent[]) {
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i]!;
    if (event.type === "wait-started") return undefined;
    if (event.type === "mute-applied" && event.target === "client-picture") return event;
  }
  return undefined;
}

export interface RecoverDeps {
  tabs: Pick<WorkerBrowser["tabs"], "onUpdated">;
  db: TrestegDb;
  log: Pick<IncidentLog, "append">;
  port: Pick<MeetingPort, "send">;
  onError?: (error: unknown) => void;
}

/**
 * A meeting page reloaded during the wait: cover the client's video again, and log it. Every
 * reload is covered again; a page reloading itself over and over gives one entry per burst
 * (reloads with nothing else logged between them that came out the same), not one per reload.
 */
export function registerRecover(deps: RecoverDeps): void {
  const onError =
    deps.onError ?? ((error) => console.error("Tresteg: covering again after a reload", error));
  // One reload of a tab at a time, so a burst is seen in the log as it is being written.
  const queues = new Map<number, Promise<void>>();
  deps.tabs.onUpdated.addListener((tabId, info) => {
    if (info.status !== "complete") return;
    const next = (queues.get(tabId) ?? Promise.resolve())
      .then(() => coverAgain(tabId, deps))
      .catch(onError);
    queues.set(tabId, next);
  });
}

async function coverAgain(tabId: number, deps: RecoverDeps): Promise<void> {
  const session = await openSession(deps.db);
  if (!session || session.tabId !== tabId) return;
  const events = await sessionEvents(deps.db, session.id);
  if (!needsCoverAgain(events)) return;
  // No label: the page words the cover in the browser's language (the worker has no panel).
  const report = await deps.port.send(tabId, { type: "meeting:cover", cover: true });
  const code = report.code
    ? ({ reason: "again-after-reload", then: report.code } as const)
    : ({ reason: "again-after-reload" } as const);
  // The last reload of this burst said the same, and nothing was logged since: covered again,
  // not logged again.
  const last = events.at(-1);
  const again =
    last?.type === "mute-applied" &&
    last.target === "client-picture" &&
    last.result === report.result &&
    JSON.stringify(last.code) === JSON.stringify(code);
  if (again) return;
  await deps.log.append(session.id, {
    type: "mute-applied",
    target: "client-picture",
    result: report.result,
    code,
  });
}
