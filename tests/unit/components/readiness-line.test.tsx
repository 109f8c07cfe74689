import { cleanup, fireEvent, render, screen, within } from "@testing-library/preact";
import type { ComponentProps } from "preact";
import { afterEach, describe, expect, it } from "vitest";
import { ReadinessLine } from "../../../components/ReadinessLine";
import { translator } from "../../../lib/i18n/messages";
import { MUTE_TARGETS } from "../../../lib/log/events";
import type { ProbeReport } from "../../../lib/messages";
import type { MeetingTab } from "../../../lib/panel/meeting-tab";

const TAB: MeetingTab = {
  tabId: 7,
  origin: "https://meet.jit.si",
  title: "Coachning – Klient A",
  platform: "jitsi",
  readable: true,
};
const FOUND: ProbeReport = {
  platform: "jitsi",
  controls: { mic: true, camera: true, hangUp: true },
  remoteVideos: 1,
};
const NO_MIC: ProbeReport = { ...FOUND, controls: { ...FOUND.controls, mic: false } };

type Props = ComponentProps<typeof ReadinessLine>;
const props = (over: Partial<Props> = {}): Props => ({
  tab: TAB,
  probe: { tabId: 7, report: FOUND },
  waitMutes: [...MUTE_TARGETS],
  t: translator("sv"),
  compact: false,
  hidden: false,
  ...over,
});

const line = () => screen.getByTestId("readiness");
const summary = () => line().querySelector("summary")?.textContent ?? "";
const announced = () => screen.getByRole("status").textContent;

describe("the readiness line under the meeting line", () => {
  afterEach(cleanup);

  it("says in Swedish what Tresteg can do here, each with a word, not only a mark", () => {
    render(<ReadinessLine {...props({ probe: { tabId: 7, report: NO_MIC } })} />);
    expect(summary()).toBe(
      "Här kan Tresteg: stänga av klientens ljud ✓ (klart), täcka klientens bild ✓ (klart), " +
        "stänga av din mikrofon – för hand, stänga av din kamera ✓ (klart), lägga på ✓ (klart)",
    );
    // The marks are decoration; the words beside them are what a screen reader says.
    for (const mark of line().querySelectorAll("summary [aria-hidden=true]")) {
      expect(mark.textContent?.trim()).toBe("✓");
    }
  });

  it("folds open a named list with the reason for each, in English too", () => {
    render(
      <ReadinessLine {...props({ probe: { tabId: 7, report: NO_MIC }, t: translator("en") })} />,
    );
    const details = line() as HTMLDetailsElement;
    expect(details.open).toBe(false);
    fireEvent.click(within(details).getByText(/^Here Tresteg can:/));
    const list = within(details).getByRole("list", { name: "Here Tresteg can" });
    const items = within(list)
      .getAllByRole("listitem")
      .map((li) => li.textContent);
    expect(items).toEqual([
      "mute the client's sound: ready. The browser mutes the meeting tab.",
      "cover the client's picture: ready. 1 picture of the client found on the page.",
      "turn off your microphone: by hand. No microphone button found in Jitsi Meet right now.",
      "turn off your camera: ready. Camera button found in Jitsi Meet. Not tried: Tresteg presses it only in the pause.",
      "hang up: ready. Leave button found in Jitsi Meet. Not tried: Tresteg presses it only in step 3.",
    ]);
  });

  it("says it is looking until the page has answered for this tab", () => {
    const { rerender } = render(<ReadinessLine {...props({ probe: undefined })} />);
    expect(line().textContent).toBe("Här kan Tresteg: ser efter på mötessidan …");
    // An answer from another tab (the practice meeting before) is not this page's.
    rerender(<ReadinessLine {...props({ probe: { tabId: 77, report: FOUND } })} />);
    expect(line().textContent).toBe("Här kan Tresteg: ser efter på mötessidan …");
  });

  it("announces a change once, politely, and nothing on the first reading or the same one", () => {
    const { rerender } = render(<ReadinessLine {...props()} />);
    const status = screen.getByRole("status");
    expect(status.getAttribute("aria-live")).toBeNull(); // role=status is polite by itself
    expect(line().closest("[aria-live]")).toBeNull();
    expect(announced()).toBe("");
    rerender(<ReadinessLine {...props({ probe: { tabId: 7, report: { ...FOUND } } })} />);
    expect(announced()).toBe("");
    rerender(<ReadinessLine {...props({ probe: { tabId: 7, report: NO_MIC } })} />);
    expect(announced()).toBe("Ändrat på mötessidan: stänga av din mikrofon – för hand");
    rerender(<ReadinessLine {...props({ probe: { tabId: 7, report: { ...FOUND } } })} />);
    expect(announced()).toBe("Ändrat på mötessidan: stänga av din mikrofon – klart");
  });

  it("during an incident names only what is by hand, and hides during the wait", () => {
    const { rerender } = render(
      <ReadinessLine {...props({ probe: { tabId: 7, report: null }, compact: true })} />,
    );
    expect(summary()).toBe(
      "För hand här: täcka klientens bild, stänga av din mikrofon, stänga av din kamera, lägga på",
    );
    rerender(<ReadinessLine {...props({ compact: true })} />);
    expect(summary()).toBe("Här kan Tresteg alla fem ✓");
    rerender(<ReadinessLine {...props({ compact: true, hidden: true })} />);
    expect(screen.queryByTestId("readiness")).toBeNull();
  });

  it("shows nothing without a meeting tab (the meeting line says so)", () => {
    render(<ReadinessLine {...props({ tab: null })} />);
    expect(screen.queryByTestId("readiness")).toBeNull();
  });
});
