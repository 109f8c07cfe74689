import { contactKey, type HelpContact } from "../help/contacts";
import type { LeaveChoice } from "../messages";
import { loadPack, loadPackText } from "../routine/load-pack";
import type { PhrasePack } from "../routine/pack";
import { parseOrigin } from "./origins";
import {
  checkHelpContacts,
  checkHostLeave,
  checkRetentionDays,
  MAX_HELP_CONTACTS,
  type SettingsProblem,
  shown,
} from "./problem";

/**
 * What an organisation pushes through the browser's managed storage (enterprise policy,
 * `storage.managed_schema` in the manifest). Managed values win over the coach's own and are
 * shown as locked; a managed value that is not valid is reported and ignored.
 */
export interface ManagedSettings {
  retentionDays: number | null;
  ownOrigins: string[];
  pack: PhrasePack | null;
  /** The organisation's people to call for help, each checked on its own. */
  helpContacts: HelpContact[];
  /** False: the organisation has turned recording off. Null: not set. */
  recordingAllowed: boolean | null;
  /** What the organisation wants the coach to read before the first recording. */
  recordingNotice: string | null;
  hostLeave: LeaveChoice | null;
  problems: SettingsProblem[];
}

/** The longest notice shown before a recording: a few sentences, not a document. */
export const MAX_NOTICE_LENGTH = 2000;

export const NO_MANAGED: ManagedSettings = {
  retentionDays: null,
  ownOrigins: [],
  pack: null,
  helpContacts: [],
  recordingAllowed: null,
  recordingNotice: null,
  hostLeave: null,
  problems: [],
};

export function readManaged(raw: Record<string, unknown>): ManagedSettings {
  const out: ManagedSettings = {
    ...NO_MANAGED,
    ownOrigins: [],
    helpContacts: [],
    problems: [],
  };
  if (raw.retentionDays !== undefined) {
    const days = checkRetentionDays(raw.retentionDays);
    if (days.ok) out.retentionDays = days.value;
    else out.problems.push(...days.problems.map((p) => ({ key: "retentionDays" as const, ...p })));
  }
  if (raw.ownOrigins !== undefined) {
    // Each address on its own: one mistyped address does not cost the organisation the others.
    const list = Array.isArray(raw.ownOrigins) ? raw.ownOrigins : [];
    for (const item of list) {
      const parsed = typeof item === "string" ? parseOrigin(item) : null;
      if (parsed?.ok) out.ownOrigins.push(parsed.origin);
      else out.problems.push({ key: "ownOrigins", code: "not-an-origin", value: shown(item) });
    }
    if (!Array.isArray(raw.ownOrigins))
      out.problems.push({ key: "ownOrigins", code: "not-a-list" });
  }
  if (raw.hostLeave !== undefined) {
    const choice = checkHostLeave(raw.hostLeave);
    if (choice.ok) out.hostLeave = choice.value;
    else out.problems.push(...choice.problems.map((p) => ({ key: "hostLeave" as const, ...p })));
  }
  if (raw.phrasePack !== undefined) {
    // Policies carry the pack as JSON text (a policy value is a string or an object).
    const result =
      typeof raw.phrasePack === "string" ? loadPackText(raw.phrasePack) : loadPack(raw.phrasePack);
    if (result.ok) out.pack = result.pack;
    else out.problems.push({ key: "phrasePack", code: "pack-rejected", problems: result.problems });
  }
  if (raw.helpContacts !== undefined) readManagedContacts(raw.helpContacts, out);
  if (raw.recordingAllowed !== undefined) {
    if (typeof raw.recordingAllowed === "boolean") out.recordingAllowed = raw.recordingAllowed;
    else out.problems.push({ key: "recordingAllowed", code: "not-yes-no" });
  }
  if (raw.recordingNotice !== undefined) {
    const notice = typeof raw.recordingNotice === "string" ? raw.recordingNotice.trim() : null;
    if (notice === null || notice.length > MAX_NOTICE_LENGTH) {
      out.problems.push({ key: "recordingNotice", code: "not-text" });
    } else if (notice) out.recordingNotice = notice;
  }
  return out;
}

/**
 * Policies carry the contacts as a list, or as JSON text of one. Each contact is checked on
 * its own: one mistyped number does not cost the organisation the others.
 */
function readManagedContacts(value: unknown, out: ManagedSettings) {
  let list: unknown = value;
  if (typeof value === "string") {
    try {
      list = JSON.parse(value);
    } catch {
      list = null;
    }
  }
  if (!Array.isArray(list)) {
    out.problems.push({ key: "helpContacts", code: "not-a-list" });
    return;
  }
  const seen = new Set<string>();
  list.forEach((item, index) => {
    const checked = checkHelpContacts([item]);
    if (!checked.ok) {
      // The number is the contact's place in the organisation's own list.
      out.problems.push({
        key: "helpContacts",
        ...checked.problems[0],
        ...numbered(checked.problems[0], index),
      });
      return;
    }
    const [contact] = checked.value as [HelpContact];
    if (seen.has(contactKey(contact)) || out.helpContacts.length >= MAX_HELP_CONTACTS) return;
    seen.add(contactKey(contact));
    out.helpContacts.push(contact);
  });
}

const numbered = (problem: { code: string }, index: number) =>
  problem.code === "not-a-contact" ? { number: index + 1 } : {};

/** The value in force and whether the organisation has locked it. */
export function merged<T>(own: T, managed: T | null): { value: T; locked: boolean } {
  return managed === null ? { value: own, locked: false } : { value: managed, locked: true };
}
