/** Alarms for the two-minute wait are named after their session. */
export const WAIT_ALARM_PREFIX = "wait:";

export const waitAlarmName = (sessionId: string) => `${WAIT_ALARM_PREFIX}${sessionId}`;

export function sessionOfAlarm(name: string): string | null {
  return name.startsWith(WAIT_ALARM_PREFIX) ? name.slice(WAIT_ALARM_PREFIX.length) : null;
}

export interface WaitAlarmDeps {
  /** True when a Tresteg panel (side panel or detached window) is open to show the end. */
  panelIsOpen(): Promise<boolean>;
  notify(id: string, message: string): Promise<void>;
}

export const WAIT_OVER_MESSAGE =
  "Två minuter har gått. Öppna Tresteg: fortsätt samtalet, gå till varning eller avsluta. / Two minutes are up.";

/**
 * The wait's deadline passed. The panel shows it itself when open (it computes the countdown
 * from the logged deadline); when closed, a silent notification tells the coach.
 */
export async function onWaitAlarm(name: string, deps: WaitAlarmDeps): Promise<boolean> {
  const sessionId = sessionOfAlarm(name);
  if (!sessionId) return false;
  if (await deps.panelIsOpen()) return false;
  await deps.notify(name, WAIT_OVER_MESSAGE);
  return true;
}
