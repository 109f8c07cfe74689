import { useState } from "preact/hooks";
import type { ChecklistItem, ChecklistItemId } from "../lib/draft/checklist";
import type { DraftEdits } from "../lib/draft/edits";
import type { IncidentDraft } from "../lib/draft/types";
import type { Translate } from "../lib/i18n/text";
import type { ExportKind } from "../lib/history/exports";
import { clockTime, parseClockOnDay } from "../lib/time/format";

interface Props {
  t: Translate;
  draft: IncidentDraft;
  edits: DraftEdits;
  text: string;
  busy: boolean;
  onSave: (edits: DraftEdits) => void;
  onCopy: () => void;
  onPrint: () => void;
  onExport: (kind: ExportKind) => void;
  onBack: () => void;
  /** "Kontakta närmaste chef": the same one click as "Kalla på hjälp" in the incident. */
  managerHelp?: preact.ComponentChildren;
}

const REQUIREMENT = {
  required: "checklistRequired",
  assess: "checklistAssess",
  "if-serious": "checklistIfSerious",
} as const;

function ChecklistRow(props: {
  item: ChecklistItem;
  /** From the coach's edits as typed, so the box follows the click at once. */
  checked: boolean;
  t: Translate;
  onTick: (id: ChecklistItemId, done: boolean) => void;
  children?: preact.ComponentChildren;
}) {
  const { item, t } = props;
  return (
    <li class={`check-item req-${item.requirement}`} data-item={item.id}>
      <label class="check">
        <input
          type="checkbox"
          checked={props.checked}
          onChange={(e) => props.onTick(item.id, (e.target as HTMLInputElement).checked)}
        />
        <span>
          <strong>{item.label}</strong>{" "}
          <span class="tag-req">({t(REQUIREMENT[item.requirement])})</span>
          <br />
          <span class="due">{item.dueText}</span>
          {item.warning && (
            <strong class="deadline-warning" role="alert">
              {" "}
              {t(item.warning.kind === "soon" ? "checklistSoon" : "checklistOverdue")}
            </strong>
          )}
          {item.done && <span class="hint"> · {t("checklistDone", { time: item.done.time })}</span>}
        </span>
      </label>
      <p class="hint check-detail">{item.detail}</p>
      {props.children}
    </li>
  );
}

/**
 * The incident draft right after the call: the coach's own words beside what the log says,
 * the checklist with its dates, and every export one click away.
 */
export function DraftView({
  t,
  draft,
  edits,
  text,
  busy,
  onSave,
  onCopy,
  onPrint,
  onExport,
  onBack,
  managerHelp,
}: Props) {
  const [local, setLocal] = useState(edits);
  // Guideline 001 §4.1: the exact time; never the incident's start shown as if it were known.
  const known = draft.call.startSource !== "session-start";
  const shownStart = known ? draft.call.started.time : "";
  const [callStart, setCallStart] = useState(shownStart);
  const [callStartSaved, setCallStartSaved] = useState<string | null>(null);
  const [callStartInvalid, setCallStartInvalid] = useState(false);
  const set = <K extends keyof DraftEdits>(key: K, value: DraftEdits[K]) =>
    setLocal((e) => ({ ...e, [key]: value }));
  const save = (next: DraftEdits = local) => onSave(next);
  const field = (key: "description" | "actions" | "clientIdentity", label: string) => (
    <label class="field">
      <span>{label}</span>
      <textarea
        rows={key === "clientIdentity" ? 2 : 4}
        value={local[key]}
        onInput={(e) => set(key, (e.target as HTMLTextAreaElement).value)}
        onBlur={() => save()}
      />
    </label>
  );
  return (
    <section class="draft" aria-labelledby="draft-heading">
      <div class="row">
        <button type="button" class="secondary" onClick={onBack}>
          ← {t("goBack")}
        </button>
      </div>
      <h2 id="draft-heading">
        {t("draftHeading")} – {draft.dateText}
      </h2>
      <p class="hint">{t("draftIntro")}</p>
      <p class="hint">
        {draft.routine.title} · {draft.routine.documentId} v{draft.routine.version}
      </p>
      <div class="exports" role="group" aria-label={t("exports")}>
        <button type="button" class="big" disabled={busy} onClick={onCopy}>
          {t("copyText")}
        </button>
        <button type="button" class="big secondary" disabled={busy} onClick={onPrint}>
          {t("printReport")}
        </button>
        <div class="row">
          <button
            type="button"
            class="secondary"
            disabled={busy}
            onClick={() => onExport("markdown")}
          >
            {t("exportMarkdown")}
          </button>
          <button type="button" class="secondary" disabled={busy} onClick={() => onExport("json")}>
            {t("exportJson")}
          </button>
          <button type="button" class="secondary" disabled={busy} onClick={() => onExport("zip")}>
            {t("exportZip")}
          </button>
        </div>
      </div>
      {field("description", t("draftDescription"))}
      {field("actions", t("draftActions"))}
      <label class="field">
        <span>{t("draftUnit")}</span>
        <input
          value={local.unit}
          onInput={(e) => set("unit", (e.target as HTMLInputElement).value)}
          onBlur={() => save()}
        />
      </label>
      <label class="field">
        <span>{t("draftCallStart")}</span>
        <input
          value={callStart}
          inputMode="numeric"
          placeholder={t("callStartPlaceholder")}
          aria-invalid={callStartInvalid ? "true" : undefined}
          aria-describedby="draft-call-start-state"
          onInput={(e) => setCallStart((e.target as HTMLInputElement).value)}
          onBlur={() => {
            if (callStart.trim() === shownStart) return;
            const at = parseClockOnDay(callStart, draft.call.incidentStarted.at);
            setCallStartInvalid(at === null);
            if (at !== null) {
              const next = { ...local, callStartedAt: at };
              setLocal(next);
              save(next);
              setCallStartSaved(clockTime(at));
            }
          }}
        />
        <span id="draft-call-start-state" class="hint" role="status">
          {callStartSaved !== null
            ? t("callStartSaved", { time: callStartSaved })
            : known
              ? ""
              : t("draftCallStartUnknown", { time: draft.call.incidentStarted.time })}
        </span>
        {callStartInvalid && (
          <span class="field-error" role="alert">
            {t("callStartInvalid")}
          </span>
        )}
      </label>
      <label class="field">
        <span>{t("draftPoliceNumber")}</span>
        <input
          value={local.policeReportNumber}
          onInput={(e) => set("policeReportNumber", (e.target as HTMLInputElement).value)}
          onBlur={() => save()}
        />
      </label>
      <label class="check">
        <input
          type="checkbox"
          checked={local.seriousDanger}
          onChange={(e) => {
            const next = { ...local, seriousDanger: (e.target as HTMLInputElement).checked };
            setLocal(next);
            save(next);
          }}
        />
        {t("draftSerious")}
      </label>
      {field("clientIdentity", t("draftClientIdentity"))}
      <h3>{t("checklist")}</h3>
      <ul class="checklist">
        {draft.checklist.map((item) => (
          <ChecklistRow
            key={item.id}
            item={item}
            checked={local.checklist[item.id] !== undefined}
            t={t}
            onTick={(id, done) => {
              const checklist = { ...local.checklist };
              if (done) checklist[id] = Date.now();
              else delete checklist[id];
              const next = { ...local, checklist };
              setLocal(next);
              save(next);
            }}
          >
            {item.id === "manager" && managerHelp}
          </ChecklistRow>
        ))}
      </ul>
      <details class="preview">
        <summary>{t("preview")}</summary>
        <pre data-testid="draft-text">{text}</pre>
      </details>
    </section>
  );
}
