/**
 * A screenshot kept as evidence. The image is never altered after capture; the caption is the
 * coach's words beside it. The log entry "screenshot-taken" carries the same sha256, so the
 * hash chain covers the image.
 */
export interface EvidenceRecord {
  id: string;
  sessionId: string;
  /** Epoch milliseconds of the capture. */
  at: number;
  /** The captured PNG, exactly as the browser returned it. */
  png: Blob;
  /** SHA-256 (hex) of the PNG's bytes. */
  sha256: string;
  width: number;
  height: number;
  /** A small JPEG or PNG for the evidence strip. */
  thumbnail: Blob;
  origin: string;
  title: string;
  caption: string;
  /** Set when the coach deleted it (the PNG is then dropped; the hash stays in the log). */
  deletedAt: number | null;
  /**
   * Taken from the page's videos while Tresteg covered the client: the image shows what the
   * coach was not shown, so the panel keeps it hidden until the coach opens it.
   */
  underCover?: true;
}
