import { afterEach, describe, expect, it } from "vitest";
import {
  buildChecklist,
  type ChecklistInput,
  type ChecklistItem,
  type ChecklistItemId,
  policeReportRequirement,
} from "@/lib/draft/checklist";

const ZONE = "Europe/Stockholm";
/** A local wall-clock time in Stockholm as epoch ms; offset given explicitly. */
const stockholm = (iso: string) => Date.parse(iso);

function checklist(overrides: Partial<ChecklistInput> = {}): ChecklistItem[] {
  const incidentAt = overrides.incidentAt ?? stockholm("2026-03-28T14:00:00+01:00");
  return buildChecklist({
    callStartedAt: incidentAt,
    incidentAt,
    kinds: ["personal-attack"],
    tags: [],
    edits: { checklist: {}, seriousDanger: false },
    lang: "sv",
    timeZone: ZONE,
    ...overrides,
  });
}

function item(items: ChecklistItem[], id: ChecklistItemId): ChecklistItem {
  const found = items.find((i) => i.id === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
}

const deadline = (items: ChecklistItem[]) => {
  const due = item(items, "call-tracing").due;
  if (due.kind !== "deadline") throw new Error("tracing has no deadline");
  return due.by;
};
const day = (items: ChecklistItem[], id: ChecklistItemId) => {
  const due = item(items, id).due;
  return due.kind === "on" ? due.day : null;
};

describe("the checklist's items", () => {
  it("lists the guideline's steps after an incident, in order, each citing its source", () => {
    const items = checklist();
    expect(items.map((i) => i.id)).toEqual([
      "manager",
      "medcontrol",
      "work-environment-authority",
      "police-report",
      "call-tracing",
      "follow-up-week",
      "follow-up-three-months",
      "follow-up-year",
      "crisis-support",
    ]);
    for (const i of items) expect(i.source).toMatch(/Riktlinje Arbetet mot hot och våld, [\d.]/);
    expect(item(items, "manager")).toMatchObject({
      label: "Kontakta närmaste chef",
      dueText: "nu",
      requirement: "required",
    });
    expect(item(items, "police-report").detail).toMatch(/åtkomstskyddad anmälan/);
  });

  it("shows a ticked item as done at the time it was ticked", () => {
    const tickedAt = stockholm("2026-03-28T14:20:00+01:00");
    const items = checklist({ edits: { checklist: { manager: tickedAt }, seriousDanger: false } });
    expect(item(items, "manager").done?.local).toBe("2026-03-28 14:20:00 +01:00");
    expect(item(items, "medcontrol").done).toBeNull();
  });

  it("is worded in English when asked", () => {
    const items = checklist({ lang: "en" });
    expect(item(items, "call-tracing").label).toBe("Tracing of the call");
    expect(item(items, "call-tracing").dueText).toBe("by Tue 7 Apr 2026 14:00");
  });
});

describe("when a police report is required", () => {
  it.each([
    [["inappropriate/undressed"], [], "required"],
    [["inappropriate"], [], "required"],
    [["personal-attack"], ["inappropriate"], "required"],
    [["raised-voice"], ["threat-of-violence"], "required"],
    [["personal-attack"], [], "assess"],
    [["meet-outside"], [], "assess"],
    [["self-harm-threat"], [], "assess"],
  ] as const)("kinds %j with tags %j: %s", (kinds, tags, expected) => {
    expect(policeReportRequirement(kinds, tags)).toBe(expected);
    const items = checklist({ kinds, tags });
    expect(item(items, "police-report").requirement).toBe(expected);
    // Tracing needs a police report (guideline 001 §4.1), so it follows it.
    expect(item(items, "call-tracing").requirement).toBe(expected);
  });

  it("is required, with the authority's report, when the threat was a serious danger", () => {
    const items = checklist({ edits: { checklist: {}, seriousDanger: true } });
    expect(item(items, "police-report").requirement).toBe("required");
    expect(item(items, "work-environment-authority").requirement).toBe("required");
    expect(item(checklist(), "work-environment-authority").requirement).toBe("if-serious");
  });
});

describe("dates across daylight-saving changes", () => {
  it("gives tracing ten calendar days over the spring change, same clock time", () => {
    // 28 March 2026 is a Saturday; clocks go forward on Sunday 29 March.
    const items = checklist();
    expect(deadline(items).local).toBe("2026-04-07 14:00:00 +02:00");
    // 240 hours would have been 15:00 local.
    expect(deadline(items).at).toBe(Date.parse("2026-04-07T12:00:00Z"));
    expect(item(items, "call-tracing").dueText).toBe("senast tis 7 apr. 2026 14:00");
  });

  it("gives tracing ten calendar days over the autumn change, same clock time", () => {
    // Clocks go back on Sunday 25 October 2026.
    const incidentAt = stockholm("2026-10-24T14:00:00+02:00");
    const items = checklist({ incidentAt, callStartedAt: incidentAt });
    expect(deadline(items).local).toBe("2026-11-03 14:00:00 +01:00");
    expect(day(items, "follow-up-week")).toBe("2026-10-31");
    expect(day(items, "follow-up-three-months")).toBe("2027-01-24");
    expect(day(items, "follow-up-year")).toBe("2027-10-24");
  });

  it("counts ten days from the call's start, follow-ups from the incident", () => {
    const items = checklist({
      callStartedAt: stockholm("2026-03-27T23:50:00+01:00"),
      incidentAt: stockholm("2026-03-28T00:10:00+01:00"),
    });
    expect(deadline(items).local).toBe("2026-04-06 23:50:00 +02:00");
    expect(day(items, "follow-up-week")).toBe("2026-04-04");
  });

  it("places follow-up talks on calendar days one week, three months and one year on", () => {
    const items = checklist();
    expect(day(items, "follow-up-week")).toBe("2026-04-04");
    expect(day(items, "follow-up-three-months")).toBe("2026-06-28");
    expect(day(items, "follow-up-year")).toBe("2027-03-28");
    expect(item(items, "follow-up-week").dueText).toBe("lördag 4 april 2026");
  });

  it("counts days in the incident's zone: just after midnight there is already the next day", () => {
    // 00:30 in Stockholm on 29 March is still 28 March in UTC.
    const incidentAt = stockholm("2026-03-29T00:30:00+01:00");
    const items = checklist({ incidentAt, callStartedAt: incidentAt });
    expect(day(items, "follow-up-week")).toBe("2026-04-05");
  });
});

describe("dates at month ends", () => {
  it.each([
    ["2026-01-31T10:00:00+01:00", "follow-up-three-months", "2026-04-30"],
    ["2026-11-30T10:00:00+01:00", "follow-up-three-months", "2027-02-28"],
    ["2028-02-29T10:00:00+01:00", "follow-up-year", "2029-02-28"],
    ["2026-12-28T10:00:00+01:00", "follow-up-week", "2027-01-04"],
  ] as const)("from %s the %s is on %s", (iso, id, expected) => {
    const incidentAt = stockholm(iso);
    expect(day(checklist({ incidentAt, callStartedAt: incidentAt }), id)).toBe(expected);
  });

  it("runs tracing past a month end", () => {
    const incidentAt = stockholm("2026-01-25T09:15:00+01:00");
    expect(deadline(checklist({ incidentAt, callStartedAt: incidentAt })).local).toBe(
      "2026-02-04 09:15:00 +01:00",
    );
  });
});

describe("the tracing deadline's warning", () => {
  const by = Date.parse("2026-04-07T12:00:00Z");

  it("has none without a time to measure against", () => {
    expect(item(checklist(), "call-tracing").warning).toBeNull();
  });

  it.each([
    ["four days before", Date.parse("2026-04-03T12:00:00Z"), null],
    ["three days and a minute before", by - 3 * 86_400_000 - 60_000, null],
    ["three days less a minute before", by - 3 * 86_400_000 + 60_000, "soon"],
    ["an hour before", by - 3_600_000, "soon"],
    ["a minute after", by + 60_000, "overdue"],
  ])("%s: %s", (_label, now, expected) => {
    const warning = item(checklist({ now }), "call-tracing").warning;
    expect(warning?.kind ?? null).toBe(expected);
  });

  it("has none once tracing is ticked as requested", () => {
    const now = by - 3_600_000;
    const edits = { checklist: { "call-tracing": now - 1000 }, seriousDanger: false };
    expect(item(checklist({ now, edits }), "call-tracing").warning).toBeNull();
  });

  it("never warns about the items without a deadline", () => {
    const items = checklist({ now: by + 86_400_000 * 400 });
    expect(items.filter((i) => i.warning).map((i) => i.id)).toEqual(["call-tracing"]);
  });
});

describe("independence from the machine's time zone", () => {
  const original = process.env.TZ;
  afterEach(() => {
    process.env.TZ = original;
  });

  it.each(["UTC", "Pacific/Auckland", "America/Los_Angeles"])(
    "gives the same dates when the machine runs in %s",
    (machineZone) => {
      process.env.TZ = machineZone;
      const items = checklist();
      expect(deadline(items).local).toBe("2026-04-07 14:00:00 +02:00");
      expect(day(items, "follow-up-week")).toBe("2026-04-04");
      expect(day(items, "follow-up-three-months")).toBe("2026-06-28");
    },
  );
});
