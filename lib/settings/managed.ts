import type { LeaveChoice } from "../messages";
import { loadPack, loadPackText } from "../routine/load-pack";
import type { PhrasePack } from "../routine/pack";
import { parseOrigin } from "./origins";
import { checkHostLeave, checkRetentionDays, type SettingsProblem, shown } from "./problem";

/**
 * What an organisation pushes through the browser's managed storage (enterprise policy,
 * `storage.managed_schema` in the manifest). Managed values win over the coach's own and are
 * shown as locked; a managed value that is not valid is reported and ignored.
 */
export interface ManagedSettings {
  retentionDays: number | null;
  ownOrigins: string[];
  pack: PhrasePack | null;
  hostLeave: LeaveChoice | null;
  problems: SettingsProblem[];
}

export const NO_MANAGED: ManagedSettings = {
  retentionDays: null,
  ownOrigins: [],
  pack: null,
  hostLeave: null,
  problems: [],
};

export function readManaged(raw: Record<string, unknown>): ManagedSettings {
  const out: ManagedSettings = { ...NO_MANAGED, ownOrigins: [], problems: [] };
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
  return out;
}

/** The value in force and whether the organisation has locked it. */
export function merged<T>(own: T, managed: T | null): { value: T; locked: boolean } {
  return managed === null ? { value: own, locked: false } : { value: managed, locked: true };
}
