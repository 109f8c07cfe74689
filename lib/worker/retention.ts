import { purgeExpired } from "../history/delete";
import type { TrestegDb } from "../log/db";
import type { IncidentLog } from "../log/incident-log";
import type { Settings } from "../settings";
import type { WorkerBrowser } from "./browser";

export const RETENTION_ALARM = "retention";
const DAY_MINUTES = 24 * 60;

export interface RetentionDeps {
  alarms: Pick<WorkerBrowser["alarms"], "get" | "create" | "onAlarm">;
  db: TrestegDb;
  /** Closes incidents left open for days, with a log entry, before the purge. */
  log?: Pick<IncidentLog, "append">;
  settings: () => Promise<Settings>;
  now?: () => number;
  onError?: (error: unknown) => void;
}

/**
 * Data minimisation also when the panel is never opened: expired incidents are deleted once
 * a day by an alarm, and each time the worker starts. Listens at once (a worker woken by the
 * alarm must hear it); the returned promise settles when the start-up purge is done.
 */
export function registerRetention(deps: RetentionDeps): Promise<void> {
  const now = deps.now ?? Date.now;
  const onError = deps.onError ?? ((error) => console.error("Tresteg: retention", error));
  const purge = () =>
    deps
      .settings()
      .then((settings) => purgeExpired(deps.db, settings.retentionDays, now(), deps.log))
      .then(
        () => undefined,
        (error) => onError(error),
      );
  deps.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETENTION_ALARM) void purge();
  });
  return (async () => {
    // Creating an alarm again restarts its period: a worker that wakes more often than once
    // a day would never let a re-created daily alarm fire.
    try {
      if (!(await deps.alarms.get(RETENTION_ALARM))) {
        await deps.alarms.create(RETENTION_ALARM, { periodInMinutes: DAY_MINUTES });
      }
    } catch (error) {
      onError(error);
    }
    await purge();
  })();
}
