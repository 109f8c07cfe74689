import type { DeviceState } from "./adapter";
import { labelOf } from "./dom";

/**
 * Reading a toggle's state from its label, for platforms that show state only in words.
 * A label names the action the button would take: "Stäng av mikrofonen" / "Turn off
 * microphone" means the microphone is on now. Patterns list Swedish and English, the two
 * languages our coaches run the platforms in.
 *
 * Every pattern is anchored at the label's start: an unanchored "aktivera kamera" also
 * matches "Inaktivera kameran" (Teams' Swedish "turn camera off") and "unmute" contains
 * "mute", so an unanchored search reads an active camera as off. A label matching neither
 * pattern, or both, reads as unknown, never as a guess.
 */
export interface LabelPatterns {
  /** The button would turn the device on: it is off now. */
  turnsOn: RegExp;
  /** The button would turn the device off: it is on now. */
  turnsOff: RegExp;
}

/**
 * A case-insensitive pattern for labels that begin with one of the phrases (each a small
 * regular expression, e.g. "stäng av (mitt )?ljud").
 */
export function labelStarting(...phrases: string[]): RegExp {
  return new RegExp(`^(?:${phrases.join("|")})`, "iu");
}

/** The state a label shows, or null when it says neither (or both). */
export function stateFromText(label: string, patterns: LabelPatterns): DeviceState | null {
  const text = label.replace(/\s+/g, " ").trim();
  const on = patterns.turnsOn.test(text);
  const off = patterns.turnsOff.test(text);
  if (on === off) return null;
  return on ? "off" : "on";
}

export function stateFromLabel(element: Element, patterns: LabelPatterns): DeviceState | null {
  return stateFromText(labelOf(element), patterns);
}
