import type { ActionCode } from "../log/report-code";
import type { ActionReport, ProbeReport } from "../messages";
import type { DeviceControl, OwnDevice, PlatformAdapter } from "./adapter";
import { coverRemoteVideos as cover, uncoverRemoteVideos as uncover } from "./cover";
import { isDisabled } from "./dom";
import { type PollOptions, VERIFY, waitFor } from "./poll";
import { pressShortcut } from "./shortcut";

/**
 * What the content script does on the meeting page, in plain DOM. Every action reads the
 * page back before it answers: "done" only when the page shows the new state, "already" when
 * it showed it before, "failed" with a code that says why (the panel words it). None throws.
 */
const LEAVE_CHECK: PollOptions = { timeoutMs: 1500, intervalMs: 50 };

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
  if (!button) return failed({ reason: "control-not-found", control: device, want });
  const before = control.read(button);
  if (before === null) return failed({ reason: "state-unknown", control: device, want });
  if (before === want) return { result: "already" };
  if (isDisabled(button)) return failed({ reason: "control-disabled", control: device, want });

  const flipped = () => readNow(doc, control) === want;
  button.click();
  if (await waitFor(flipped, poll)) return { result: "done" };
  // The click did nothing the page shows: try the platform's documented shortcut once, but
  // only if the state still reads as before (never toggle back what a slow click did).
  if (control.shortcut && readNow(doc, control) === before) {
    pressShortcut(doc, control.shortcut);
    if (await waitFor(flipped, poll)) return { result: "done" };
  }
  return failed({ reason: "no-effect", control: device, want });
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
): ActionReport {
  try {
    return cover(doc, adapter, label);
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
  if (!leave) return failed({ reason: "no-leave-control" });
  try {
    const button = leave.find(doc);
    if (!button || isDisabled(button)) return failed({ reason: "no-leave-control" });
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
    return failed({ reason: "leave-no-effect" });
  } catch {
    return failed({ reason: "page-error" });
  }
}
