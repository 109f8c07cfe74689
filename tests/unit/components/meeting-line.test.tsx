import { render } from "@testing-library/preact";
import { describe, expect, it } from "vitest";
import { MeetingLine } from "@/components/MeetingLine";
import { translator } from "@/lib/i18n/messages";

describe("the meeting line", () => {
  it("shows a page title with its bidi overrides and controls taken out, as the exports do", () => {
    // A right-to-left override would show "exe.fdp" reversed, as "pdf.exe": it must not reach
    // the panel.
    const title = "Coachning \u202Eexe.fdp\u202C\u0007 – klient";
    const { getByTestId } = render(
      <MeetingLine
        t={translator("sv")}
        tab={{ tabId: 7, origin: "https://meet.jit.si", title, platform: "jitsi", readable: true }}
      />,
    );
    const shown = getByTestId("meeting").querySelector(".meeting-title")?.textContent ?? "";
    expect(shown).toBe("Coachning exe.fdp – klient");
    // eslint-disable-next-line no-control-regex -- matching controls is the point
    expect(shown).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u0000-\u001f]/);
  });
});
