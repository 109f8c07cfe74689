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
  /**
   * Focused elements the platform ignores the shortcut on (Jitsi: buttons, fields, menu
   * items): such an element is blurred before the press, so the key reaches the handler.
   */
  ignoredWhileFocused?: string;
}

export interface DeviceControl {
  /** The platform's own toggle button for this device, or null when it is not on the page. */
  find(doc: Document): HTMLElement | null;
  /** What the button shows now; null when it shows nothing Tresteg can read with confidence. */
  read(button: HTMLElement): DeviceState | null;
  /**
   * Pressed when a click on the button did not change the state, or when no button is found
   * (narrow layouts drop it from the toolbar; the shortcut still works).
   */
  shortcut?: Shortcut;
  /**
   * What a second part of the page shows of the device, independent of the button (Jitsi's
   * self-view tile): a button that flips without acting is caught by it, and it lets a
   * shortcut pressed without a button be checked. Null when it shows nothing readable.
   */
  confirm?(doc: Document): DeviceState | null;
}

export interface LeaveControl {
  find(doc: Document): HTMLElement | null;
  /**
   * The answer that leaves, where the platform asks after the leave button: Zoom's "Leave
   * meeting", the Leave item of the menu Jitsi's moderator button opens, Meet's "just leave
   * the call" to a host.
   */
  confirm?(doc: Document): HTMLElement | null;
  /**
   * The answer that ends the meeting for everyone, where the page shows one after the leave
   * button (Jitsi's moderator menu, Meet's dialog to a host); null where it shows none.
   */
  endForAll?(doc: Document): HTMLElement | null;
  shortcut?: Shortcut;
}

/** The videos (or canvases) that show the other participants. */
export interface RemoteVideos {
  /** The client's videos and canvases themselves: what a screenshot under the cover draws. */
  surfaces: HTMLElement[];
  /**
   * Whole areas that hold the client's picture (Jitsi's stage with its blurred background
   * canvas and its avatar), covered as one; surfaces inside a stage get no layer of their own.
   */
  stages?: HTMLElement[];
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
