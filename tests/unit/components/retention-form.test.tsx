import { cleanup, fireEvent, render, screen } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import { RetentionForm } from "../../../components/RetentionForm";
import { translator } from "../../../lib/i18n/messages";

const t = translator("sv");

describe("the retention period", () => {
  afterEach(cleanup);

  it("saves a whole number of days and refuses anything else, saying why", () => {
    const saved: number[] = [];
    render(<RetentionForm t={t} days={90} locked={false} onSave={(d) => saved.push(d)} />);
    const input = screen.getByRole("textbox", {
      name: "Radera incidenter automatiskt efter (dagar)",
    });
    fireEvent.input(input, { target: { value: "0" } });
    fireEvent.click(screen.getByRole("button", { name: "Spara" }));
    expect(screen.getByRole("alert").textContent).toBe("Ange ett antal dagar från 1 till 3650.");
    fireEvent.input(input, { target: { value: "30" } });
    fireEvent.click(screen.getByRole("button", { name: "Spara" }));
    expect(saved).toEqual([30]);
  });

  it("shows a period set by the organisation as locked", () => {
    render(<RetentionForm t={t} days={30} locked={true} onSave={() => undefined} />);
    expect(
      (screen.getByRole("textbox", { name: /Radera incidenter/ }) as HTMLInputElement).disabled,
    ).toBe(true);
    expect(screen.getByText("Låst av organisationen")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Spara" })).toBeNull();
  });
});
