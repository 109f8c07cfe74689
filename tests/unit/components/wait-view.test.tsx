import { cleanup, render } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import { WaitView } from "@/components/WaitView";
import { translator } from "@/lib/i18n/messages";
import type { IncidentEvent, LoggedEvent } from "@/lib/log/events";
import type { LogCode } from "@/lib/log/report-code";
import { MUTE_TARGETS } from "@/lib/log/events";

afterEach(cleanup);

const START = Date.now();

/** The wait's entries as the log holds them, one a second from its start. */
function entries(...events: IncidentEvent[]): LoggedEvent[] {
  return [{ type: "wait-started", deadline: START + 120_000, durationMs: 120_000 }, ...events].map(
    (event, seq) =>
      ({ ...event, sessionId: "s", seq, at: START + seq, prevHash: "", hash: "" }) as LoggedEvent,
  );
}

const picture = (result: "done" | "failed", code?: LogCode) =>
  ({
    type: "mute-applied",
    target: "client-picture",
    result,
    ...(code ? { code } : {}),
  }) as IncidentEvent;

function show(lang: "sv" | "en", log: LoggedEvent[]) {
  const view = render(
    <WaitView
      t={translator(lang)}
      deadline={START + 120_000}
      entries={log}
      targets={MUTE_TARGETS}
      busy={false}
      onExtend={() => {}}
      onEnd={() => {}}
    />,
  );
  const line = view.container.querySelector<HTMLElement>("li[data-target=client-picture]")!;
  const lines = () =>
    [...line.querySelectorAll(".mute-note, .mute-reason, .self-mute")].map((l) => l.textContent);
  return { line, lines, view };
}

describe("the wait box's line for the client's picture", () => {
  it("turns from failed to done, with a line saying why, when the camera came on", () => {
    const failed = entries(picture("failed", { reason: "no-remote-video" }));
    const before = show("sv", failed);
    expect(before.line.dataset.result).toBe("failed");
    expect(before.lines()).toEqual([
      "Hittade ingen video från klienten att täcka över.",
      "Dölj klientens bild själv (minimera fönstret).",
    ]);
    before.view.unmount();

    const late = show("sv", [
      ...failed,
      ...entries(picture("done", { reason: "covered-late", count: 1 })).slice(1),
    ]);
    expect(late.line.dataset.result).toBe("done");
    expect(late.line.textContent).toContain("Klientens bild: dold av Tresteg");
    expect(late.lines()).toEqual(["Klientens kamera slogs på, och Tresteg täckte bilden."]);
  });

  it("turns from done to could not, with its reason and what to do on lines of their own", () => {
    const { line, lines } = show(
      "sv",
      entries(picture("done"), picture("failed", { reason: "cover-lost", count: 1 })),
    );
    expect(line.dataset.result).toBe("failed");
    expect(line.textContent).toContain("Klientens bild: kunde inte döljas");
    expect(lines()).toEqual([
      "Tresteg kunde inte hålla täckningen överst: mötessidan visar klientens bild över den.",
      "Dölj klientens bild själv (minimera fönstret).",
    ]);
  });

  it("says the cover was put back, how often, in English too", () => {
    const { line, lines } = show(
      "en",
      entries(
        picture("done"),
        picture("failed", { reason: "cover-lost", count: 1 }),
        picture("done", { reason: "cover-reapplied", count: 4 }),
      ),
    );
    expect(line.dataset.result).toBe("done");
    expect(line.textContent).toContain("Client's picture: hidden by Tresteg");
    expect(lines()).toEqual([
      "The meeting page removed, moved or hid the cover 4 times; Tresteg put it back, and it is on top.",
    ]);
  });

  it("adds no line to a cover done as asked", () => {
    const { lines } = show("sv", entries(picture("done")));
    expect(lines()).toEqual([]);
  });
});
