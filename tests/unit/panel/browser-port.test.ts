import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { browserMeetingPort } from "@/lib/panel/browser-port";

/** The meeting page's answer, whatever it is, as the browser hands it over. */
function pageAnswers(answer: unknown) {
  vi.spyOn(fakeBrowser.tabs, "sendMessage").mockResolvedValue(answer);
}

describe("the panel's port to the meeting page", () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.restoreAllMocks());

  it("takes a well-formed report with its code", async () => {
    pageAnswers({ result: "failed", code: { reason: "no-remote-video" } });
    expect(await browserMeetingPort.send(7, { type: "meeting:cover", cover: true })).toEqual({
      result: "failed",
      code: { reason: "no-remote-video" },
    });
  });

  it.each([
    ["nothing", undefined],
    ["a result it does not know", { result: "maybe" }],
    ["a code that is a bare word", { result: "failed", code: "no-leave-control" }],
    ["a code it does not know", { result: "failed", code: { reason: "gremlins" } }],
    ["a code without its parameters", { result: "failed", code: { reason: "no-effect" } }],
    ["a string", "done"],
  ])("turns %s into a failure that says the page did not answer", async (_what, answer) => {
    pageAnswers(answer);
    expect(await browserMeetingPort.send(7, { type: "meeting:hang-up" })).toEqual({
      result: "failed",
      code: { reason: "no-answer" },
    });
  });

  it("keeps the result of a report with fields it does not know, and drops them", async () => {
    pageAnswers({ result: "failed", detail: "Hittade inte knappen" });
    expect(await browserMeetingPort.send(7, { type: "meeting:hang-up" })).toEqual({
      result: "failed",
    });
  });

  it("reads a probe through its schema, and a malformed one as no answer", async () => {
    const probe = {
      platform: "jitsi",
      controls: { mic: true, camera: true, hangUp: false },
      remoteVideos: 1,
    };
    pageAnswers(probe);
    expect(await browserMeetingPort.probe(7)).toEqual(probe);
    pageAnswers({ ...probe, platform: "myspace" });
    expect(await browserMeetingPort.probe(7)).toBeNull();
  });

  it("says the page could not be reached, with the browser's words", async () => {
    vi.spyOn(fakeBrowser.tabs, "sendMessage").mockRejectedValue(new Error("Tab was discarded"));
    expect(await browserMeetingPort.send(7, { type: "meeting:hang-up" })).toEqual({
      result: "failed",
      code: { reason: "unreachable", error: "Tab was discarded" },
    });
  });
});
