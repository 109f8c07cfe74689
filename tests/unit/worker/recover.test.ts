import { describe, expect, it } from "vitest";
import type { IncidentEvent, LoggedEvent } from "@/lib/log/events";
import { needsCoverAgain } from "@/lib/worker/recover";
import { anEvent } from "../builders";

const log = (...events: IncidentEvent[]) =>
  events.map(
    (e, seq) => ({ ...e, seq, sessionId: "s", at: seq, prevHash: "", hash: "" }) as LoggedEvent,
  );
const start = anEvent("session-started");
const waiting = anEvent("wait-started");

describe("covering the client again after the meeting page reloads", () => {
  it.each([
    [
      "the wait runs and Tresteg covered the client",
      [start, waiting, anEvent("mute-applied", { target: "client-picture", result: "done" })],
      true,
    ],
    [
      "the picture was already off before Tresteg",
      [start, waiting, anEvent("mute-applied", { target: "client-picture", result: "already" })],
      false,
    ],
    [
      "the wait is over",
      [
        start,
        waiting,
        anEvent("mute-applied", { target: "client-picture", result: "done" }),
        anEvent("wait-ended", { reason: "continue" }),
      ],
      false,
    ],
    [
      "nothing was there to cover, so the old page was watching for the client's picture",
      [
        start,
        waiting,
        anEvent("mute-applied", {
          target: "client-picture",
          result: "failed",
          code: { reason: "no-remote-video" },
        }),
      ],
      true,
    ],
    [
      "the cover could not be kept on top from the start",
      [
        start,
        waiting,
        anEvent("mute-applied", {
          target: "client-picture",
          result: "failed",
          code: { reason: "cover-not-on-top" },
        }),
      ],
      false,
    ],
    ["no wait ran", [start], false],
  ] as const)("%s: %s", (_what, events, expected) => {
    expect(needsCoverAgain(log(...events))).toBe(expected);
  });
});
