import { useState } from "preact/hooks";
import { oneLine } from "../lib/draft/escape";
import type { EvidenceRecord } from "../lib/evidence/types";
import type { Translate } from "../lib/i18n/text";
import { clockTime } from "../lib/time/format";
import { useObjectUrl } from "./use-object-url";
import { memo } from "./memo";

interface ItemProps {
  item: EvidenceRecord;
  t: Translate;
  onOpen: (item: EvidenceRecord) => void;
  onCaption: (id: string, caption: string) => void;
  onDelete: (id: string) => void;
}

function EvidenceItem({ item, t, onOpen, onCaption, onDelete }: ItemProps) {
  // Taken under the cover, it shows what the coach chose not to see: hidden until opened.
  const [revealed, setRevealed] = useState(!item.underCover);
  const thumb = useObjectUrl(item.deletedAt === null && revealed ? item.thumbnail : null);
  const [caption, setCaption] = useState(item.caption);
  const [confirming, setConfirming] = useState(false);
  const time = clockTime(item.at);
  if (item.deletedAt !== null) {
    return (
      <li class="evidence-item deleted" data-evidence-id={item.id}>
        <span class="evidence-time">{time}</span>{" "}
        <span class="hint">{t("deleted", { time: clockTime(item.deletedAt) })}</span>
      </li>
    );
  }
  const save = () => caption !== item.caption && onCaption(item.id, caption);
  return (
    <li class="evidence-item" data-evidence-id={item.id}>
      <button
        type="button"
        class={revealed ? "thumb" : "thumb hidden-thumb"}
        aria-label={revealed ? t("openFull", { time }) : t("showUnderCover", { time })}
        onClick={() => {
          setRevealed(true);
          onOpen(item);
        }}
      >
        {revealed ? (
          thumb && <img src={thumb} alt="" width={120} />
        ) : (
          <span aria-hidden="true">{t("underCoverHidden")}</span>
        )}
      </button>
      <div class="evidence-meta">
        <span class="evidence-time">{time}</span>
        <span class="hint">
          {item.width}×{item.height} · SHA-256 {item.sha256.slice(0, 12)}…
        </span>
        <input
          class="caption-input"
          aria-label={t("captionFor", { time })}
          placeholder={t("caption")}
          value={caption}
          maxLength={500}
          onInput={(e) => setCaption((e.target as HTMLInputElement).value)}
          onBlur={save}
          onKeyDown={(e) => e.key === "Enter" && save()}
        />
        {confirming ? (
          <div class="confirm" role="group" aria-label={t("confirmDelete")}>
            <span>{t("confirmDelete")}</span>
            <button type="button" class="danger" onClick={() => onDelete(item.id)}>
              {t("confirmYes")}
            </button>
            <button type="button" class="secondary" onClick={() => setConfirming(false)}>
              {t("confirmNo")}
            </button>
          </div>
        ) : (
          <button type="button" class="link" onClick={() => setConfirming(true)}>
            {t("deleteScreenshot", { time })}
          </button>
        )}
      </div>
    </li>
  );
}

function FullSize({
  item,
  t,
  onClose,
}: {
  item: EvidenceRecord;
  t: Translate;
  onClose: () => void;
}) {
  const url = useObjectUrl(item.png);
  return (
    <div
      class="full-size"
      role="dialog"
      aria-modal="true"
      aria-label={t("openFull", { time: clockTime(item.at) })}
    >
      <button type="button" class="big secondary" onClick={onClose} autoFocus>
        {t("closeFull")}
      </button>
      {url && <img src={url} alt={oneLine(item.caption || item.title)} />}
    </div>
  );
}

/** The session's screenshots, newest first, each with its time, caption and hash. */
export const EvidenceStrip = memo(function EvidenceStrip(props: {
  items: EvidenceRecord[];
  t: Translate;
  onCaption: (id: string, caption: string) => void;
  onDelete: (id: string) => void;
}) {
  const { items, t } = props;
  const [open, setOpen] = useState<EvidenceRecord | null>(null);
  return (
    <section class="evidence" aria-labelledby="evidence-heading">
      <h2 id="evidence-heading">{t("evidence")}</h2>
      {items.length === 0 ? (
        <p class="hint">{t("evidenceEmpty")}</p>
      ) : (
        <ul class="evidence-list">
          {[...items].reverse().map((item) => (
            <EvidenceItem
              key={item.id}
              item={item}
              t={t}
              onOpen={setOpen}
              onCaption={props.onCaption}
              onDelete={props.onDelete}
            />
          ))}
        </ul>
      )}
      {open && <FullSize item={open} t={t} onClose={() => setOpen(null)} />}
    </section>
  );
});
