import { useState } from "preact/hooks";
import type { Translate } from "../lib/i18n/text";
import type { Language } from "../lib/routine/pack";
import type { CheckLine } from "../lib/verify/words";

// The checker is loaded when a ZIP is picked, never with the panel (the panel opens in a call).
const checker = async () => {
  const [{ checkExport, unzipExport }, { describeCheck }] = await Promise.all([
    import("../lib/verify/export"),
    import("../lib/verify/words"),
  ]);
  return { checkExport, unzipExport, describeCheck };
};

/**
 * "Kontrollera en export": the coach picks a ZIP and sees what holds, checked here with the
 * same code as the verify.html inside every export (lib/verify).
 */
export function ExportCheck({ t, lang }: { t: Translate; lang: Language }) {
  const [lines, setLines] = useState<CheckLine[] | null>(null);
  const [state, setState] = useState<"idle" | "checking" | "failed">("idle");
  const [error, setError] = useState("");
  const pick = async (file: File | undefined) => {
    if (!file) return;
    setState("checking");
    setLines(null);
    try {
      const { checkExport, unzipExport, describeCheck } = await checker();
      const files = unzipExport(new Uint8Array(await file.arrayBuffer()));
      setLines(describeCheck(await checkExport(files), lang === "en" ? "en" : "sv"));
      setState("idle");
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      setState("failed");
    }
  };
  return (
    <section class="export-check" aria-labelledby="export-check-heading">
      <h3 id="export-check-heading">{t("historyCheckExport")}</h3>
      <p class="hint" id="export-check-hint">
        {t("historyCheckHint")}
      </p>
      <input
        type="file"
        accept=".zip,application/zip"
        aria-label={t("historyCheckExport")}
        aria-describedby="export-check-hint"
        onChange={(e) => void pick((e.currentTarget as HTMLInputElement).files?.[0])}
      />
      <div aria-live="polite">
        {state === "checking" && <p class="hint">{t("historyChecking")}</p>}
        {state === "failed" && (
          <p class="warn" role="alert">
            {t("historyCheckFailed", { message: error })}
          </p>
        )}
        {lines && (
          <ul class="export-check-result" data-verdict={lines[0]?.ok ? "holds" : "fails"}>
            {lines.map((line, i) => (
              <li key={i} class={line.ok === null ? "note" : line.ok ? "holds" : "fails"}>
                {line.ok === null ? "" : line.ok ? "✓ " : "✗ "}
                {line.text}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
