import { cleanup, fireEvent, render, screen } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import { HistoryView } from "../../../components/HistoryView";
import { translator } from "../../../lib/i18n/messages";
import { BUILTIN_PACK } from "../../../lib/routine/builtin-pack";

const t = translator("sv");

describe("the history", () => {
  afterEach(cleanup);

  it("says how long incidents are kept and leads to the settings to change it", () => {
    let toSettings = 0;
    render(
      <HistoryView
        t={t}
        lang="sv"
        pack={BUILTIN_PACK}
        rows={[]}
        retentionDays={30}
        onOpen={() => undefined}
        onDelete={() => undefined}
        onSettings={() => toSettings++}
        onBack={() => undefined}
      />,
    );
    expect(screen.getByTestId("retention-line").textContent).toContain(
      "Incidenter raderas automatiskt efter 30 dagar.",
    );
    expect(screen.queryByRole("textbox")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Ändra i inställningarna" }));
    expect(toSettings).toBe(1);
  });
});
