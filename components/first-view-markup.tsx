import { renderToString } from "preact-render-to-string";
import { tableLanguages } from "../lib/i18n/languages";
import { en, sv } from "../lib/i18n/messages";
import { LANGS } from "../lib/i18n/text";
import { firstViewTemplateId } from "../lib/panel/first-view-boot";
import type { OpenHint } from "../lib/panel/open-hint";
import { createPanelStore } from "../lib/panel/store";
import { BUILTIN_PACK } from "../lib/routine/builtin-pack";
import { FirstView } from "./FirstView";

// Run at build time (wxt.config.ts): the side panel's first view as markup, one <template>
// per language and per open-incident hint, written into sidepanel.html. It is FirstView's
// own render, so the panel's module takes these elements over unchanged.

const nothing = () => undefined;

/** The first view in `lang`, with the start buttons (hint "none") or without. */
export function firstViewMarkup(lang: (typeof LANGS)[number], hint: OpenHint): string {
  return renderToString(
    <FirstView
      store={createPanelStore({ lang })}
      languages={tableLanguages({ sv, en }, lang)}
      pack={BUILTIN_PACK}
      hint={hint}
      onToggleLang={nothing}
      onStart={nothing}
      onCapture={nothing}
    />,
  );
}

/** Every variant, as <template> elements for the page. */
export function firstViewTemplates(): string {
  const hints: OpenHint[] = ["none", "open"];
  return LANGS.flatMap((lang) =>
    hints.map(
      (hint) =>
        `<template id="${firstViewTemplateId(lang, hint)}">${firstViewMarkup(lang, hint)}</template>`,
    ),
  ).join("\n");
}
