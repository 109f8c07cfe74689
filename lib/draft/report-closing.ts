import type { ChecklistItem } from "./checklist";
import type { Block, Item, Part } from "./layout";
import type { DraftTranslate } from "./messages";

// The report's closing sections: what to do next, the routine followed, and what the hashes
// vouch for.

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function checklistItem(item: ChecklistItem, dt: DraftTranslate, withState: boolean): Item {
  const requirement = capitalised(dt(`req.${item.requirement}`));
  const details = [item.detail, `${requirement}. ${dt("source")}: ${item.source}.`];
  if (!withState) {
    return { text: [item.label, item.dueText].filter(Boolean).join(" – "), details };
  }
  const state = item.done ? dt("done", { time: item.done.local.slice(0, 16) }) : dt("notDone");
  const head = [item.label, item.dueText, state].filter(Boolean).join(" – ");
  if (item.warning) {
    details.unshift(dt(item.warning.kind === "overdue" ? "warn.overdue" : "warn.soon"));
  }
  return {
    text: head,
    check: item.done ? "done" : "todo",
    tone: item.warning ? "warning" : "plain",
    details,
  };
}

/**
 * What is to be done after the incident. With its state (ticked or not, overdue), or, for a
 * report that leaves the coach's hands, only what is due and when: whether the coach has ticked
 * a box yet is the coach's own bookkeeping.
 */
export const checklist =
  (withState: boolean): Part =>
  (draft, dt) => [
    {
      kind: "list",
      items: draft.checklist.map((item) => checklistItem(item, dt, withState)),
    },
  ];

export const routine: Part = ({ routine }, dt) => [
  {
    kind: "list",
    items: [
      { text: routine.text },
      { text: dt("packLine", { name: routine.packName, id: routine.packId }) },
    ],
  },
];

export const integrity: Part = ({ integrity, screenshots }, dt) => {
  const blocks: Block[] = [
    { kind: "note", text: integrity.chainText, tone: integrity.chain.ok ? "plain" : "warning" },
  ];
  if (integrity.summaryText) {
    blocks.push({ kind: "note", text: integrity.summaryText, tone: "warning" });
  }
  if (integrity.facts.text) {
    blocks.push({ kind: "note", text: integrity.facts.text, tone: "warning" });
  }
  for (const line of integrity.signatures?.lines ?? []) {
    blocks.push({ kind: "note", text: line.text, tone: line.warning ? "warning" : "plain" });
  }
  if (integrity.headHash) {
    blocks.push({
      kind: "note",
      text: dt("headHash", { hash: integrity.headHash }),
      tone: "plain",
    });
  }
  blocks.push({ kind: "note", text: integrity.anchor.text, tone: "plain" });
  if (screenshots.length) {
    blocks.push({
      kind: "list",
      items: screenshots.map((shot) => ({
        text: dt("integrity.shot", {
          n: String(shot.number).padStart(2, "0"),
          seq: shot.seq ?? dt("integrity.noSeq"),
          utc: shot.taken.utc,
          local: shot.taken.local,
        }),
        details: [
          `SHA-256 ${shot.sha256}`,
          ...(shot.deleted ? [dt("integrity.deleted")] : []),
          ...(shot.fileName ? [shot.fileName] : []),
        ],
      })),
    });
  }
  blocks.push({ kind: "note", text: integrity.statement, tone: "plain" });
  blocks.push({ kind: "note", text: dt("howToCheck"), tone: "plain" });
  return blocks;
};
