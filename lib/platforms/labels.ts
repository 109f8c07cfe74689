import type { DeviceState } from "./adapter";
import { labelOf } from "./dom";

/**
 * Reading a toggle's state from its label, for platforms that show state only in words.
 * A label names the action the button would take: "Stäng av mikrofonen" / "Turn off
 * microphone" means the microphone is on now. Patterns list Swedish and English, the two
 * languages our coaches run the platforms in; "turn on" is tested before "turn off" because
 * "unmute" contains "mute". A label matching neither reads as unknown, never as a guess.
 */
export interface LabelPatterns {
  /** The button would turn the device on: it is off now. */
  turnsOn: RegExp;
  /** The button would turn the device off: it is on now. */
  turnsOff: RegExp;
}

export function stateFromLabel(element: Element, patterns: LabelPatterns): DeviceState | null {
  const label = labelOf(element);
  if (patterns.turnsOn.test(label)) return "off";
  if (patterns.turnsOff.test(label)) return "on";
  return null;
}
