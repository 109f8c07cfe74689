import { clip } from "./escape";
import {
  type Block,
  type Item,
  type Part,
  type ReportLayout,
  type Section,
  screenshotLines,
  timeOn,
} from "./layout";
import type { Moment } from "./clock";
import { type DraftTranslate, draftTranslator } from "./messages";
import { checklist, integrity, routine } from "./report-closing";
import type { IncidentDraft } from "./types";

type SectionId =
  | "when"
  | "channel"
  | "kinds"
  | "description"
  | "timeline"
  | "mutes"
  | "screenshots"
  | "actions"
  | "selfHarm"
  | "coachActions"
  | "notes"
  | "threatDetails"
  | "identity"
  | "police"
  | "checklist"
  | "routine"
  | "integrity";

const when: Part = ({ call, date, dateText, timeZone }, dt) => [
  {
    kind: "fields",
    rows: [
      { label: dt("date"), value: `${dateText} (${date})` },
      {
        label: dt("callStarted"),
        value:
          call.startSource === "session-start"
            ? dt("callStart.notGiven", { time: timeOn(call.incidentStarted, date) })
            : `${timeOn(call.started, date)} (${dt(`callStart.${call.startSource}`)})`,
      },
      { label: dt("incidentStarted"), value: timeOn(call.incidentStarted, date) },
      {
        label: dt("incidentEnded"),
        value: call.ended ? timeOn(call.ended, date) : dt("stillOpen"),
      },
      { label: dt("timeZone"), value: timeZone },
    ],
  },
];

const channel: Part = ({ unit, channel }, dt) => [
  {
    kind: "fields",
    rows: [
      { label: dt("unit"), value: unit || dt("missing") },
      { label: dt("channel"), value: `${dt("videoCall")}, ${channel.platformName}` },
      { label: dt("origin"), value: clip(channel.origin) || dt("missing") },
      { label: dt("pageTitle"), value: clip(channel.title) || dt("missing") },
    ],
  },
];

const kinds: Part = (draft, dt) => {
  const blocks: Block[] = [
    {
      kind: "list",
      items: draft.kinds.length
        ? draft.kinds.map((kind) => ({ text: kind.label }))
        : [{ text: dt("kindsMissing") }],
    },
  ];
  if (draft.tags.length) {
    const tags = draft.tags.map((tag) => tag.label).join(", ");
    blocks.push({ kind: "fields", rows: [{ label: dt("tagged"), value: tags }] });
  }
  return blocks;
};

const prose =
  (pick: (draft: IncidentDraft) => string): Part =>
  (draft, dt) => [{ kind: "prose", text: pick(draft), placeholder: dt("notFilledIn") }];

const timeline: Part = (draft, dt) => [
  {
    kind: "list",
    items: draft.timeline.length
      ? draft.timeline.map((entry) => ({
          time: timeOn(entry.when, draft.date),
          text: entry.verified ? entry.text : `${entry.text} ${dt("unverified")}`,
          tone: entry.verified ? "plain" : "unverified",
        }))
      : [{ text: dt("timelineEmpty") }],
  },
];

const mutes: Part = ({ mutes }, dt) => {
  const items: Item[] = [
    ...mutes.waits.map((wait) => ({ text: wait.text })),
    ...mutes.periods.map((period) => ({ text: period.text })),
    ...mutes.failures.map((failure) => ({ text: failure.text, tone: "warning" as const })),
  ];
  return [{ kind: "list", items: items.length ? items : [{ text: dt("noMutes") }] }];
};

const screenshots: Part = (draft, dt) =>
  draft.screenshots.length
    ? draft.screenshots.map((shot) => ({
        kind: "screenshot",
        shot,
        lines: screenshotLines(shot, draft, dt),
      }))
    : [{ kind: "note", text: dt("noScreenshots"), tone: "plain" }];

/** The three steps as far as they went; nothing for an incident that never used them. */
function stepItems({ actions, date }: IncidentDraft, dt: DraftTranslate): Item[] {
  if (!actions.threeSteps) return [];
  const highest = actions.steps.find((step) => step.number === actions.highestStep);
  return [
    { text: dt("highestStep", { n: actions.highestStep, title: highest?.title ?? "" }) },
    ...actions.steps.map((step) => ({
      text: dt(step.reached ? "step.reached" : "step.notReached", {
        n: step.number,
        title: step.title,
      }),
      details: step.reached
        ? step.phrases.length
          ? step.phrases.map((use) =>
              dt("phraseUse", {
                text: use.text,
                times: use.times.map((time) => timeOn(time, date)).join(", "),
              }),
            )
          : [dt("noPhrases")]
        : undefined,
    })),
    { text: dt("waits", { count: actions.waitCount }) },
  ];
}

const actions: Part = (draft, dt) => {
  const { actions, date } = draft;
  const items: Item[] = [
    ...stepItems(draft, dt),
    ...actions.resolved.map((time) => ({ text: dt("resolvedAt", { time: timeOn(time, date) }) })),
    {
      text: actions.terminated
        ? dt("terminatedAt", { time: timeOn(actions.terminated, date) })
        : dt("notTerminated"),
    },
  ];
  if (actions.hangUp) items.push({ text: actions.hangUp.text });
  return [
    { kind: "list", items },
    { kind: "fields", rows: [{ label: dt("outcome"), value: actions.outcomeText }] },
  ];
};

/** Handbook 002, "Att tänka på vid suicidhot": documented, referred, 112. */
const selfHarm: Part = ({ selfHarm, date }, dt) => {
  if (!selfHarm) return [];
  const at = (when: Moment) => timeOn(when, date);
  return [
    { kind: "note", text: dt("selfHarm.intro"), tone: "plain" },
    { kind: "note", text: `${dt("selfHarm.documented")}:`, tone: "plain" },
    {
      kind: "list",
      items: selfHarm.details.length
        ? selfHarm.details.map((d) => ({ time: at(d.when), text: `${d.label}: ${d.value}` }))
        : [{ text: dt("selfHarm.noDetails") }],
    },
    { kind: "note", text: `${dt("selfHarm.referred")}:`, tone: "plain" },
    {
      kind: "list",
      items: selfHarm.referrals.length
        ? selfHarm.referrals.map((r) => ({
            time: at(r.when),
            text: dt("selfHarm.referredTo", { to: r.label }),
          }))
        : [{ text: dt("selfHarm.noReferrals") }],
    },
    { kind: "note", text: `${dt("selfHarm.emergency")}:`, tone: "plain" },
    {
      kind: "list",
      items: selfHarm.emergency.length
        ? selfHarm.emergency.map((e) => ({
            time: at(e.when),
            text:
              e.stage === "logged-as-called"
                ? dt("selfHarm.loggedAsCalled", { text: e.text })
                : e.text,
          }))
        : [{ text: dt("selfHarm.noEmergency") }],
    },
  ];
};

const notes: Part = ({ coach, date }, dt) => [
  {
    kind: "list",
    items: coach.notes.length
      ? coach.notes.map((note) => ({ time: timeOn(note.when, date), text: note.text }))
      : [{ text: dt("noNotes") }],
  },
];

const threatDetails: Part = ({ coach, date }) => [
  {
    kind: "list",
    items: coach.threatDetails.map((detail) => ({
      time: timeOn(detail.when, date),
      text: `${detail.label}: ${detail.value}`,
    })),
  },
];

const identity: Part = ({ coach }) => [{ kind: "note", text: coach.identityText, tone: "plain" }];

const police: Part = ({ police }, dt) => [
  {
    kind: "fields",
    rows: [
      { label: dt("requirement"), value: dt(`req.${police.requirement}`) },
      { label: dt("kNumber"), value: police.reportNumber ?? dt("missing") },
    ],
  },
];

export interface LayoutOptions {
  /** Whether the checklist says which items are ticked and which are overdue (default yes). */
  checklistState?: boolean;
}

/** The report's sections, in the order of an incident form: facts, course, actions, checks. */
export function layoutReport(draft: IncidentDraft, options: LayoutOptions = {}): ReportLayout {
  const dt = draftTranslator(draft.lang);
  const parts: Array<[SectionId, Part, boolean?]> = [
    ["when", when],
    ["channel", channel],
    ["kinds", kinds],
    ["description", prose((d) => d.coach.description)],
    ["timeline", timeline],
    ["mutes", mutes],
    ["screenshots", screenshots],
    ["actions", actions],
    ["selfHarm", selfHarm, draft.selfHarm === null],
    ["coachActions", prose((d) => d.coach.actions)],
    ["notes", notes],
    ["threatDetails", threatDetails, draft.coach.threatDetails.length === 0],
    ["identity", identity],
    ["police", police],
    ["checklist", checklist(options.checklistState ?? true)],
    ["routine", routine],
    ["integrity", integrity],
  ];
  const sections: Section[] = parts
    .filter(([, , skip]) => !skip)
    .map(([id, part]) => ({
      id,
      heading: dt(`h.${id}` as const),
      blocks: part(draft, dt),
    }));
  return {
    title: dt("title"),
    banner: draft.practice ? dt("practice") : null,
    intro: dt("generatedBy"),
    sections,
  };
}
