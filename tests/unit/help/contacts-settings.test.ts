import { beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { addHelpContact, loadSettings, removeHelpContact } from "@/lib/settings";
import { contactKey } from "@/lib/help/contacts";
import { describeSettingsProblem } from "@/lib/settings/describe";
import { translator } from "@/lib/i18n/messages";
import { local, managed, stored } from "../settings/storage";

const load = () => loadSettings(local(), managed());
const anna = { role: "manager", name: "Anna Berg", channel: "teams", address: "anna@region.se" };
const jour = { role: "colleague", name: "Jouren", channel: "tel", address: "010-123 45 67" };

describe("the contacts to call for help", () => {
  beforeEach(() => fakeBrowser.reset());

  it("come from the policy first, locked, then the coach's own, each person once", async () => {
    await managed().set({ helpContacts: JSON.stringify([anna]) });
    expect(await addHelpContact(local(), { ...jour } as never)).toEqual({ ok: true });
    expect(await addHelpContact(local(), { ...anna } as never)).toEqual({ ok: true });
    const settings = await load();
    expect(settings.helpContacts).toEqual([anna, jour]);
    expect(settings.locks.helpContacts).toEqual([contactKey(anna as never)]);
  });

  it("keep the policy's good contacts when one is broken, and say which one", async () => {
    await managed().set({
      helpContacts: [anna, { ...jour, address: "ring mig?body=x" }, { name: "Utan roll" }],
    });
    const settings = await load();
    expect(settings.helpContacts).toEqual([anna]);
    expect(settings.managedProblems.map((p) => "number" in p && p.number)).toEqual([2, 3]);
    const [problem] = settings.managedProblems;
    expect(describeSettingsProblem(problem as never, translator("sv"))).toMatch(
      /^kontakt nr 2 .* Rätta kontakten\.$/,
    );
  });

  it("refuse to store a contact whose address does not fit its channel, and keep the others", async () => {
    await addHelpContact(local(), jour as never);
    const refused = await addHelpContact(local(), {
      ...anna,
      channel: "email",
      address: "anna@region.se?cc=evil@x.se",
    } as never);
    expect(refused).toMatchObject({
      ok: false,
      problem: { key: "helpContacts", code: "not-a-contact" },
    });
    expect((await stored()).helpContacts).toEqual([jour]);
  });

  it("are removed by person and channel, never the organisation's", async () => {
    await managed().set({ helpContacts: [anna] });
    await addHelpContact(local(), jour as never);
    await removeHelpContact(local(), contactKey(jour as never));
    await removeHelpContact(local(), contactKey(anna as never));
    expect((await load()).helpContacts).toEqual([anna]);
  });

  it("let the organisation turn recording off and carry a notice", async () => {
    await managed().set({ recordingAllowed: false, recordingNotice: "  Informera klienten.  " });
    expect((await load()).recording).toEqual({ allowed: false, notice: "Informera klienten." });
    await managed().set({ recordingAllowed: "nej", recordingNotice: 5 });
    const settings = await load();
    expect(settings.recording).toEqual({ allowed: true, notice: null });
    expect(settings.managedProblems).toEqual([
      { key: "recordingAllowed", code: "not-yes-no" },
      { key: "recordingNotice", code: "not-text" },
    ]);
  });
});
