import { recordingFiles } from "../draft/zip";
import type { Lang } from "../i18n/text";
import { translate } from "../i18n/messages";
import type { TrestegDb } from "../log/db";
import { incidentChunks } from "../log/records";

/**
 * The incident's recordings, playable in the report page from local blobs (the same bytes as
 * the ZIP's recordings/NN.webm): one labelled video player each, or none. Never printed.
 */
export async function recordingPlayers(
  db: TrestegDb,
  sessionId: string,
  lang: Lang,
  doc: Document,
  objectUrl: (blob: Blob) => string = (blob) => URL.createObjectURL(blob),
): Promise<HTMLElement | null> {
  const files = await recordingFiles(await incidentChunks(db, sessionId));
  if (files.length === 0) return null;
  const section = doc.createElement("section");
  section.className = "no-print recordings";
  files.forEach((file, i) => {
    const label = translate(lang, "recording.file", { number: i + 1 });
    const figure = doc.createElement("figure");
    const caption = doc.createElement("figcaption");
    caption.textContent = `${label} (${file.path})`;
    const video = doc.createElement("video");
    video.controls = true;
    video.preload = "metadata";
    video.setAttribute("aria-label", label);
    video.src = objectUrl(new Blob([file.data as BlobPart], { type: "video/webm" }));
    figure.append(caption, video);
    section.append(figure);
  });
  return section;
}
