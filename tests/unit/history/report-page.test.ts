import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { loadReportPage } from "@/lib/history/report-page";
import { TrestegDb } from "@/lib/log/db";
import { createIncidentLog } from "@/lib/log/incident-log";
import { BUILTIN_PACK } from "@/lib/routine/builtin-pack";
import { importPack, loadSettings } from "@/lib/settings";
import { aSessionStart } from "../builders";
import { anOrganisationPack } from "../settings/storage";

/** A pack of an organisation's own, with a kind the routine's pack does not have. */
function aRegionPack() {
  const pack = anOrganisationPack("region-x-hco");
  pack.kinds.push({
    id: "threat-to-staff",
    label: { sv: "Hot mot personal", en: "Threat to staff" },
    track: "three-steps",
    subcases: [],
  });
  return pack;
}

describe("the printable report page", () => {
  let db: TrestegDb;
  beforeEach(() => {
    fakeBrowser.reset();
    db = new TrestegDb(`report-${crypto.randomUUID()}`);
  });
  afterEach(() => db.close());

  const deps = () => ({
    db,
    settings: () => loadSettings(fakeBrowser.storage.local, fakeBrowser.storage.managed),
    now: () => Date.UTC(2026, 10, 23, 14, 0, 0),
  });

  it("names the routine and the kinds from the organisation's pack in force", async () => {
    const pack = aRegionPack();
    await importPack(fakeBrowser.storage.local, JSON.stringify(pack));
    const started = await createIncidentLog(db).startSession(
      aSessionStart({
        kinds: ["threat-to-staff"],
        packId: pack.id,
        packVersion: pack.source.version,
      }),
    );
    if (!started.ok) throw new Error("could not start");
    const report = await loadReportPage(started.value.id, "en", deps());
    const html = report?.html({ checklistState: false }) ?? "";
    expect(html).toContain("RX-1");
    expect(html).not.toContain(BUILTIN_PACK.source.documentId);
    expect(html).toContain("Threat to staff");
    expect(html).not.toContain("threat-to-staff");
  });

  it("has no report for an incident that is gone, or no incident named", async () => {
    expect(await loadReportPage("deleted", "sv", deps())).toBeNull();
    expect(await loadReportPage(null, "sv", deps())).toBeNull();
  });
});
