import type { PlatformId } from "./detect";

/**
 * What Tresteg needs to know about one meeting platform's page: where the coach's own
 * microphone, camera and leave controls are, how to read their state, the keyboard shortcut
 * the platform documents, and which videos show the other participants.
 *
 * Adapters only find and read; `page-actions.ts` clicks, presses and verifies. An adapter
 * never throws: a control it cannot find is `null`, a state it cannot read is `null`.
 */
export type OwnDevice = "mic" | "camera";
export type DeviceState = "on" | "off";

/** A key combination, dispatched as keydown then keyup on the page. */
export interface Shortcut {
  key: string;
  code: string;
  /** Ctrl on Windows and Linux, Cmd on macOS, as Meet and Teams document their shortcuts. */
  primary?: boolean;
  shift?: boolean;
  alt?: boolean;
}

export interface DeviceControl {
  /** The platform's own toggle button for this device, or null when it is not on the page. */
  find(doc: Document): HTMLElement | null;
  /** What the button shows now; null when it shows nothing Tresteg can read with confidence. */
  read(button: HTMLElement): DeviceState | null;
  /** Pressed when a click on the button did not change the state. */
  shortcut?: Shortcut;
}

export interface LeaveControl {
  find(doc: Document): HTMLElement | null;
  /** A confirmation the platform asks for after the leave button (Zoom's "Leave meeting"). */
  confirm?(doc: Document): HTMLElement | null;
  shortcut?: Shortcut;
}

/** The videos (or canvases) that show the other participants. */
export interface RemoteVideos {
  surfaces: HTMLElement[];
  /**
   * True when nothing told the client's video from the coach's own, so every video is in
   * `surfaces` (covering too much is safer than leaving the client visible).
   */
  unsure: boolean;
}

export interface PlatformAdapter {
  id: PlatformId;
  /** Null: Tresteg has no way to reach this control on this platform. */
  mic: DeviceControl | null;
  camera: DeviceControl | null;
  leave: LeaveControl | null;
  remoteVideos(doc: Document): RemoteVideos;
}
