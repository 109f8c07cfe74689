import { FirstView } from "../../../components/FirstView";
import { tableLanguages } from "../../../lib/i18n/languages";
import { en, sv } from "../../../lib/i18n/messages";
import type { Lang } from "../../../lib/i18n/text";
import type { OpenHint } from "../../../lib/panel/open-hint";
import { createPanelStore } from "../../../lib/panel/store";
import { BUILTIN_PACK } from "../../../lib/routine/builtin-pack";
import type { KindRef } from "../../../lib/routine/pack";

/**
 * The first view wired as main.tsx wires it, its clicks recorded: a start is marked queued
 * (busy) as the panel's first clicks mark it, the language switch switches.
 */
export function aFirstView(hint: OpenHint, lang: Lang = "sv") {
  const store = createPanelStore({ lang });
  const started: KindRef[][] = [];
  let captures = 0;
  const view = (
    <FirstView
      store={store}
      languages={tableLanguages({ sv, en })}
      pack={BUILTIN_PACK}
      hint={hint}
      onToggleLang={() => store.setState({ lang: store.getState().lang === "sv" ? "en" : "sv" })}
      onStart={(kinds) => {
        started.push(kinds);
        store.setState((s) => ({ pending: [...s.pending, "start:queued"] }));
      }}
      onCapture={() => {
        captures += 1;
      }}
    />
  );
  return { view, store, started, captures: () => captures };
}
