import * as v from "valibot";

// The organisation's people a coach calls for help (guideline 001 §4: "Påkalla hjälp om du
// blir hotad eller om du känner dig hotad"; handbook 002: "be en kollega komma och lyssna på
// samtalet"). Each contact is reached on one channel; Tresteg only opens that channel's link.

/** Who the contact is to the coach: the nearest manager, a colleague on duty, security. */
export const HELP_ROLES = ["manager", "colleague", "security", "other"] as const;
export type HelpRole = (typeof HELP_ROLES)[number];

/** How the contact is reached: a phone call, an e-mail, a Teams chat. */
export const HELP_CHANNELS = ["tel", "email", "teams"] as const;
export type HelpChannel = (typeof HELP_CHANNELS)[number];

export interface HelpContact {
  role: HelpRole;
  name: string;
  channel: HelpChannel;
  /** A phone number (tel), an e-mail address (email), the Teams user's sign-in address (teams). */
  address: string;
}

// A strict address: only what an organisation's e-mail and Teams sign-in names use. Nothing
// that means something in a URL (?, &, #, %, /, :, spaces, quotes) can be part of one.
const EMAIL = /^[A-Za-z0-9._+-]{1,64}@[A-Za-z0-9-]{1,63}(\.[A-Za-z0-9-]{1,63})+$/;
// A phone number as people write it: digits with spaces, dashes, dots or brackets, and an
// optional leading +. Only the + and the digits reach the link.
const PHONE = /^\+?[0-9 ()./-]{3,30}$/;

/** The phone number as the tel: link carries it (RFC 3966 global or local digits), or null. */
export function dialable(number: string): string | null {
  const trimmed = number.trim();
  if (!PHONE.test(trimmed)) return null;
  const digits = trimmed.replace(/[^0-9]/g, "");
  if (digits.length < 3 || digits.length > 20) return null;
  return `${trimmed.startsWith("+") ? "+" : ""}${digits}`;
}

export const isEmailAddress = (address: string) => EMAIL.test(address.trim());

/** Whether the address is one the contact's channel can be opened with. */
export function addressFits(channel: HelpChannel, address: string): boolean {
  return channel === "tel" ? dialable(address) !== null : isEmailAddress(address);
}

export const HelpContactSchema = v.pipe(
  v.strictObject({
    role: v.picklist(HELP_ROLES),
    name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(100)),
    channel: v.picklist(HELP_CHANNELS),
    address: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(254)),
  }),
  v.check((contact) => addressFits(contact.channel, contact.address)),
);

export const HelpContactsSchema = v.pipe(v.array(HelpContactSchema), v.maxLength(20));

/** The same person on the same channel once. */
export const contactKey = (c: HelpContact) => `${c.channel}:${c.address.toLowerCase()}`;
