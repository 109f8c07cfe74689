import { fill, type Lang, localeKey, type MessageKey, panelLanguage, type Translate } from "./text";

/** One `_locales/<lang>/messages.json`, as the browser's i18n reads it. */
export type LocaleMessages = Record<string, { message: string; description?: string }>;

/**
 * The languages the panel can speak. The browser serves one of them through its i18n
 * (`browser.i18n.getMessage`, the browser's own language, Swedish when it is neither); the
 * coach may switch to the other, whose messages are read from the extension's own
 * `_locales` file first.
 */
export interface Languages {
  /** The language the browser serves: the panel's language until the coach picks one. */
  readonly initial: Lang;
  /** Words in a language that is ready: the initial one always is, another after prepare. */
  translator(lang: Lang): Translate;
  /** Makes a language ready. Rejects with an error that says which file could not be read. */
  prepare(lang: Lang): Promise<void>;
}

export interface BrowserI18n {
  getMessage(name: string): string;
}

/** The key whose message is the language's own code: tells which locale the browser serves. */
const LANG_KEY: MessageKey = "uiLang";

function speak(lookup: (name: string) => string | undefined, lang: Lang): Translate {
  // Each render asks for dozens of messages; the browser's lookup is a few microseconds each.
  const known = new Map<MessageKey, string | undefined>();
  return (key, params) => {
    let message = known.get(key);
    if (message === undefined) {
      message = lookup(localeKey(key));
      known.set(key, message);
    }
    if (message === undefined || message === "") {
      // A missing message is a build defect (the locale tests forbid it): say so loudly, and
      // show the key rather than an empty control.
      console.error(`Tresteg: no ${lang} text for "${key}"`);
      return key;
    }
    return fill(message, params);
  };
}

export function browserLanguages(
  i18n: BrowserI18n,
  readLocale: (lang: Lang) => Promise<LocaleMessages>,
): Languages {
  const served = i18n.getMessage(LANG_KEY);
  const initial = panelLanguage(served);
  const ready = new Map<Lang, Translate>([
    [initial, speak((name) => i18n.getMessage(name), initial)],
  ]);
  return {
    initial,
    translator(lang) {
      const t = ready.get(lang);
      if (!t) throw new Error(`Tresteg: the ${lang} texts are not read yet (call prepare first)`);
      return t;
    },
    async prepare(lang) {
      if (ready.has(lang)) return;
      let messages: LocaleMessages;
      try {
        messages = await readLocale(lang);
      } catch (error) {
        throw new Error(`_locales/${lang}/messages.json could not be read: ${String(error)}`, {
          cause: error,
        });
      }
      ready.set(
        lang,
        speak((name) => messages[name]?.message, lang),
      );
    },
  };
}

/** Languages from tables in memory (the tests, and pages that bundle the tables). */
export function tableLanguages(
  tables: Record<Lang, Record<MessageKey, string>>,
  initial: Lang = "sv",
): Languages {
  return {
    initial,
    translator: (lang) => (key, params) => fill(tables[lang][key], params),
    prepare: async () => undefined,
  };
}

/** A language's table in the browser's messages.json form (written into `_locales` at build). */
export function localeMessages(table: Record<MessageKey, string>): LocaleMessages {
  const out: LocaleMessages = {};
  for (const [key, message] of Object.entries(table) as [MessageKey, string][]) {
    const name = localeKey(key);
    if (name in out) throw new Error(`Two messages share the locale name "${name}"`);
    // "$" starts a placeholder in the browser's i18n; Tresteg uses {name} placeholders only.
    if (message.includes("$")) throw new Error(`The message "${key}" contains "$"`);
    out[name] = { message };
  }
  return out;
}
