import type { EvidenceRecord } from "../evidence/types";
import type { LoggedEvent } from "../log/events";
import type { DraftClock } from "./clock";
import type { ScreenshotEntry } from "./types";

interface Taken {
  seq: number;
  at: number;
  sha256: string;
  width: number;
  height: number;
  origin: string;
  title: string;
  underCover?: true;
}

/** "01", "02" … "100": numbers sort as text in a folder listing. */
export const screenshotLabel = (n: number) => String(n).padStart(2, "0");

/** Where a kept screenshot lives in an export: "screenshots/01-140512.png". */
export function screenshotPath(n: number, at: number, clock: DraftClock): string {
  return `screenshots/${screenshotLabel(n)}-${clock.fileTime(at)}.png`;
}

const hasFile = (record: EvidenceRecord | undefined): record is EvidenceRecord =>
  !!record && record.deletedAt === null && !!record.png && record.png.size > 0;

/**
 * Every screenshot, kept or deleted, from the log joined with the stored records. The log is
 * the authority for time and hash (its entry is in the chain); the record adds the caption and
 * the file. A deleted screenshot stays listed with its hash: guideline 001 §4.1 asks for
 * screenshots, and a report must not hide that one was taken.
 */
export function buildScreenshots(
  events: readonly LoggedEvent[],
  evidence: readonly EvidenceRecord[],
  clock: DraftClock,
): ScreenshotEntry[] {
  const taken = new Map<string, Taken>();
  const deletedAt = new Map<string, number>();
  for (const event of events) {
    if (event.type === "screenshot-taken" && !taken.has(event.evidenceId)) {
      taken.set(event.evidenceId, event);
    } else if (event.type === "screenshot-deleted" && !deletedAt.has(event.evidenceId)) {
      deletedAt.set(event.evidenceId, event.at);
    }
  }
  const records = new Map(evidence.map((record) => [record.id, record]));
  const ids = [...new Set([...taken.keys(), ...records.keys()])];
  const at = (id: string) => taken.get(id)?.at ?? records.get(id)?.at ?? 0;
  ids.sort((a, b) => at(a) - at(b) || (taken.get(a)?.seq ?? 0) - (taken.get(b)?.seq ?? 0));

  return ids.map((id, index) => {
    const logged = taken.get(id);
    const record = records.get(id);
    const number = index + 1;
    const when = logged?.at ?? record?.at ?? 0;
    const deleted = deletedAt.get(id) ?? record?.deletedAt ?? null;
    const kept = deleted === null && hasFile(record);
    return {
      number,
      evidenceId: id,
      seq: logged?.seq ?? null,
      taken: clock.moment(when),
      width: logged?.width ?? record?.width ?? 0,
      height: logged?.height ?? record?.height ?? 0,
      bytes: kept ? record.png.size : null,
      sha256: logged?.sha256 ?? record?.sha256 ?? "",
      recordMatchesLog: logged && record ? logged.sha256 === record.sha256 : null,
      origin: logged?.origin ?? record?.origin ?? "",
      title: logged?.title ?? record?.title ?? "",
      caption: record?.caption ?? "",
      underCover: (logged?.underCover ?? record?.underCover) === true,
      deleted: deleted === null ? null : clock.moment(deleted),
      fileName: kept ? screenshotPath(number, when, clock) : null,
      fileCheck: "not-checked",
      fileSha256: null,
    };
  });
}
