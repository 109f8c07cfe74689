import { cleanup, fireEvent, render, screen } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import { aFirstView } from "./first-view-fixture";

// What the panel draws before its database code has loaded.

function renderFirstView(hint: "none" | "open" | "unknown") {
  const { view, ...recorded } = aFirstView(hint);
  render(view);
  return recorded;
}

describe("the first view", () => {
  afterEach(cleanup);

  it("offers the start at once when the last panel saw no incident", () => {
    const { started } = renderFirstView("none");
    fireEvent.click(screen.getByRole("button", { name: "Starta incident: Personangrepp" }));
    expect(started).toEqual([["personal-attack"]]);
    // Shown busy until the panel has loaded and carried it out.
    expect(screen.getByRole("button", { name: "Starta incident: Personangrepp" })).toHaveProperty(
      "disabled",
      true,
    );
  });

  it("says it is looking for the meeting tab, not that there is none", () => {
    renderFirstView("none");
    expect(screen.getByText("Möte: letar efter mötesfliken …")).toBeTruthy();
    expect(screen.queryByText(/Ingen mötesflik hittades/)).toBeNull();
  });

  it("offers no start while an incident may be open: that waits for the log", () => {
    renderFirstView("open");
    expect(screen.queryByRole("button", { name: /^Starta incident/ })).toBeNull();
    expect(screen.getByRole("heading", { name: "Tresteg" })).toBeTruthy();
  });

  it("takes a screenshot click and switches language like the full panel", async () => {
    const { captures } = renderFirstView("unknown");
    fireEvent.click(screen.getByRole("button", { name: /skärmdump/i }));
    expect(captures()).toBe(1);
    fireEvent.click(screen.getByRole("button", { name: /Byt språk till engelska/ }));
    expect(await screen.findByRole("button", { name: /Switch language to Swedish/ })).toBeTruthy();
    expect(screen.getByRole("button", { name: /screenshot/i })).toBeTruthy();
  });

  it("tells the coach when the panel could not load", async () => {
    const { store } = renderFirstView("none");
    store.setState({ error: { key: "panelLoadFailed", params: { error: "Error: x" } } });
    expect((await screen.findByRole("alert")).textContent).toContain(
      "Panelen kunde inte laddas (Error: x)",
    );
  });
});
