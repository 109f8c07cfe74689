import { describe, expect, it } from "vitest";
import { type TabsMuteApi, setTabMuted } from "@/lib/panel/meeting-port";

/** A tab whose mute state is what the browser reports back, optionally ignoring updates. */
function aTab(muted: boolean, { ignoresUpdates = false, fails = false } = {}) {
  const state = { muted };
  const tabs: TabsMuteApi = {
    get: async () => {
      if (fails) throw new Error("No tab with id: 7");
      return { mutedInfo: { muted: state.muted } };
    },
    update: async (_id, props) => {
      if (!ignoresUpdates) state.muted = props.muted;
    },
  };
  return { tabs, state };
}

describe("muting the meeting tab's sound", () => {
  it("mutes and confirms it by reading the tab back", async () => {
    const { tabs, state } = aTab(false);
    expect(await setTabMuted(tabs, 7, true)).toEqual({ result: "done" });
    expect(state.muted).toBe(true);
  });

  it("reports a tab that was already muted as already so, touching nothing", async () => {
    const { tabs } = aTab(true);
    expect(await setTabMuted(tabs, 7, true)).toEqual({ result: "already" });
  });

  it("does not claim a mute the browser did not make", async () => {
    const { tabs } = aTab(false, { ignoresUpdates: true });
    expect(await setTabMuted(tabs, 7, true)).toEqual({
      result: "failed",
      code: { reason: "tab-sound-unchanged" },
    });
  });

  it("turns a closed tab into a failure with the browser's words, never a throw", async () => {
    const { tabs } = aTab(false, { fails: true });
    expect(await setTabMuted(tabs, 7, true)).toEqual({
      result: "failed",
      code: { reason: "tab-error", error: "No tab with id: 7" },
    });
  });
});
