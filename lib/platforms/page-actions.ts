import type { ActionReport, ProbeReport } from "../messages";
import type { DeviceControl, OwnDevice, PlatformAdapter } from "./adapter";
import { coverRemoteVideos as cover, uncoverRemoteVideos as uncover } from "./cover";
import { DETAILS } from "./details";
import { isDisabled } from "./dom";
import { type PollOptions, VERIFY, waitFor } from "./poll";
import { pressShortcut } from "./shortcut";

/**
 * What the content script does on the meeting page, in plain DOM. Every action reads the
 * page back before it answers: "done" only when the page shows the new state, "already" when
 * it showed it before, "failed" with a detail the coach can act on. None throws.
 */
const LEAVE_CHECK: PollOptions = { timeoutMs: 1500, intervalMs: 50 };

function failed(detail: string): ActionReport {
  return { result: "failed", detail };
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

function readNow(doc: Document, control: DeviceControl) {
  const button = control.find(doc);
  return button ? control.read(button) : null;
}

async function switchDevice(
  doc: Document,
  control: DeviceControl,
  device: OwnDevice,
  want: "off" | "on",
  poll: PollOptions,
): Promise<ActionReport> {
  const button = control.find(doc);
  if (!button) return failed(DETAILS.controlMissing(device, want).sv);
  const before = control.read(button);
  if (before === null) return failed(DETAILS.stateUnknown(device, want).sv);
  if (before === want) return { result: "already" };
  if (isDisabled(button)) return failed(DETAILS.disabled(device, want).sv);

  const flipped = () => readNow(doc, control) === want;
  button.click();
  if (await waitFor(flipped, poll)) return { result: "done" };
  // The click did nothing the page shows: try the platform's documented shortcut once, but
  // only if the state still reads as before (never toggle back what a slow click did).
  if (control.shortcut && readNow(doc, control) === before) {
    pressShortcut(doc, control.shortcut);
    if (await waitFor(flipped, poll)) return { result: "done" };
  }
  return failed(DETAILS.noEffect(device, want).sv);
}

/** Turns the coach's own microphone or camera off (or back on) through the platform. */
export async function setOwnDevice(
  doc: Document,
  adapter: PlatformAdapter,
  device: OwnDevice,
  want: "off" | "on",
  poll: PollOptions = VERIFY,
): Promise<ActionReport> {
  const control = device === "mic" ? adapter.mic : adapter.camera;
  if (!control) return failed(DETAILS.selfService(device, want).sv);
  try {
    return await switchDevice(doc, control, device, want, poll);
  } catch {
    return failed(DETAILS.pageError.sv);
  }
}

export function coverRemoteVideos(
  doc: Document,
  adapter: PlatformAdapter,
  label: string,
): ActionReport {
  try {
    return cover(doc, adapter, label);
  } catch {
    return failed(DETAILS.pageError.sv);
  }
}

export function uncoverRemoteVideos(doc: Document): ActionReport {
  try {
    return uncover(doc);
  } catch {
    return failed(DETAILS.pageError.sv);
  }
}

/**
 * The leave control is gone from the page, or disabled: the platform has left the call. A
 * leave button that is only hidden does not count (toolbars hide when idle); a call reported
 * as not ended when it has is the safe mistake, the coach sees the meeting.
 */
function hasLeft(doc: Document, adapter: PlatformAdapter): boolean {
  const button = adapter.leave?.find(doc) ?? null;
  return !button || isDisabled(button);
}

/** Leaves the call through the platform's own leave control (and its confirmation). */
export async function hangUp(
  doc: Document,
  adapter: PlatformAdapter,
  poll: PollOptions = LEAVE_CHECK,
): Promise<ActionReport> {
  const leave = adapter.leave;
  if (!leave) return failed(DETAILS.leaveMissing.sv);
  try {
    const button = leave.find(doc);
    if (!button || isDisabled(button)) return failed(DETAILS.leaveMissing.sv);
    button.click();
    const left = () => hasLeft(doc, adapter);
    const confirm = leave.confirm;
    if (confirm) {
      // Zoom asks "Leave meeting?" first; its button is part of the same leave control.
      const confirmed = () => left() || confirm(doc) !== null;
      if (await waitFor(confirmed, poll)) confirm(doc)?.click();
    }
    if (await waitFor(left, poll)) return { result: "done" };
    if (leave.shortcut && !left()) {
      pressShortcut(doc, leave.shortcut);
      if (await waitFor(left, poll)) return { result: "done" };
    }
    return failed(DETAILS.leaveNoEffect.sv);
  } catch {
    return failed(DETAILS.pageError.sv);
  }
}
