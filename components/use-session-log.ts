import { useEffect, useState } from "preact/hooks";
import type { LoggedEvent } from "../lib/log/events";
import type { IncidentLog } from "../lib/log/incident-log";
import { chainHead, entriesFrom } from "../lib/log/queries";
import type { LogStorage } from "../lib/log/storage";
import { watchLive } from "./use-live-query";

/**
 * A session's log as it grows. The chain head (one small row, rewritten with every entry) is
 * watched live; when it moves, only the entries after those already read are fetched, so a
 * click costs the same with 10 entries as with 1,000. Entries are append-only, so what was
 * read stays true. Returns null until the first read. `initial` is a session's log already read
 * (the page read it before drawing): it is shown at once and only what follows is fetched.
 */
export function useSessionLog(
  storage: Promise<LogStorage>,
  log: Pick<IncidentLog, "onCommitted">,
  sessionId: string | null,
  initial?: { sessionId: string; events: LoggedEvent[] } | null,
): LoggedEvent[] | null {
  const given = (id: string | null) =>
    id && initial?.sessionId === id && initial.events.length > 0 ? initial.events : null;
  const [events, setEvents] = useState<LoggedEvent[] | null>(() => given(sessionId));
  useEffect(() => {
    const known = given(sessionId);
    setEvents(known);
    if (!sessionId) return;
    let read: LoggedEvent[] = known ?? [];
    let live = true;
    // One catch-up at a time, in order, so two quick commits cannot interleave their reads.
    let catchingUp = Promise.resolve();
    // This panel's own entries are shown as soon as they are committed, without reading back.
    const stopListening = log.onCommitted((entry) => {
      if (!live || entry.sessionId !== sessionId || entry.seq !== read.length) return;
      read = read.concat(entry);
      setEvents(read);
    });
    // The database opens after the first draw: the log given for it is shown until then.
    const stopWatching = watchLive(
      storage,
      (db) => chainHead(db, sessionId).then((head) => ({ db, head })),
      {
        next: ({ db, head }) => {
          // The head says how long the log is: a commit this panel already shows needs no read.
          if (head && head.length === read.length && read.length > 0) return;
          const catchUp = () =>
            entriesFrom(db, sessionId, read.length).then((more) => {
              if (!live) return;
              // Only what follows what is already shown (the panel's own entries may be there).
              const fresh = more.filter((e) => e.seq >= read.length);
              if (fresh.length === 0 && read.length > 0) return;
              read = read.concat(fresh);
              setEvents(read);
            });
          catchingUp = catchingUp.then(catchUp, catchUp);
        },
        error: (error) => console.error("Tresteg: reading the log", error),
      },
    );
    return () => {
      live = false;
      stopListening();
      stopWatching();
    };
    // The log given for the first draw counts once; a session opened later reads its own.
  }, [storage, log, sessionId]);
  return events;
}
