import type { Translate } from "../i18n/text";
import type { PlatformId } from "../platforms/detect";
import { dialable, type HelpContact, isEmailAddress } from "./contacts";

/**
 * Microsoft's deep link to a new chat: `users` are sign-in names (UPNs), `message` is put in
 * the coach's compose box as a draft, never sent by itself (learn.microsoft.com, "Deep link to
 * Teams chat", "Deep link to start a new chat").
 */
export const TEAMS_CHAT = "https://teams.microsoft.com/l/chat/0/0";

// Platforms whose meeting address is the room itself, so a colleague who opens it can listen
// in: Jitsi (the room is the path), Google Meet (meet.google.com/abc-defg-hij), Whereby
// (whereby.com/room). Teams' and Zoom's web clients show internal addresses, not join links.
const ROOM_IN_ADDRESS: ReadonlySet<PlatformId> = new Set(["jitsi", "google-meet", "whereby"]);

/**
 * The meeting's join link as the page shows it, or null: only https, and only origin and
 * path, so that a sign-in token or anything else in the query or fragment (Jitsi's ?jwt=)
 * never goes into a message.
 */
export function joinLink(url: string | undefined, platform: PlatformId): string | null {
  if (!url || !ROOM_IN_ADDRESS.has(platform)) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== "https:" || parsed.username || parsed.password) return null;
  if (parsed.pathname === "/" || parsed.pathname === "") return null;
  return `${parsed.origin}${parsed.pathname}`;
}

export interface HelpMessage {
  subject: string;
  body: string;
}

/**
 * The link that opens the contact's own channel with the message ready, or null when the
 * address is not one the channel can take (never a link built from a bad address). Every
 * part that comes from the settings or the meeting is percent-encoded; a phone link carries
 * only the number's digits (a call has no text).
 */
export function helpLink(contact: HelpContact, message: HelpMessage): string | null {
  switch (contact.channel) {
    case "tel": {
      const number = dialable(contact.address);
      return number ? `tel:${number}` : null;
    }
    case "email": {
      const address = contact.address.trim();
      if (!isEmailAddress(address)) return null;
      // RFC 6068: the address is the path; subject and body are percent-encoded fields.
      return `mailto:${address}?subject=${encodeURIComponent(message.subject)}&body=${encodeURIComponent(message.body)}`;
    }
    case "teams": {
      const user = contact.address.trim();
      if (!isEmailAddress(user)) return null;
      return `${TEAMS_CHAT}?users=${encodeURIComponent(user)}&message=${encodeURIComponent(message.body)}`;
    }
    default: {
      const unknown: never = contact.channel;
      throw new Error(`Tresteg: no link for ${String(unknown)}`);
    }
  }
}

/**
 * The short message a colleague reads: the kind of incident, since when, and the meeting's
 * join link where the page shows one, so that they can listen in.
 */
export function helpMessage(
  t: Translate,
  what: { kinds: string; since: string; join: string | null },
): HelpMessage {
  const first = t("help.message", { kinds: what.kinds, time: what.since });
  return {
    subject: t("help.subject", { kinds: what.kinds }),
    body: what.join ? `${first} ${t("help.messageJoin", { link: what.join })}` : first,
  };
}
