import type { Outcome } from "../log/events";
import type { Refusal } from "../routine/machine";
import type { sv } from "./messages";

// What every part of the UI needs to speak, without the tables themselves: the side panel
// reads its words through the browser's i18n (_locales), the draft and the tests from the
// tables in ./messages. Only types come from there, so this module stays tiny.

export type Lang = "sv" | "en";
export const LANGS: readonly Lang[] = ["sv", "en"];

/** The panel's language for a language code the browser gives: Swedish unless it is English. */
export function panelLanguage(code: string): Lang {
  return LANGS.find((l) => l === code) ?? "sv";
}
export type MessageKey = keyof typeof sv;
export type Params = Record<string, string | number>;
/** Words for the keys of one table, with their {name} placeholders filled. */
export type Translator<Key extends string> = (key: Key, params?: Params) => string;
export type Translate = Translator<MessageKey>;

/** Puts the values into a message's {name} placeholders; unknown names stay visible. */
export function fill(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/**
 * The name a message has in `_locales/<lang>/messages.json`. Browser message names allow only
 * letters, digits and "_", so "refusal.not-started" is stored as "refusal_not_started".
 */
export function localeKey(key: MessageKey): string {
  return key.replace(/[^A-Za-z0-9_]/g, "_");
}

/** A message that counts: "{count} skärmdump" for one, "{count} skärmdumpar" for more or none. */
export function countKey<Key extends string>(key: Key, count: number): `${Key}.${"one" | "other"}` {
  return `${key}.${count === 1 ? "one" : "other"}`;
}

export const outcomeKey = (outcome: Outcome): MessageKey => `outcome.${outcome}`;
export const refusalKey = (refusal: Refusal): MessageKey => `refusal.${refusal}`;
