import "./style.css";
import { renderHtml } from "../../lib/draft/render-html";
import { screenshotBytes, withCheckedFiles } from "../../lib/draft/verify-files";
import { loadDraft } from "../../lib/history/load-draft";
import { TrestegDb } from "../../lib/log/db";
import { BUILTIN_PACK } from "../../lib/routine/builtin-pack";

// The printable report: the same HTML as in the ZIP, with the screenshots shown, in a
// sandboxed frame (no scripts run in it), and a print button beside it (save as PDF).
async function main() {
  const params = new URLSearchParams(location.search);
  const sessionId = params.get("session");
  const bar = document.getElementById("report-bar") as HTMLElement;
  const frame = document.getElementById("report") as HTMLIFrameElement;
  const lang = params.get("lang") === "en" ? "en" : "sv";
  const loaded = sessionId
    ? await loadDraft(new TrestegDb(), sessionId, BUILTIN_PACK, lang, Date.now())
    : null;
  if (!loaded) {
    bar.textContent = "Incidenten finns inte (raderad?). / The incident does not exist.";
    return;
  }
  const bytes = await screenshotBytes(loaded.draft, loaded.evidence);
  const draft = await withCheckedFiles(loaded.draft, bytes);
  const images = new Map<string, string>();
  for (const [id, data] of bytes) {
    images.set(id, URL.createObjectURL(new Blob([data as BlobPart], { type: "image/png" })));
  }
  frame.srcdoc = renderHtml(draft, { images });
  document.title = `Tresteg – ${draft.dateText}`;
  const print = document.createElement("button");
  print.type = "button";
  print.textContent = "Skriv ut / spara som PDF";
  print.addEventListener("click", () => frame.contentWindow?.print());
  bar.append(print);
  frame.addEventListener("load", () => {
    const doc = frame.contentDocument;
    if (doc) frame.style.height = `${doc.documentElement.scrollHeight + 40}px`;
  });
}

main().catch((error) => {
  const bar = document.getElementById("report-bar");
  if (bar)
    bar.textContent = `Rapporten kunde inte visas / could not show the report: ${String(error)}`;
  throw error;
});
