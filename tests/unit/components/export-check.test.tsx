import { File as NodeFile } from "node:buffer";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/preact";
import Dexie from "dexie";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { afterEach, describe, expect, it } from "vitest";
import { HistoryView } from "@/components/HistoryView";
import { exportFile } from "@/lib/history/exports";
import { loadDraft } from "@/lib/history/load-draft";
import { translator } from "@/lib/i18n/messages";
import { TrestegDb } from "@/lib/log/db";
import { createIncidentLog } from "@/lib/log/incident-log";
import { BUILTIN_PACK } from "@/lib/routine/builtin-pack";
import { anEvent, aSessionStart, fakeDeps } from "../builders";

const t = translator("sv");

/** A real export of a short incident, logged and signed through the incident log. */
async function anExport(): Promise<Uint8Array> {
  const db = new TrestegDb(`export-check-${crypto.randomUUID()}`);
  try {
    const log = createIncidentLog(db, fakeDeps());
    const started = await log.startSession(aSessionStart());
    if (!started.ok) throw new Error("could not start");
    await log.append(started.value.id, anEvent("note"));
    await log.append(started.value.id, anEvent("session-ended", { outcome: "client-left" }));
    const loaded = await loadDraft(db, started.value.id, BUILTIN_PACK, "sv");
    const { blob } = await exportFile("zip", loaded!);
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    db.close();
    await Dexie.delete(db.name);
  }
}

function showHistory() {
  render(
    <HistoryView
      t={t}
      lang="sv"
      pack={BUILTIN_PACK}
      rows={[]}
      retentionDays={90}
      onOpen={() => undefined}
      onDelete={() => undefined}
      onSettings={() => undefined}
      onBack={() => undefined}
    />,
  );
}

async function pick(zip: Uint8Array) {
  const file = new NodeFile([zip as Uint8Array<ArrayBuffer>], "tresteg.zip", {
    type: "application/zip",
  });
  const input = screen.getByLabelText("Kontrollera en export", {
    selector: "input",
  }) as HTMLInputElement;
  Object.defineProperty(input, "files", { value: [file], configurable: true });
  fireEvent.change(input);
  return waitFor(() => {
    const list = document.querySelector(".export-check-result");
    if (!list) throw new Error("no result yet");
    return list;
  });
}

describe("Kontrollera en export, in the history", () => {
  afterEach(cleanup);

  it("says a clean export holds", async () => {
    showHistory();
    const list = await pick(await anExport());
    expect(list.getAttribute("data-verdict")).toBe("holds");
    expect(list.textContent).toContain("✓ Allt som gick att kontrollera håller.");
  });

  it("says which file does not match when the report was changed after the export", async () => {
    const files = unzipSync(await anExport());
    files["report.md"] = strToU8(strFromU8(files["report.md"]!).replace("Utkast", "Slutlig"));
    showHistory();
    const list = await pick(zipSync(files));
    expect(list.getAttribute("data-verdict")).toBe("fails");
    expect(list.textContent).toContain(
      "✗ Stämmer inte med SHA256SUMS (ändrad efter exporten): report.md.",
    );
  });
});
