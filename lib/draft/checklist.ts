import { addDays, addMonths, addWeeks, addYears } from "date-fns";
import type { Lang } from "../i18n/text";
import { THREAT_OF_VIOLENCE } from "../log/describe";
import { type KindRef, kindOf } from "../routine/pack";
import { type DraftClock, draftClock, type Moment } from "./clock";
import type { DraftEdits } from "./edits";
import { type DraftKey, draftTranslator } from "./messages";

export type ChecklistItemId =
  | "manager"
  | "medcontrol"
  | "work-environment-authority"
  | "police-report"
  | "call-tracing"
  | "follow-up-week"
  | "follow-up-three-months"
  | "follow-up-year"
  | "crisis-support";

/** Whether the documents call for an item in this incident. */
export type Requirement = "required" | "assess" | "if-serious";

export type Due =
  | { kind: "now" }
  | { kind: "without-delay" }
  /** The documents give no time. */
  | { kind: "none" }
  /** Must be done by this instant. */
  | { kind: "deadline"; by: Moment }
  /** Planned for this calendar day (yyyy-MM-dd in the draft's zone). */
  | { kind: "on"; day: string; at: number };

export type DeadlineWarning = { kind: "soon"; msLeft: number } | { kind: "overdue" };

export interface ChecklistItem {
  id: ChecklistItemId;
  label: string;
  detail: string;
  requirement: Requirement;
  due: Due;
  dueText: string;
  /** When the coach ticked it, or null. */
  done: Moment | null;
  /** Only for a deadline not yet met, and only when the caller says what time it is. */
  warning: DeadlineWarning | null;
  /** The document and section that asks for it. */
  source: string;
}

export interface ChecklistInput {
  /**
   * When the call began: the ten days for tracing count from it. Null while nobody has said;
   * the deadline then counts from the incident's start, and its text says so.
   */
  callStartedAt: number | null;
  /** When the incident happened: follow-up talks count from it. */
  incidentAt: number;
  kinds: readonly KindRef[];
  tags: readonly string[];
  edits: Pick<DraftEdits, "checklist" | "seriousDanger">;
  lang: Lang;
  timeZone?: string;
  /** The time to measure deadlines against; without it there are no warnings. */
  now?: number;
}

const GUIDELINE = "Riktlinje Arbetet mot hot och våld";
const ROUTINE = "Rutin Utsatthet vid digitala samtal";

/** Guideline 001 §4.1: tracing "måste göras inom tio dagar från dess att samtalet inkom". */
export const TRACING_DAYS = 10;
/** Fewer calendar days than this left before the tracing deadline gets a warning. */
export const WARN_DAYS = 3;

/**
 * Routine 000 §2: "Vid grova personangrepp eller opassande beteende görs polisanmälan".
 * Guideline 001 §4.1 asks for a police report on every phone or online threat, so a threat of
 * violence requires one too. Whether a personal attack was gross is for the manager and the
 * coach to judge, so any other kind is "assess".
 */
export function policeReportRequirement(
  kinds: readonly KindRef[],
  tags: readonly string[],
  seriousDanger = false,
): Requirement {
  const refs = [...kinds, ...tags];
  if (seriousDanger || tags.includes(THREAT_OF_VIOLENCE)) return "required";
  if (refs.some((ref) => kindOf(ref) === "inappropriate")) return "required";
  return "assess";
}

function warningFor(due: Due, now: number | undefined, clock: DraftClock) {
  if (due.kind !== "deadline" || now === undefined) return null;
  if (now > due.by.at) return { kind: "overdue" } as const;
  // Counted in calendar days in the draft's zone, like the deadline itself.
  if (addDays(now, WARN_DAYS, { in: clock.context }).getTime() > due.by.at) {
    return { kind: "soon", msLeft: due.by.at - now } as const;
  }
  return null;
}

/**
 * The post-incident checklist with its dates. Calendar arithmetic (addDays, addMonths …) runs
 * in the draft's time zone so that a date is the same calendar day across a daylight-saving
 * change, and a month end clamps (31 January + 3 months is 30 April).
 */
export function buildChecklist(input: ChecklistInput): ChecklistItem[] {
  const clock = draftClock(input.lang, input.timeZone);
  const t = draftTranslator(input.lang);
  const inZone = { in: clock.context };
  const on = (date: Date): Due => ({
    kind: "on",
    day: clock.isoDay(date.getTime()),
    at: date.getTime(),
  });
  const police = policeReportRequirement(input.kinds, input.tags, input.edits.seriousDanger);

  const items: Array<Pick<ChecklistItem, "id" | "requirement" | "due" | "source">> = [
    // Guideline 001 §4 and §6; routine 000 §2: "Kontakta chef vid all upplevelse av utsatthet".
    { id: "manager", requirement: "required", due: { kind: "now" }, source: `${GUIDELINE}, 4, 6` },
    // Guideline 001 §2.2 and §6: the deviation report, with the K-number where there is one.
    {
      id: "medcontrol",
      requirement: "required",
      due: { kind: "none" },
      source: `${GUIDELINE}, 2.2, 6; ${ROUTINE}, 1`,
    },
    // Guideline 001 §6: serious danger to life or health is reported without delay.
    {
      id: "work-environment-authority",
      requirement: input.edits.seriousDanger ? "required" : "if-serious",
      due: { kind: "without-delay" },
      source: `${GUIDELINE}, 6`,
    },
    // Guideline 001 §6.1 (made by the manager with the coach, access protection, K-number).
    {
      id: "police-report",
      requirement: police,
      due: { kind: "none" },
      source: `${ROUTINE}, 2; ${GUIDELINE}, 4.1, 6.1`,
    },
    // Guideline 001 §4.1: tracing needs the exact time and a police report, within ten days.
    {
      id: "call-tracing",
      requirement: police,
      due: {
        kind: "deadline",
        by: clock.moment(
          addDays(input.callStartedAt ?? input.incidentAt, TRACING_DAYS, inZone).getTime(),
        ),
      },
      source: `${GUIDELINE}, 4.1`,
    },
    // Guideline 001 §6.3: "uppföljning sker efter en vecka, tre månader och ett år".
    {
      id: "follow-up-week",
      requirement: "required",
      due: on(addWeeks(input.incidentAt, 1, inZone)),
      source: `${GUIDELINE}, 6.3`,
    },
    {
      id: "follow-up-three-months",
      requirement: "required",
      due: on(addMonths(input.incidentAt, 3, inZone)),
      source: `${GUIDELINE}, 6.3`,
    },
    {
      id: "follow-up-year",
      requirement: "required",
      due: on(addYears(input.incidentAt, 1, inZone)),
      source: `${GUIDELINE}, 6.3`,
    },
    // Guideline 001 §2.1.3 and §6: help and support at once, counselling from an external party.
    {
      id: "crisis-support",
      requirement: "required",
      due: { kind: "now" },
      source: `${GUIDELINE}, 2.1.3, 6`,
    },
  ];

  return items.map((item) => {
    const tickedAt = input.edits.checklist[item.id];
    const done = tickedAt === undefined ? null : clock.moment(tickedAt);
    return {
      ...item,
      label: t(`check.${item.id}`),
      detail: t(detailKey(item.id)),
      dueText:
        item.id === "call-tracing" && input.callStartedAt === null
          ? `${dueText(item.due, clock, t)}, ${t("due.fromIncident", { time: clock.moment(input.incidentAt).time })}`
          : dueText(item.due, clock, t),
      done,
      warning: done ? null : warningFor(item.due, input.now, clock),
    };
  });
}

function detailKey(id: ChecklistItemId): DraftKey {
  switch (id) {
    case "follow-up-week":
    case "follow-up-three-months":
    case "follow-up-year":
      return "check.follow-up.detail";
    case "manager":
    case "medcontrol":
    case "work-environment-authority":
    case "police-report":
    case "call-tracing":
    case "crisis-support":
      return `check.${id}.detail`;
    default: {
      const unknown: never = id;
      throw new Error(`No detail for checklist item ${String(unknown)}`);
    }
  }
}

function dueText(due: Due, clock: DraftClock, t: ReturnType<typeof draftTranslator>): string {
  switch (due.kind) {
    case "now":
      return t("due.now");
    case "without-delay":
      return t("due.without-delay");
    case "none":
      return "";
    case "deadline":
      return t("due.deadline", { date: clock.dayAndTime(due.by.at) });
    case "on":
      return t("due.on", { date: clock.longDay(due.at) });
    default: {
      const unknown: never = due;
      return JSON.stringify(unknown);
    }
  }
}
