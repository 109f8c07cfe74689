import "./style.css";
import { browser } from "wxt/browser";
import { reportContent } from "../../lib/history/report-dom";
import { loadReportPage } from "../../lib/history/report-page";
import { translate } from "../../lib/i18n/messages";
import { TrestegDb } from "../../lib/log/db";
import { recordingPlayers } from "../../lib/recording/report-videos";
import { loadSettings } from "../../lib/settings";

// The printable report in the page itself, so the browser's own print (Ctrl+P) flows it over
// every page, and a bar above it (never printed): print, and whether the checklist's state goes
// with it.
const params = new URLSearchParams(location.search);
const lang = params.get("lang") === "en" ? "en" : "sv";
const bar = document.getElementById("report-bar") as HTMLElement;
const target = document.getElementById("report") as HTMLElement;
const style = document.head.appendChild(document.createElement("style"));
document.documentElement.lang = lang;
bar.setAttribute("aria-label", translate(lang, "report.barLabel"));

const db = new TrestegDb();
loadReportPage(params.get("session"), lang, {
  db,
  settings: () => loadSettings(browser.storage.local, browser.storage.managed),
})
  .then((report) => {
    if (!report) {
      bar.textContent = translate(lang, "report.missing");
      return;
    }
    const show = (checklistState: boolean) => {
      const content = reportContent(report.html({ checklistState }), document);
      style.textContent = content.css;
      target.replaceChildren(content.body);
    };
    document.title = report.title;
    const print = document.createElement("button");
    print.type = "button";
    print.textContent = translate(lang, "report.print");
    print.addEventListener("click", () => window.print());
    const label = document.createElement("label");
    const state = document.createElement("input");
    state.type = "checkbox";
    state.addEventListener("change", () => show(state.checked));
    label.append(state, translate(lang, "report.checklistState"));
    bar.append(print, label);
    show(false);
    // The recordings of the call, played here from the browser's own storage.
    void recordingPlayers(db, params.get("session") ?? "", lang, document).then(
      (players) => players && bar.after(players),
    );
  })
  .catch((error: unknown) => {
    bar.textContent = translate(lang, "report.failed", { error: String(error) });
    throw error;
  });
