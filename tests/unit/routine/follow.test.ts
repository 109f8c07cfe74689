import { describe, expect, it } from "vitest";
import type { IncidentEvent, LoggedEvent } from "@/lib/log/events";
import { followLog } from "@/lib/routine/follow";
import { replay } from "@/lib/routine/machine";
import { anEvent } from "../builders";

// The panel follows the open session's log as it grows, entry by entry, instead of replaying
// all of it on every click: what it shows must be exactly what a full replay gives.

const T0 = 1_750_000_000_000;

function logged(events: IncidentEvent[], sessionId = "s1"): LoggedEvent[] {
  return events.map(
    (event, seq) =>
      ({
        ...event,
        sessionId,
        seq,
        at: T0 + seq * 1000,
        prevHash: `h${seq - 1}`,
        hash: `h${seq}`,
      }) as LoggedEvent,
  );
}

const SESSION = logged([
  anEvent("session-started"),
  anEvent("phrase-said", { step: 1, phraseId: "calm-down" }),
  anEvent("phrase-said", { step: 1, phraseId: "calm-down" }),
  anEvent("phrase-said", { step: 1, phraseId: "calm-down-explain" }),
  anEvent("step-advanced", { from: 1, to: 2 }),
  anEvent("phrase-said", { step: 2, phraseId: "warning-aggressive" }),
  // Refused: step 1 is behind; it must count for nothing, as in a replay.
  anEvent("phrase-said", { step: 1, phraseId: "calm-down" }),
  anEvent("step-back", { from: 2, to: 1 }),
  anEvent("phrase-said", { step: 1, phraseId: "calm-down" }),
  anEvent("resolved", { step: 1 }),
]);

describe("following a session's log", () => {
  it("gives the state a full replay gives, after every entry", () => {
    const follow = followLog();
    for (let n = 0; n <= SESSION.length; n++) {
      expect(follow(SESSION.slice(0, n)).state).toEqual(replay(SESSION.slice(0, n)).state);
    }
    expect(replay(SESSION).refused).toHaveLength(1);
  });

  it("counts each phrase per step, with the time it was last said, refused entries not", () => {
    const { said } = followLog()(SESSION);
    expect(said.get(1)).toEqual(
      new Map([
        ["calm-down", { count: 3, lastAt: T0 + 8000 }],
        ["calm-down-explain", { count: 1, lastAt: T0 + 3000 }],
      ]),
    );
    expect(said.get(2)).toEqual(new Map([["warning-aggressive", { count: 1, lastAt: T0 + 5000 }]]));
    expect(said.get(3)).toBeUndefined();
  });

  it("folds only what is new when the log grows, whatever the size of the steps", () => {
    const follow = followLog();
    let shown = SESSION.slice(0, 0);
    for (const size of [1, 3, 0, 2, 4]) {
      shown = shown.concat(SESSION.slice(shown.length, shown.length + size));
      const progress = follow(shown);
      expect(progress.state).toEqual(replay(shown).state);
    }
    expect(shown).toHaveLength(SESSION.length);
    expect(follow(shown).said).toEqual(followLog()(SESSION).said);
  });

  it("starts over for a different log (another session), not adding to the last", () => {
    const follow = followLog();
    follow(SESSION);
    const other = logged(
      [anEvent("session-started"), anEvent("phrase-said", { step: 1, phraseId: "calm-down" })],
      "s2",
    );
    const progress = follow(other);
    expect(progress.state).toEqual(replay(other).state);
    expect(progress.said.get(1)).toEqual(new Map([["calm-down", { count: 1, lastAt: T0 + 1000 }]]));
    expect(follow([]).state).toEqual(replay([]).state);
  });

  it("keeps what it gave before unchanged (the panel compares by identity)", () => {
    const follow = followLog();
    const before = follow(SESSION.slice(0, 3));
    const saidBefore = before.said.get(1);
    follow(SESSION.slice(0, 4));
    expect(saidBefore).toEqual(new Map([["calm-down", { count: 2, lastAt: T0 + 2000 }]]));
  });
});
