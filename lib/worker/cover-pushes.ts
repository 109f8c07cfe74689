import type { TrestegDb } from "../log/db";
import type { IncidentEvent, LoggedEvent } from "../log/events";
import { type IncidentLog, openSession, sessionEvents } from "../log/incident-log";
import type { CoverChangeCode } from "../log/report-code";
import { type CoverPush, type CoverPushAnswer, parseCoverPush } from "../messages";
import { replay } from "../routine/machine";
import type { WorkerBrowser } from "./browser";

/** The log entry for what the cover told: a mute of the client's picture, done or failed. */
export function coverPushEntry(push: CoverPush): IncidentEvent & { type: "mute-applied" } {
  const reason: CoverChangeCode["reason"] =
    push.change === "reapplied"
      ? "cover-reapplied"
      : push.change === "lost"
        ? "cover-lost"
        : "covered-late";
  return {
    type: "mute-applied",
    target: "client-picture",
    result: push.change === "lost" ? "failed" : "done",
    code: { reason, count: push.count },
  };
}

/** Whether this wait's own answer for the client's picture is in the log yet. */
function answeredThisWait(events: readonly LoggedEvent[]): boolean {
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i]!;
    if (event.type === "wait-started") return false;
    if (event.type === "mute-applied" && event.target === "client-picture") return true;
  }
  return false;
}

export interface CoverPushDeps {
  db: TrestegDb;
  log: Pick<IncidentLog, "append">;
  /** Waits between looks for the panel's own answer (a push may overtake it). */
  sleep?: (ms: number) => Promise<void>;
}

const ANSWER_LOOKS = 10;
const ANSWER_LOOK_MS = 200;

/**
 * Logs what the meeting page in `tabId` told about the cover, while a wait runs for that tab:
 * the open incident's tab, its wait not ended. A push may arrive before the panel has logged
 * the cover request's own answer; it is logged after that answer (looked for a few times), so
 * the wait box's line ends with what the page said last. The step machine refuses it once the
 * wait has ended, inside the write, so nothing is logged after the wait.
 */
export async function logCoverPush(
  tabId: number,
  push: CoverPush,
  deps: CoverPushDeps,
): Promise<CoverPushAnswer> {
  const sleep = deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  const session = await openSession(deps.db);
  if (!session || session.tabId !== tabId) return { logged: false, why: "not-the-meeting-tab" };
  for (let look = 0; ; look++) {
    const events = await sessionEvents(deps.db, session.id);
    if (!replay(events).state.wait) return { logged: false, why: "no-wait" };
    // Without the panel's answer after a while (a panel closed mid-request), logged anyway.
    if (answeredThisWait(events) || look >= ANSWER_LOOKS) break;
    await sleep(ANSWER_LOOK_MS);
  }
  const result = await deps.log.append(session.id, coverPushEntry(push));
  if (result.ok) return { logged: true };
  const { failure } = result;
  if (failure.kind === "refused" && failure.refusal === "no-wait") {
    return { logged: false, why: "no-wait" };
  }
  console.error("Tresteg: the cover's change could not be logged", push, failure);
  return { logged: false, why: failure.kind === "storage" ? "storage" : "refused" };
}

export interface RegisterCoverPushDeps extends CoverPushDeps {
  runtime: Pick<WorkerBrowser["runtime"], "id" | "onMessage">;
  onError?: (error: unknown) => void;
}

/**
 * The worker hears what the meeting script tells about the cover (the panel may be closed):
 * only from Tresteg's own meeting script in a tab, read through the schema, one tab's pushes
 * logged in the order they came.
 */
export function registerCoverPushes(deps: RegisterCoverPushDeps): void {
  const onError =
    deps.onError ?? ((error) => console.error("Tresteg: logging the cover's change", error));
  const queues = new Map<number, Promise<unknown>>();
  deps.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (sender.id !== deps.runtime.id) return false;
    const push = parseCoverPush(message);
    if (!push) return false;
    const tabId = sender.tab?.id;
    if (tabId === undefined) {
      sendResponse({ logged: false, why: "not-the-meeting-tab" } satisfies CoverPushAnswer);
      return false;
    }
    const next = (queues.get(tabId) ?? Promise.resolve())
      .then(() => logCoverPush(tabId, push, deps))
      .then(sendResponse, (error: unknown) => {
        onError(error);
        sendResponse({ logged: false, why: "storage" } satisfies CoverPushAnswer);
      });
    queues.set(tabId, next);
    // Chrome keeps the channel open for an asynchronous answer only when told so.
    return true;
  });
}
