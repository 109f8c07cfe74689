import type { EvidenceRecord } from "../evidence/types";
import type { Lang } from "../i18n/text";
import type { ChainVerdict } from "../log/chain";
import type { SessionRecord } from "../log/db";
import { tagLabel } from "../log/describe";
import type { LoggedEvent } from "../log/events";
import { platformName } from "../platforms/detect";
import { type KindRef, kindLabel, type PhrasePack } from "../routine/pack";
import { buildActions } from "./actions-taken";
import { buildChecklist } from "./checklist";
import { machineTimeZone } from "./clock";
import { buildCoachText } from "./coach";
import { type DraftContext, draftContext } from "./context";
import type { DraftEdits } from "./edits";
import { buildIntegrity, firstUnverifiedIndex, type StoredHead } from "./integrity";
import { buildMutes } from "./mutes";
import { buildScreenshots } from "./screenshots";
import { buildSelfHarm } from "./self-harm";
import { buildTimeline } from "./timeline";
import type { CallTimes, Channel, IncidentDraft, RoutineRef } from "./types";

export interface DraftInput {
  session: SessionRecord;
  /** The session's log in seq order, as read; verified or not. */
  events: LoggedEvent[];
  evidence: EvidenceRecord[];
  pack: PhrasePack;
  edits: DraftEdits;
  /** verifyChain(events): the draft says where the chain breaks, it never refuses. */
  chain: ChainVerdict;
  /** The stored chain head, so that a log cut off at its end is noticed too. */
  head?: StoredHead;
  lang: Lang;
  /** IANA zone for every local time; the machine's when absent. */
  timeZone?: string;
  /** The time to measure the checklist's deadlines against (warnings); none when absent. */
  now?: number;
}

/** The kinds as last set in the log (the log is the truth), else as the summary has them. */
function currentKinds(events: readonly LoggedEvent[], session: SessionRecord): KindRef[] {
  let kinds = session.kinds;
  for (const event of events) {
    if (event.type === "session-started" || event.type === "kinds-changed") kinds = event.kinds;
  }
  return kinds;
}

function callTimes(input: DraftInput, ctx: DraftContext): CallTimes {
  const { session, events, edits } = input;
  const logged = events.findLast((event) => event.type === "call-start-set");
  const [at, startSource]: [number, CallTimes["startSource"]] =
    edits.callStartedAt !== null
      ? [edits.callStartedAt, "edited"]
      : logged?.type === "call-start-set"
        ? [logged.callStartedAt, "logged"]
        : [session.startedAt, "session-start"];
  return {
    started: ctx.clock.moment(at),
    startSource,
    incidentStarted: ctx.clock.moment(session.startedAt),
    ended: session.endedAt === null ? null : ctx.clock.moment(session.endedAt),
  };
}

function channel(session: SessionRecord, ctx: DraftContext): Channel {
  return {
    medium: "video-call",
    platform: session.platform,
    platformName: platformName(session.platform, ctx.t),
    origin: session.origin,
    title: session.title,
  };
}

function routine(session: SessionRecord, pack: PhrasePack, ctx: DraftContext): RoutineRef {
  const { source } = pack;
  const version = session.packVersion || source.version;
  const currentVersion = source.version !== version ? source.version : null;
  const line = ctx.dt("routineLine", {
    title: source.title,
    organisation: source.organisation,
    id: source.documentId,
    version,
    from: source.validFrom,
    to: source.validTo,
  });
  return {
    documentId: source.documentId,
    title: source.title,
    organisation: source.organisation,
    version,
    validFrom: source.validFrom,
    validTo: source.validTo,
    packId: pack.id,
    packName: pack.name[ctx.lang],
    currentVersion,
    text: currentVersion
      ? `${line} ${ctx.dt("packMismatch", { logged: version, current: currentVersion })}`
      : line,
  };
}

/**
 * The incident draft, built from the log and the coach's edits. Pure: the same input gives the
 * same draft, and nothing is read from outside it but the machine's time zone when none is
 * given (the time, for deadline warnings, comes in as `now`). A log whose chain is broken still gives a draft that says where it breaks.
 */
export function buildDraft(input: DraftInput): IncidentDraft {
  const { session, events, pack, edits, lang } = input;
  const timeZone = input.timeZone ?? machineTimeZone();
  const ctx = draftContext(pack, lang, session.endedAt, timeZone);
  const kinds = currentKinds(events, session);
  const tags = [...new Set(events.flatMap((e) => (e.type === "tag" ? [e.tag] : [])))];
  const call = callTimes(input, ctx);
  const checklist = buildChecklist({
    callStartedAt: call.startSource === "session-start" ? null : call.started.at,
    incidentAt: session.startedAt,
    kinds,
    tags,
    edits,
    lang,
    timeZone,
    now: input.now,
  });
  const police = checklist.find((item) => item.id === "police-report");
  const selfHarm = buildSelfHarm(events, kinds, ctx);

  return {
    sessionId: session.id,
    lang,
    timeZone,
    practice: session.practice === true,
    status: session.status,
    date: ctx.clock.isoDay(session.startedAt),
    dateText: ctx.clock.longDay(session.startedAt),
    call,
    unit: edits.unit.trim(),
    channel: channel(session, ctx),
    kinds: kinds.map((ref) => ({ ref, label: kindLabel(pack, ref, lang) })),
    tags: tags.map((tag) => ({ tag, label: tagLabel(pack, tag, ctx.t, lang) })),
    timeline: buildTimeline(events, ctx, firstUnverifiedIndex(events, input.chain)),
    mutes: buildMutes(events, ctx),
    screenshots: buildScreenshots(events, input.evidence, ctx.clock),
    actions: buildActions(events, session.outcome, ctx),
    selfHarm,
    coach: buildCoachText(events, edits, ctx, selfHarm?.identifies ?? false),
    police: {
      requirement: police?.requirement ?? "assess",
      reportNumber: edits.policeReportNumber.trim() || null,
    },
    checklist,
    routine: routine(session, pack, ctx),
    integrity: buildIntegrity(events, input.head, input.chain, ctx.dt),
  };
}
