import type { ActionCode } from "../log/report-code";
import type { ActionReport, LeaveChoice, ProbeReport } from "../messages";
import type { DeviceControl, DeviceState, OwnDevice, PlatformAdapter } from "./adapter";
import {
  type CoverListener,
  coverRemoteVideos as cover,
  uncoverRemoteVideos as uncover,
} from "./cover";
import { isDisabled, isRendered } from "./dom";
import { type PollOptions, waitFor } from "./poll";
import { pressShortcut } from "./shortcut";

/**
 * What the content script does on the meeting page, in plain DOM. Every action reads the
 * page back before it answers: "done" only when the page shows the new state, "already" when
 * it showed it before, "failed" with a code that says why (the panel words it). None throws.
 */
const LEAVE_CHECK: PollOptions = { timeoutMs: 1500, intervalMs: 50 };

/**
 * How long a device gets to show its new state: Jitsi switches the camera only once the
 * track has muted, which takes a second or two, so a control is given this long before it
 * counts as failed (the panel says "waiting" meanwhile).
 */
export const DEVICE_CHECK: PollOptions = { timeoutMs: 3000, intervalMs: 50 };

function failed(code: ActionCode): ActionReport {
  return { result: "failed", code };
}

export function probe(doc: Document, adapter: PlatformAdapter): ProbeReport {
  const found = (find: ((doc: Document) => HTMLElement | null) | undefined) => {
    try {
      return Boolean(find?.(doc));
    } catch {
      return false;
    }
  };
  const countRemote = () => {
    try {
      return adapter.remoteVideos(doc).surfaces.length;
    } catch {
      return 0;
    }
  };
  return {
    platform: adapter.id,
    controls: {
      mic: found(adapter.mic?.find),
      camera: found(adapter.camera?.find),
      hangUp: found(adapter.leave?.find),
    },
    remoteVideos: countRemote(),
  };
}

function readNow(doc: Document, control: DeviceControl): DeviceState | null {
  const button = control.find(doc);
  return button ? control.read(button) : null;
}

/** What the page's second signal shows, or null without one (or when it cannot be read). */
function confirmed(doc: Document, control: DeviceControl): DeviceState | null {
  try {
    return control.confirm?.(doc) ?? null;
  } catch {
    return null;
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until `check` holds on two reads one interval apart: a page that flips its button
 * and flips it back (or shows a state for one frame) does not count.
 */
async function holdsSettled(check: () => boolean, poll: PollOptions): Promise<boolean> {
  const deadline = Date.now() + poll.timeoutMs;
  while (await waitFor(check, { ...poll, timeoutMs: Math.max(0, deadline - Date.now()) })) {
    await pause(poll.intervalMs);
    if (check()) return true;
    if (Date.now() >= deadline) return false;
  }
  return false;
}

/**
 * No button on the page (Jitsi's narrow layout drops the wrappers, another language drops
 * the labels): the platform's shortcut still works. The state before and after can only be
 * read from the page's second signal; without one Tresteg presses to turn off only (never
 * blindly on: a coach who had muted must not be heard), and says it could not check.
 */
async function switchByShortcut(
  doc: Document,
  control: DeviceControl,
  device: OwnDevice,
  want: DeviceState,
  poll: PollOptions,
): Promise<ActionReport> {
  const notFound = failed({ reason: "control-not-found", control: device, want });
  if (!control.shortcut) return notFound;
  const before = confirmed(doc, control);
  if (before === want) return { result: "already" };
  if (before === null && want === "on") return notFound;
  pressShortcut(doc, control.shortcut);
  if (before !== null && (await holdsSettled(() => confirmed(doc, control) === want, poll))) {
    return { result: "done" };
  }
  return failed({ reason: "shortcut-unverified", control: device, want });
}

async function switchDevice(
  doc: Document,
  control: DeviceControl,
  device: OwnDevice,
  want: DeviceState,
  poll: PollOptions,
): Promise<ActionReport> {
  const button = control.find(doc);
  if (!button) return switchByShortcut(doc, control, device, want, poll);
  const before = control.read(button);
  if (before === null) return failed({ reason: "state-unknown", control: device, want });
  if (before === want) return { result: "already" };
  if (isDisabled(button)) return failed({ reason: "control-disabled", control: device, want });

  // Done only when the button shows it and the page's second signal (if any) does not say
  // otherwise: a button that flips without acting must not read as muted.
  const flipped = () => readNow(doc, control) === want;
  const agrees = () => {
    const seen = confirmed(doc, control);
    return seen === null || seen === want;
  };
  const done = () => flipped() && agrees();
  button.click();
  if (await holdsSettled(done, poll)) return { result: "done" };
  if (flipped()) return failed({ reason: "contradicted", control: device, want });
  // The click did nothing the page shows: try the platform's documented shortcut once, but
  // only if the state still reads as before (never toggle back what a slow click did).
  if (control.shortcut && readNow(doc, control) === before) {
    pressShortcut(doc, control.shortcut);
    if (await holdsSettled(done, poll)) return { result: "done" };
    if (flipped()) return failed({ reason: "contradicted", control: device, want });
  }
  return failed({ reason: "no-effect", control: device, want });
}

/** Turns the coach's own microphone or camera off (or back on) through the platform. */
export async function setOwnDevice(
  doc: Document,
  adapter: PlatformAdapter,
  device: OwnDevice,
  want: "off" | "on",
  poll: PollOptions = DEVICE_CHECK,
): Promise<ActionReport> {
  const control = device === "mic" ? adapter.mic : adapter.camera;
  if (!control) return failed({ reason: "self-service", control: device, want });
  try {
    return await switchDevice(doc, control, device, want, poll);
  } catch {
    return failed({ reason: "page-error" });
  }
}

export function coverRemoteVideos(
  doc: Document,
  adapter: PlatformAdapter,
  label: string,
  onChange?: CoverListener,
): ActionReport {
  try {
    return cover(doc, adapter, label, onChange);
  } catch {
    return failed({ reason: "page-error" });
  }
}

export function uncoverRemoteVideos(doc: Document): ActionReport {
  try {
    return uncover(doc);
  } catch {
    return failed({ reason: "page-error" });
  }
}

/**
 * The leave control is gone from the page, disabled, or, when it was shown before the click,
 * hidden now (Teams can leave a hidden copy behind). A leave control that was already hidden
 * before the click (an idle toolbar) must disappear or be disabled: a call reported as not
 * ended when it has is the safe mistake, the coach sees the meeting.
 */
function hasLeft(doc: Document, adapter: PlatformAdapter, wasShown: boolean): boolean {
  const button = adapter.leave?.find(doc) ?? null;
  return !button || isDisabled(button) || (wasShown && !isRendered(button));
}

/**
 * Leaves the call through the platform's own leave control (and its confirmation or menu).
 * `choice` "end-for-all" picks the page's "end for everyone" answer where the page shows one
 * after the leave button (the coach as Jitsi moderator or Meet host); where it shows none the
 * coach leaves. The report says which answer was clicked, and only once the page shows the
 * call left: "ended-for-all", or "end-for-all-not-offered" when ending was asked but the coach
 * only left. Nothing here can see the others' side, so neither claims more than the click.
 */
export async function hangUp(
  doc: Document,
  adapter: PlatformAdapter,
  poll: PollOptions = LEAVE_CHECK,
  choice: LeaveChoice = "leave",
): Promise<ActionReport> {
  const leave = adapter.leave;
  if (!leave) return failed({ reason: "no-leave-control" });
  try {
    const button = leave.find(doc);
    if (!button || isDisabled(button)) return failed({ reason: "no-leave-control" });
    const wasShown = isRendered(button);
    button.click();
    const left = () => hasLeft(doc, adapter, wasShown);
    // Ending for everyone is never clicked unless asked, whatever else the page shows.
    const endForAll = () => (choice === "end-for-all" ? (leave.endForAll?.(doc) ?? null) : null);
    const justLeave = () => leave.confirm?.(doc) ?? null;
    let endedForAll = false;
    if (leave.confirm || leave.endForAll) {
      // Zoom asks "Leave meeting?" first; Jitsi's moderator button opens its menu; Meet asks a
      // host. Each answer is part of the same leave control.
      const asked = () => endForAll() ?? justLeave();
      if (await waitFor(() => left() || asked() !== null, poll)) {
        const forAll = endForAll();
        (forAll ?? justLeave())?.click();
        endedForAll = forAll !== null;
      }
    }
    const note =
      choice !== "end-for-all"
        ? {}
        : {
            code: endedForAll
              ? ({ reason: "ended-for-all" } as const)
              : ({ reason: "end-for-all-not-offered" } as const),
          };
    if (await waitFor(left, poll)) return { result: "done", ...note };
    if (leave.shortcut && !left()) {
      pressShortcut(doc, leave.shortcut);
      if (await waitFor(left, poll)) return { result: "done", ...note };
    }
    return failed({ reason: "leave-no-effect" });
  } catch {
    return failed({ reason: "page-error" });
  }
}
