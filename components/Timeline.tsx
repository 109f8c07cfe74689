import type { Translate } from "../lib/i18n/messages";
import { describeEvent } from "../lib/log/describe";
import type { LoggedEvent } from "../lib/log/events";
import type { Language, PhrasePack } from "../lib/routine/pack";
import { clockTime } from "../lib/time/format";

/** The session's log, newest first, each line with its time. */
export function Timeline(props: {
  events: LoggedEvent[];
  pack: PhrasePack;
  lang: Language;
  t: Translate;
}) {
  const { events, pack, lang, t } = props;
  return (
    <section class="timeline" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t("timeline")}</h2>
      {events.length === 0 ? (
        <p class="hint">{t("timelineEmpty")}</p>
      ) : (
        <ol class="entries" reversed>
          {[...events].reverse().map((event) => (
            <li key={event.seq} class={`entry entry-${event.type}`} data-seq={event.seq}>
              <time dateTime={new Date(event.at).toISOString()}>{clockTime(event.at, lang)}</time>
              <span class="entry-text">{describeEvent(event, pack, t, lang)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
