import "./style.css";
import { browser } from "wxt/browser";
import { loadReportPage } from "../../lib/history/report-page";
import { translate } from "../../lib/i18n/messages";
import { TrestegDb } from "../../lib/log/db";
import { loadSettings } from "../../lib/settings";

// The printable report in a sandboxed frame, and a print button beside it (save as PDF).
const params = new URLSearchParams(location.search);
const lang = params.get("lang") === "en" ? "en" : "sv";
const bar = document.getElementById("report-bar") as HTMLElement;
const frame = document.getElementById("report") as HTMLIFrameElement;
document.documentElement.lang = lang;
frame.title = translate(lang, "report.frameTitle");

loadReportPage(params.get("session"), lang, {
  db: new TrestegDb(),
  settings: () => loadSettings(browser.storage.local, browser.storage.managed),
})
  .then((report) => {
    if (!report) {
      bar.textContent = translate(lang, "report.missing");
      return;
    }
    frame.addEventListener("load", () => {
      const doc = frame.contentDocument;
      if (doc) frame.style.height = `${doc.documentElement.scrollHeight + 40}px`;
    });
    frame.srcdoc = report.html;
    document.title = report.title;
    const print = document.createElement("button");
    print.type = "button";
    print.textContent = translate(lang, "report.print");
    print.addEventListener("click", () => frame.contentWindow?.print());
    bar.append(print);
  })
  .catch((error: unknown) => {
    bar.textContent = translate(lang, "report.failed", { error: String(error) });
    throw error;
  });
