import type { ChecklistItemId } from "./checklist";

/**
 * What the coach writes or corrects in the draft. Stored beside the log, never in it: editing
 * the draft must not rewrite the hash-chained record of what was clicked (DESIGN, "Evidence you
 * can check").
 */
export interface DraftEdits {
  /** A factual description of what happened, in the coach's words. */
  description: string;
  /** The actions the coach took, in the coach's words. */
  actions: string;
  /** The coach's unit, free text ("Hälsocoach online, Regionhälsan"). */
  unit: string;
  /**
   * The exact time the call began, when the coach corrects it after the fact. Guideline 001
   * §4.1: tracing a call needs the exact time it came in.
   */
  callStartedAt: number | null;
  /** The police report's number (K-number); guideline 001 §6: written into MedControl. */
  policeReportNumber: string;
  /**
   * The threat meant serious danger to life or health. Guideline 001 §6: such events are
   * reported without delay to the HR manager, Arbetsmiljöverket and the security function.
   */
  seriousDanger: boolean;
  /** Checklist items ticked, each with the time it was ticked (epoch ms). */
  checklist: Partial<Record<ChecklistItemId, number>>;
  /** Left out unless the coach adds it: the draft travels to people who need not know it. */
  clientIdentity: string;
}

export function emptyEdits(): DraftEdits {
  return {
    description: "",
    actions: "",
    unit: "",
    callStartedAt: null,
    policeReportNumber: "",
    seriousDanger: false,
    checklist: {},
    clientIdentity: "",
  };
}

/**
 * Stored edits from an older version of this type (or a half-written record) filled up to the
 * current shape, so that adding a field never breaks reopening an old incident.
 */
export function withDefaults(stored: Partial<DraftEdits> | undefined): DraftEdits {
  const empty = emptyEdits();
  return { ...empty, ...stored, checklist: { ...empty.checklist, ...stored?.checklist } };
}
