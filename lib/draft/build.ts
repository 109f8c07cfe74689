import type { EvidenceRecord } from "../evidence/types";
import type { Lang } from "../i18n/text";
import type { ChainVerdict } from "../log/chain";
import type { SessionRecord } from "../log/db";
import { tagLabel } from "../log/describe";
import type { LoggedEvent } from "../log/events";
import { platformName } from "../platforms/detect";
import { kindLabel, type PhrasePack } from "../routine/pack";
import { buildActions } from "./actions-taken";
import { buildChecklist } from "./checklist";
import { machineTimeZone } from "./clock";
import { buildCoachText } from "./coach";
import { type DraftContext, draftContext } from "./context";
import type { DraftEdits } from "./edits";
import { chainFacts, factsDiffer, type IncidentFacts, rowFacts } from "./facts";
import type { SignatureVerdict } from "../verify/signatures";
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
  /** verifySignatures(events, …): the signatures' verdict; not checked when absent. */
  signatures?: SignatureVerdict;
  /** The installation's public key, which every export carries. */
  publicKey?: { fingerprint: string; jwk: JsonWebKey } | null;
  lang: Lang;
  /** IANA zone for every local time; the machine's when absent. */
  timeZone?: string;
  /** The time to measure the checklist's deadlines against (warnings); none when absent. */
  now?: number;
}

function callTimes(input: DraftInput, session: IncidentFacts, ctx: DraftContext): CallTimes {
  const { events, edits } = input;
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

function channel(session: IncidentFacts, ctx: DraftContext): Channel {
  return {
    medium: "video-call",
    platform: session.platform,
    platformName: platformName(session.platform, ctx.t),
    origin: session.origin,
    title: session.title,
  };
}

function routine(session: IncidentFacts, pack: PhrasePack, ctx: DraftContext): RoutineRef {
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
  const { events, pack, edits, lang } = input;
  // Every headline fact from the chain; the row only when the chain has lost its start.
  const row = rowFacts(input.session);
  const fromChain = chainFacts(events);
  const session = fromChain ?? row;
  const timeZone = input.timeZone ?? machineTimeZone();
  const ctx = draftContext(pack, lang, session.endedAt, timeZone);
  const kinds = session.kinds;
  const tags = [...new Set(events.flatMap((e) => (e.type === "tag" ? [e.tag] : [])))];
  const call = callTimes(input, session, ctx);
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
    sessionId: input.session.id,
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
    integrity: buildIntegrity(
      {
        events,
        head: input.head,
        chain: input.chain,
        facts: {
          source: fromChain ? "chain" : "row",
          rowDiffers: fromChain ? factsDiffer(row, fromChain) : [],
        },
        signatures: input.signatures,
        publicKey: input.publicKey,
      },
      ctx.dt,
    ),
  };
}
