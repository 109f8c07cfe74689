import { describe, expect, it } from "vitest";
import { buildDraft } from "@/lib/draft/build";
import { renderText } from "@/lib/draft/render-text";
import { anEvent } from "../builders";
import { aDraftInput, started, type Timed } from "../draft/sessions";

describe("a recording in the draft", () => {
  it("has its start, its stop with length and hash in the course of events, and no line per chunk", async () => {
    const sha = "d".repeat(64);
    const timed: Timed[] = [
      [0, started(["raised-voice"])],
      [10, anEvent("recording-started", { recordingId: "r-1", sides: "both" })],
      [12, anEvent("recording-chunk", { recordingId: "r-1", index: 0 })],
      [14, anEvent("recording-chunk", { recordingId: "r-1", index: 1 })],
      [
        75,
        anEvent("recording-stopped", {
          recordingId: "r-1",
          reason: "incident-ended",
          chunks: 2,
          bytes: 2_400_000,
          sha256: sha,
        }),
      ],
      [76, anEvent("session-ended", { outcome: "client-left" })],
    ];
    const draft = buildDraft(await aDraftInput(timed));
    const texts = draft.timeline.map((e) => e.text);
    expect(draft.timeline.map((e) => e.type)).not.toContain("recording-chunk");
    expect(texts).toContain("Inspelning av samtalet startade: klienten och du");
    expect(texts).toContain(
      `Inspelningen stoppades: incidenten avslutades. 2 delar sparade, 2,4 MB (SHA-256 ${sha.slice(0, 12)}…) (längd 1:05)`,
    );
    expect(renderText(draft)).toContain("(längd 1:05)");
  });
});
