import { memo } from "./memo";
import { useState } from "preact/hooks";
import type { Translate } from "../lib/i18n/text";
import { describeEvent } from "../lib/log/describe";
import type { LoggedEvent } from "../lib/log/events";
import type { Language, PhrasePack } from "../lib/routine/pack";
import { clockTime } from "../lib/time/format";

interface EntryProps {
  event: LoggedEvent;
  pack: PhrasePack;
  lang: Language;
  t: Translate;
}

// Entries never change once written, so a line is rendered once, not on every click.
const Entry = memo(
  function Entry({ event, pack, lang, t }: EntryProps) {
    return (
      <li class={`entry entry-${event.type}`} data-seq={event.seq}>
        <time dateTime={new Date(event.at).toISOString()}>{clockTime(event.at)}</time>
        <span class="entry-text">{describeEvent(event, pack, t, lang)}</span>
      </li>
    );
  },
  (a, b) => a.event.hash === b.event.hash && a.lang === b.lang && a.pack === b.pack,
);

/** Lines shown at first: enough for the call in front of the coach, cheap to redraw. */
export const TIMELINE_SHOWN = 40;

/** The session's log, newest first, each line with its time. */
export function Timeline(props: {
  events: LoggedEvent[];
  pack: PhrasePack;
  lang: Language;
  t: Translate;
}) {
  const { events, pack, lang, t } = props;
  const [all, setAll] = useState(false);
  const shown = all ? events.length : Math.min(events.length, TIMELINE_SHOWN);
  const newestFirst = [];
  for (let i = events.length - 1; i >= events.length - shown; i--) {
    newestFirst.push(events[i] as LoggedEvent);
  }
  return (
    <section class="timeline" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t("timeline")}</h2>
      {events.length === 0 ? (
        <p class="hint">{t("timelineEmpty")}</p>
      ) : (
        <ol class="entries" reversed>
          {newestFirst.map((event) => (
            <Entry key={event.hash} event={event} pack={pack} lang={lang} t={t} />
          ))}
        </ol>
      )}
      {shown < events.length && (
        <button type="button" class="link" onClick={() => setAll(true)}>
          {t("timelineAll", { count: events.length })}
        </button>
      )}
    </section>
  );
}
