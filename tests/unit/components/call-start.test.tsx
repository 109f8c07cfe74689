import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import { CallStartField } from "../../../components/CallStartField";
import { DraftView } from "../../../components/DraftView";
import { buildDraft } from "../../../lib/draft/build";
import { type DraftEdits, emptyEdits } from "../../../lib/draft/edits";
import { translator } from "../../../lib/i18n/messages";
import { aDraftInput, personalAttackTerminated, ZONE } from "../draft/sessions";

const t = translator("sv");
const STARTED = new Date(2026, 2, 28, 14, 3, 0).getTime();

describe("the call's start during the incident", () => {
  afterEach(cleanup);

  it("is unknown until set, asks for TT:MM:SS and says when it is saved", async () => {
    const set: number[] = [];
    render(
      <CallStartField
        t={t}
        startedAt={STARTED}
        callStartedAt={null}
        busy={false}
        onSet={async (at) => set.push(at)}
      />,
    );
    const input = screen.getByRole("textbox", { name: "Samtalet började" }) as HTMLInputElement;
    expect(input.value).toBe("");
    expect(input.placeholder).toBe("TT:MM:SS");
    expect(screen.getByRole("status").textContent).toMatch(/^Inte angiven/);
    fireEvent.input(input, { target: { value: "14:01:30" } });
    fireEvent.click(screen.getByRole("button", { name: "Spara starttid" }));
    await waitFor(() =>
      expect(screen.getByRole("status").textContent).toBe("Starttid sparad 14:01:30"),
    );
    expect(set).toEqual([new Date(2026, 2, 28, 14, 1, 30).getTime()]);
  });

  it("folds to one line once the time is logged, and opens again to correct it", async () => {
    const set: number[] = [];
    const field = (callStartedAt: number | null) => (
      <CallStartField
        t={t}
        startedAt={STARTED}
        callStartedAt={callStartedAt}
        busy={false}
        onSet={async (at) => set.push(at)}
      />
    );
    const { rerender } = render(field(null));
    fireEvent.input(screen.getByRole("textbox", { name: "Samtalet började" }), {
      target: { value: "14:01:30" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Spara starttid" }));
    // The log now holds it: the panel passes it back, and the field takes one line.
    rerender(field(set[0] ?? null));
    await waitFor(() => expect(screen.queryByRole("textbox")).toBeNull());
    expect(screen.getByRole("status").textContent).toBe("Starttid sparad 14:01:30");
    // A panel opened later shows the logged time, not a confirmation it did not give.
    cleanup();
    render(field(set[0] ?? null));
    expect(screen.getByRole("status").textContent).toBe("Samtalet började 14:01:30");
    fireEvent.click(screen.getByRole("button", { name: "Ändra när samtalet började" }));
    const input = screen.getByRole("textbox", { name: "Samtalet började" }) as HTMLInputElement;
    expect(input.value).toBe("14:01:30");
    fireEvent.input(input, { target: { value: "14:00:05" } });
    fireEvent.click(screen.getByRole("button", { name: "Spara starttid" }));
    await waitFor(() => expect(set).toHaveLength(2));
    expect(set[1]).toBe(new Date(2026, 2, 28, 14, 0, 5).getTime());
  });
});

describe("the call's start in the draft", () => {
  afterEach(cleanup);

  const renderDraft = async (edits: DraftEdits, onSave: (e: DraftEdits) => void = () => {}) => {
    const draft = buildDraft(
      await aDraftInput(personalAttackTerminated(), { edits, timeZone: ZONE }),
    );
    render(
      <DraftView
        t={t}
        draft={draft}
        edits={edits}
        text=""
        busy={false}
        onSave={onSave}
        onCopy={() => {}}
        onPrint={() => {}}
        onExport={() => {}}
        onBack={() => {}}
      />,
    );
    return screen.getByRole("textbox", { name: /^Samtalet började/ }) as HTMLInputElement;
  };

  it("is not pre-filled with the incident's start, and says what the deadline counts from", async () => {
    const input = await renderDraft(emptyEdits());
    expect(input.value).toBe("");
    expect(input.placeholder).toBe("TT:MM:SS");
    expect(screen.getByText(/räknas från incidentens start kl\. 14:00:00/)).toBeTruthy();
    expect(screen.getByText(/eftersom samtalets starttid inte är angiven/)).toBeTruthy();
  });

  it("says the start time is saved once the coach sets it", async () => {
    const saved: DraftEdits[] = [];
    const input = await renderDraft(emptyEdits(), (e) => saved.push(e));
    fireEvent.input(input, { target: { value: "13:50:15" } });
    fireEvent.blur(input);
    expect(screen.getByText("Starttid sparad 13:50:15")).toBeTruthy();
    expect(saved).toHaveLength(1);
  });
});
