import { useState } from "preact/hooks";
import { THREAT_OF_VIOLENCE, tagLabel } from "../lib/log/describe";
import { THREAT_DETAIL_FIELDS, type ThreatDetailField } from "../lib/log/events";
import type { Translate } from "../lib/i18n/text";
import type { Language, PhrasePack } from "../lib/routine/pack";
import { memo } from "./memo";

/**
 * Notes while the call runs. Enter saves; nothing here takes focus by itself, so a phrase
 * click is never stolen by the note field.
 */
export const NotesPanel = memo(function NotesPanel(props: {
  pack: PhrasePack;
  lang: Language;
  t: Translate;
  pending: string[];
  onNote: (text: string) => Promise<unknown>;
  onTag: (tag: string) => void;
  onThreatDetails: (details: Partial<Record<ThreatDetailField, string>>) => Promise<boolean>;
}) {
  const { pack, lang, t, pending } = props;
  const [text, setText] = useState("");
  const [details, setDetails] = useState<Partial<Record<ThreatDetailField, string>>>({});
  const tags = [...pack.kinds.map((kind) => kind.id), THREAT_OF_VIOLENCE];
  const saveNote = async () => {
    const value = text.trim();
    if (!value) return;
    const entry = await props.onNote(value);
    // Only a committed note clears the field; a failed one stays for another try.
    if (entry) setText("");
  };
  return (
    <section class="notes" aria-labelledby="notes-heading">
      <h2 id="notes-heading">{t("notes")}</h2>
      <label class="note-field">
        <span class="sr-only">{t("noteLabel")}</span>
        <input
          class="note-input"
          aria-label={t("noteLabel")}
          placeholder={t("notePlaceholder")}
          value={text}
          maxLength={2000}
          onInput={(e) => setText((e.target as HTMLInputElement).value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              void saveNote();
            }
          }}
        />
      </label>
      <div class="tags" role="group" aria-label={t("tags")}>
        {tags.map((tag) => (
          <button
            type="button"
            key={tag}
            class="tag"
            aria-label={t("tagAs", { tag: tagLabel(pack, tag, t, lang) })}
            disabled={pending.includes(`tag:${tag}`)}
            onClick={() => props.onTag(tag)}
          >
            {tagLabel(pack, tag, t, lang)}
          </button>
        ))}
      </div>
      <details class="threat-form">
        <summary>{t("threatForm")}</summary>
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            if (await props.onThreatDetails(details)) setDetails({});
          }}
        >
          {THREAT_DETAIL_FIELDS.map((field) => (
            <label key={field} class="field">
              <span>{t(`threat.${field}`)}</span>
              <input
                name={field}
                value={details[field] ?? ""}
                maxLength={1000}
                onInput={(e) =>
                  setDetails((d) => ({ ...d, [field]: (e.target as HTMLInputElement).value }))
                }
              />
            </label>
          ))}
          <button type="submit" class="big secondary">
            {t("saveThreatDetails")}
          </button>
        </form>
      </details>
    </section>
  );
});
