import { checkExport, unzipExport } from "./export";
import { describeCheck } from "./words";

// verify.html: opened from the unzipped export (file://) in any browser, with no network and no
// extension. A page opened from a file cannot read the files beside it, so the reader picks the
// ZIP itself, or every file of the unzipped folder; everything happens in this page.

const lang = document.documentElement.lang === "en" ? "en" : "sv";
const TEXT = {
  sv: {
    title: "Kontrollera en export från Tresteg",
    intro:
      "Välj ZIP-filen, eller alla filer i den uppackade mappen. Sidan kontrollerar varje fil mot SHA256SUMS, räknar om loggkedjan ur log.jsonl och kontrollerar signaturerna med den medföljande nyckeln. Inget skickas någonstans.",
    pick: "Välj exporten (ZIP eller filerna)",
    working: "Kontrollerar…",
    notZip: "Filen gick inte att läsa som ZIP",
  },
  en: {
    title: "Check an export from Tresteg",
    intro:
      "Choose the ZIP file, or every file of the unzipped folder. The page checks each file against SHA256SUMS, recomputes the log chain from log.jsonl and checks the signatures with the key included. Nothing is sent anywhere.",
    pick: "Choose the export (ZIP or its files)",
    working: "Checking…",
    notZip: "The file could not be read as a ZIP",
  },
}[lang];

const style = document.createElement("style");
style.textContent = `body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#111}
h1{font-size:1.4rem}ul{list-style:none;padding:0}li{padding:.35rem .5rem;margin:.25rem 0;border-left:4px solid #888;overflow-wrap:anywhere}
li.holds{border-color:#1a7f37}li.fails{border-color:#b42318;background:#fff1f0}li.note{border-color:#888;color:#333}
li:first-child{font-weight:600}label{display:block;margin:1rem 0 .25rem;font-weight:600}`;
document.head.append(style);

const heading = document.createElement("h1");
heading.textContent = TEXT.title;
const intro = document.createElement("p");
intro.textContent = TEXT.intro;
const label = document.createElement("label");
label.htmlFor = "export-files";
label.textContent = TEXT.pick;
const input = document.createElement("input");
input.type = "file";
input.id = "export-files";
input.multiple = true;
const result = document.createElement("ul");
result.id = "result";
result.setAttribute("aria-live", "polite");
document.body.append(heading, intro, label, input, result);

/** The files picked, by their path inside the export. */
async function exportFiles(list: FileList): Promise<Map<string, Uint8Array>> {
  const picked = Array.from(list);
  const only = picked[0];
  if (picked.length === 1 && only && /\.zip$/i.test(only.name)) {
    try {
      return unzipExport(new Uint8Array(await only.arrayBuffer()));
    } catch (error) {
      throw new Error(`${TEXT.notZip}: ${String(error)}`, { cause: error });
    }
  }
  const files = new Map<string, Uint8Array>();
  for (const file of picked) {
    // A folder's files come with the folder's name first ("export/screenshots/01.png").
    const relative = (file as File & { webkitRelativePath?: string }).webkitRelativePath;
    const path = relative ? relative.split("/").slice(1).join("/") : file.name;
    files.set(path, new Uint8Array(await file.arrayBuffer()));
  }
  return files;
}

function show(lines: Array<{ ok: boolean | null; text: string }>) {
  result.replaceChildren(
    ...lines.map((line) => {
      const item = document.createElement("li");
      item.className = line.ok === null ? "note" : line.ok ? "holds" : "fails";
      item.textContent = `${line.ok === null ? "" : line.ok ? "✓ " : "✗ "}${line.text}`;
      return item;
    }),
  );
  document.body.dataset.verdict = lines[0]?.ok ? "holds" : "fails";
}

input.addEventListener("change", () => {
  if (!input.files?.length) return;
  delete document.body.dataset.verdict;
  show([{ ok: null, text: TEXT.working }]);
  delete document.body.dataset.verdict;
  exportFiles(input.files)
    .then(checkExport)
    .then((check) => show(describeCheck(check, lang)))
    .catch((error: unknown) => show([{ ok: false, text: String(error) }]));
});
