import { cleanup, fireEvent, render, screen, within } from "@testing-library/preact";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { SettingsView } from "../../../components/SettingsView";
import { translator } from "../../../lib/i18n/messages";
import type { Lang } from "../../../lib/i18n/text";
import type { LeaveChoice } from "../../../lib/messages";
import { importPack, loadSettings, ROUTINE_SETTINGS, type Settings } from "../../../lib/settings";
import { anOrganisationPack, local, managed } from "../settings/storage";

/** Words of the settings' problems in Swedish that an English view must not show. */
const SWEDISH = [
  "ska vara",
  "ska ha",
  "ogiltig",
  "inte giltig",
  "får inte",
  "måste",
  "saknas",
  "okänd",
  "finns redan",
  "frasbanken",
  "nyare",
  "dagar",
  "lista",
];

const NO_ACTIONS = {
  setRetentionDays: async () => undefined,
  setWaitMutes: async () => undefined,
  setHostLeave: async () => undefined,
  addOwnOrigin: async () => undefined,
  removeOwnOrigin: async () => undefined,
  importPack: async () => undefined,
  exportPack: () => undefined,
  resetPack: async () => undefined,
  allowPanelCapture: async () => undefined,
  addHelpContact: async () => undefined,
  removeHelpContact: async () => undefined,
};

/**
 * The settings as the panel has them after an organisation pushed a broken policy, the coach's
 * store holds values that do not validate (written by a newer Tresteg), and a pack file was
 * refused on import.
 */
async function brokenEverywhere(): Promise<Settings> {
  const broken = anOrganisationPack() as unknown as Record<string, unknown>;
  (broken.source as Record<string, unknown>).validTo = "soon";
  (broken.steps as { phrases: { text: unknown }[] }[])[0]!.phrases[2]!.text = "";
  await managed().set({
    retentionDays: 0,
    ownOrigins: ["http://insecure.example", 7],
    phrasePack: JSON.stringify({ ...broken, author: "someone" }),
  });
  await local().set({
    settingsVersion: 99,
    retentionDays: 1.5,
    ownOrigins: "https://video.example.org",
    waitMutes: ["the-cat"],
    phrasePack: [broken],
  });
  const settings = await loadSettings(local(), managed());
  const imported = await importPack(local(), JSON.stringify(broken).slice(0, 300));
  if (imported.ok || !("problems" in imported)) throw new Error("expected the import refused");
  return { ...settings, packProblems: [...settings.packProblems, ...imported.problems] };
}

function renderIn(
  lang: Lang,
  settings: Settings,
  actions: Omit<typeof NO_ACTIONS, "setHostLeave"> & {
    setHostLeave: (choice: LeaveChoice) => Promise<void>;
  } = NO_ACTIONS,
) {
  return render(
    <SettingsView
      t={translator(lang)}
      lang={lang}
      settings={settings}
      actions={actions}
      onBack={() => undefined}
    />,
  );
}

const region = (testId: string) => screen.getByTestId(testId).textContent ?? "";

describe("the settings' problems, in the panel's language", () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(cleanup);

  it("an English view with a broken policy, broken stored values and a refused import shows no Swedish", async () => {
    const { container } = renderIn("en", await brokenEverywhere());
    const text = container.textContent ?? "";
    for (const word of SWEDISH) expect(text.toLowerCase()).not.toContain(word);
    for (const id of ["managed-problems", "stored-problems", "pack-problems"]) {
      expect(region(id)).not.toMatch(/[åäöÅÄÖ]/);
    }
    expect(region("managed-problems")).toContain("retentionDays: must be 1–3650 days.");
    expect(region("managed-problems")).toContain(
      'ownOrigins: not an address Tresteg accepts: "http://insecure.example".',
    );
    expect(region("managed-problems")).toContain("phrasePack: the phrase pack is not used");
    expect(region("managed-problems")).toContain(
      'source.validTo: must be a date YYYY-MM-DD, not "soon".',
    );
    expect(region("managed-problems")).toContain("author: unknown field.");
    expect(region("stored-problems")).toContain("settingsVersion: stored by a newer Tresteg");
    expect(region("stored-problems")).toContain("retentionDays: must be whole days.");
    expect(region("stored-problems")).toContain("ownOrigins: must be a list");
    expect(region("stored-problems")).toContain('waitMutes: unknown choice: "the-cat".');
    expect(region("pack-problems")).toContain("(the pack): must be an object, not a list.");
    expect(region("pack-problems")).toMatch(/\(the pack\): not valid JSON: .+/);
  });

  it("the Swedish view says the same in Swedish", async () => {
    renderIn("sv", await brokenEverywhere());
    expect(region("managed-problems")).toContain("retentionDays: ska vara 1–3650 dagar.");
    expect(region("managed-problems")).toContain(
      "ownOrigins: ogiltig adress: ”http://insecure.example”.",
    );
    expect(region("managed-problems")).toContain("steps[0].phrases[2].text: får inte vara tom.");
    expect(region("stored-problems")).toContain(
      "settingsVersion: sparade av en nyare Tresteg (version 99).",
    );
    expect(region("stored-problems")).toContain("waitMutes: okänt val: ”the-cat”.");
    expect(region("pack-problems")).toContain("(frasbanken): ska vara ett objekt, inte en lista.");
    expect(region("pack-problems")).toMatch(/\(frasbanken\): inte giltig JSON: .+/);
  });
});

describe("how a host hangs up", () => {
  afterEach(cleanup);

  it.each([
    ["sv", "Lägg på som värd", "Avsluta mötet för alla, där plattformen erbjuder det"],
    ["en", "Hanging up as host", "End the meeting for everyone, where the platform offers it"],
  ] as const)(
    "leaves by default and stores the coach's choice (%s)",
    (lang, heading, endForAll) => {
      const chosen: LeaveChoice[] = [];
      renderIn(lang, ROUTINE_SETTINGS, {
        ...NO_ACTIONS,
        setHostLeave: async (choice: LeaveChoice) => {
          chosen.push(choice);
        },
      });
      const group = screen.getByRole("group", { name: heading });
      const radios = within(group).getAllByRole("radio") as HTMLInputElement[];
      expect(radios.map((radio) => radio.checked)).toEqual([true, false]);
      fireEvent.click(within(group).getByRole("radio", { name: endForAll }));
      expect(chosen).toEqual(["end-for-all"]);
    },
  );

  it("shows the organisation's choice, locked", () => {
    renderIn("sv", {
      ...ROUTINE_SETTINGS,
      hostLeave: "end-for-all",
      locks: { ...ROUTINE_SETTINGS.locks, hostLeave: true },
    });
    const group = screen.getByRole("group", { name: "Lägg på som värd" });
    const end = within(group).getByRole("radio", {
      name: "Avsluta mötet för alla, där plattformen erbjuder det",
    }) as HTMLInputElement;
    expect(end.checked).toBe(true);
    for (const radio of within(group).getAllByRole("radio")) {
      expect((radio as HTMLInputElement).disabled).toBe(true);
    }
    expect(group.textContent).toContain("Låst av organisationen");
  });
});
