import { translator } from "../i18n/messages";
import { loadPack } from "../routine/load-pack";
import type { PackProblem } from "../routine/pack-problem";
import type { PhrasePack } from "../routine/pack";
import { describePackProblem, packProblemPlace } from "./describe";
import { parseOrigin } from "./origins";
import { validRetentionDays } from "./schema";

/**
 * What an organisation pushes through the browser's managed storage (enterprise policy,
 * `storage.managed_schema` in the manifest). Managed values win over the coach's own and are
 * shown as locked; a managed value that is not valid is reported and ignored.
 */
export interface ManagedSettings {
  retentionDays: number | null;
  ownOrigins: string[];
  pack: PhrasePack | null;
  problems: { key: string; message: string }[];
}

export const NO_MANAGED: ManagedSettings = {
  retentionDays: null,
  ownOrigins: [],
  pack: null,
  problems: [],
};

const sv = translator("sv");
const describe = (problems: PackProblem[]) =>
  problems.map((p) => `${packProblemPlace(p, sv)}: ${describePackProblem(p, sv)}`).join("; ");

export function readManaged(raw: Record<string, unknown>): ManagedSettings {
  const out: ManagedSettings = { ...NO_MANAGED, ownOrigins: [], problems: [] };
  if (raw.retentionDays !== undefined) {
    if (validRetentionDays(raw.retentionDays)) out.retentionDays = raw.retentionDays;
    else out.problems.push({ key: "retentionDays", message: "ska vara 1–3650 dagar" });
  }
  if (raw.ownOrigins !== undefined) {
    const list = Array.isArray(raw.ownOrigins) ? raw.ownOrigins : [];
    for (const item of list) {
      const parsed = typeof item === "string" ? parseOrigin(item) : null;
      if (parsed?.ok) out.ownOrigins.push(parsed.origin);
      else out.problems.push({ key: "ownOrigins", message: `ogiltig adress: ${String(item)}` });
    }
    if (!Array.isArray(raw.ownOrigins)) {
      out.problems.push({ key: "ownOrigins", message: "ska vara en lista med adresser" });
    }
  }
  if (raw.phrasePack !== undefined) {
    // Policies carry the pack as JSON text (a policy value is a string or an object).
    let value: unknown = raw.phrasePack;
    if (typeof value === "string") {
      try {
        value = JSON.parse(value);
      } catch (error) {
        out.problems.push({ key: "phrasePack", message: `inte giltig JSON: ${String(error)}` });
        value = undefined;
      }
    }
    if (value !== undefined) {
      const result = loadPack(value);
      if (result.ok) out.pack = result.pack;
      else out.problems.push({ key: "phrasePack", message: describe(result.problems) });
    }
  }
  return out;
}

/** The value in force and whether the organisation has locked it. */
export function merged<T>(own: T, managed: T | null): { value: T; locked: boolean } {
  return managed === null ? { value: own, locked: false } : { value: managed, locked: true };
}
