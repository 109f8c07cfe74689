import { describe, expect, it } from "vitest";
import type { MeetingPort } from "@/lib/panel/meeting-port";
import { withPlaybackMute } from "@/lib/recording/panel-actions";

function aPort(calls: string[]): MeetingPort {
  return {
    muteTab: async (_tabId, muted) => {
      calls.push(`tab:${muted}`);
      return { result: "done" };
    },
    send: async () => ({ result: "done" }),
    probe: async () => null,
  };
}

describe("the wait's sound mute while the call is recorded", () => {
  it("mutes the recording's playback too, since the tab's own mute does not silence it", async () => {
    const calls: string[] = [];
    const port = withPlaybackMute(aPort(calls), {
      supported: true,
      send: async (request) => {
        calls.push(JSON.stringify(request));
        return { result: "done" };
      },
      estimate: async () => ({}),
    });
    expect(await port.muteTab(7, true)).toEqual({ result: "done" });
    expect(await port.muteTab(7, false)).toEqual({ result: "done" });
    expect(calls).toEqual([
      "tab:true",
      '{"type":"recording:playback","muted":true}',
      "tab:false",
      '{"type":"recording:playback","muted":false}',
    ]);
  });

  it("says the mute failed when the recording's playback could not be reached", async () => {
    const port = withPlaybackMute(aPort([]), {
      supported: true,
      send: async () => {
        throw new Error("Could not establish connection");
      },
      estimate: async () => ({}),
    });
    expect(await port.muteTab(7, true)).toMatchObject({
      result: "failed",
      code: { reason: "tab-error", error: "Could not establish connection" },
    });
  });

  it("is the tab's mute alone where the browser cannot record (Firefox)", async () => {
    const calls: string[] = [];
    const base = aPort(calls);
    expect(
      withPlaybackMute(base, {
        supported: false,
        send: async () => null,
        estimate: async () => ({}),
      }),
    ).toBe(base);
  });
});
