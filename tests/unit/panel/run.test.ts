import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { LogResult } from "@/lib/log/incident-log";
import { BUSY_AFTER_MS, createRunner, expireNotices, NOTICE_SHOWN_MS } from "@/lib/panel/run";
import { createPanelStore } from "@/lib/panel/store";

// A click's write: done once however often it is clicked while in flight, shown busy only
// when slow enough for the coach to see it, and never drawing the panel for nothing.

function aWrite<T>() {
  let settle!: (result: LogResult<T>) => void;
  const write = vi.fn(() => new Promise<LogResult<T>>((resolve) => (settle = resolve)));
  return { write, settle: (result: LogResult<T>) => settle(result) };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("a click's write", () => {
  it("is not shown busy when it commits quickly, and the click changes nothing drawn", async () => {
    const store = createPanelStore();
    const listener = vi.fn();
    store.subscribe(listener);
    const run = createRunner(store);
    const { write, settle } = aWrite<string>();
    const done = run("phrase:calm-down", write);
    await vi.advanceTimersByTimeAsync(BUSY_AFTER_MS - 1);
    expect(store.getState().pending).toEqual([]);
    settle({ ok: true, value: "entry" });
    await expect(done).resolves.toBe("entry");
    await vi.advanceTimersByTimeAsync(BUSY_AFTER_MS * 2);
    expect(store.getState().pending).toEqual([]);
    expect(listener).not.toHaveBeenCalled();
  });

  it("is shown busy once slow, until it ends", async () => {
    const store = createPanelStore();
    const run = createRunner(store);
    const { write, settle } = aWrite<string>();
    const done = run("advance", write);
    await vi.advanceTimersByTimeAsync(BUSY_AFTER_MS);
    expect(store.getState().pending).toEqual(["advance"]);
    settle({ ok: true, value: "entry" });
    await done;
    expect(store.getState().pending).toEqual([]);
  });

  it("is done once when clicked again while in flight, and can be done again after", async () => {
    const store = createPanelStore();
    const run = createRunner(store);
    // Two runners on one panel (the panel's and the wait's) share what is in flight.
    const other = createRunner(store);
    const { write, settle } = aWrite<string>();
    const first = run("phrase:calm-down", write);
    await expect(run("phrase:calm-down", write)).resolves.toBeUndefined();
    await expect(other("phrase:calm-down", write)).resolves.toBeUndefined();
    expect(write).toHaveBeenCalledTimes(1);
    settle({ ok: true, value: "entry" });
    await first;
    const again = run("phrase:calm-down", write);
    expect(write).toHaveBeenCalledTimes(2);
    settle({ ok: true, value: "entry 2" });
    await expect(again).resolves.toBe("entry 2");
  });

  it("does not hold back a click on something else", async () => {
    const store = createPanelStore();
    const run = createRunner(store);
    const a = aWrite<string>();
    const b = aWrite<string>();
    const first = run("phrase:calm-down", a.write);
    const second = run("advance", b.write);
    expect(b.write).toHaveBeenCalledTimes(1);
    b.settle({ ok: true, value: "advanced" });
    a.settle({ ok: true, value: "said" });
    await expect(Promise.all([first, second])).resolves.toEqual(["said", "advanced"]);
  });

  it("tells the coach why it failed, clears the last message on the next click", async () => {
    const store = createPanelStore();
    const run = createRunner(store);
    const failing = aWrite<string>();
    const done = run("advance", failing.write);
    failing.settle({ ok: false, failure: { kind: "refused", refusal: "wait-running" } });
    await expect(done).resolves.toBeUndefined();
    expect(store.getState().error).not.toBeNull();
    const next = aWrite<string>();
    const again = run("phrase:calm-down", next.write);
    expect(store.getState().error).toBeNull();
    next.settle({ ok: true, value: "said" });
    await again;
  });

  it("reports a write that throws, and drops its busy mark", async () => {
    const store = createPanelStore();
    const run = createRunner(store);
    const done = run("note", async () => {
      await new Promise((resolve) => setTimeout(resolve, BUSY_AFTER_MS * 2));
      throw new Error("disk gone");
    });
    await vi.advanceTimersByTimeAsync(BUSY_AFTER_MS);
    expect(store.getState().pending).toEqual(["note"]);
    await vi.advanceTimersByTimeAsync(BUSY_AFTER_MS);
    await expect(done).resolves.toBeUndefined();
    expect(store.getState()).toMatchObject({
      pending: [],
      error: { key: "storageError", params: { message: "Error: disk gone" } },
    });
  });
});

describe("a confirmation", () => {
  it("goes after a while, and a newer one is shown its own full time", () => {
    const store = createPanelStore();
    expireNotices(store);
    store.setState({ notice: { key: "exported", params: { name: "incident.zip" } } });
    vi.advanceTimersByTime(NOTICE_SHOWN_MS - 1000);
    store.setState({ notice: { key: "draftSaved", params: { time: "07:30:30" } } });
    vi.advanceTimersByTime(1500);
    expect(store.getState().notice).toMatchObject({ key: "draftSaved" });
    vi.advanceTimersByTime(NOTICE_SHOWN_MS);
    expect(store.getState().notice).toBeNull();
  });

  it("goes when the panel shows another screen; an error stays until dismissed", () => {
    const store = createPanelStore();
    expireNotices(store);
    store.setState({ view: "draft", notice: { key: "draftSaved", params: { time: "07:30:30" } } });
    // Set with the screen it belongs to: it stays there.
    expect(store.getState().notice).not.toBeNull();
    store.setState({ view: "incident" });
    expect(store.getState().notice).toBeNull();
    store.setState({ error: { key: "grantRefused" } });
    store.setState({ view: "history" });
    vi.advanceTimersByTime(NOTICE_SHOWN_MS * 3);
    expect(store.getState().error).toMatchObject({ key: "grantRefused" });
  });
});
