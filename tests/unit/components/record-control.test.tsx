import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import { RecordControl } from "../../../components/RecordControl";
import { translator } from "../../../lib/i18n/messages";
import { recordingNotice } from "../../../lib/recording/notice";
import { BUILTIN_PACK } from "../../../lib/routine/builtin-pack";
import type { RecordingActions } from "../../../lib/recording/panel-actions";
import type { RecordingSummary } from "../../../lib/recording/status";

function anActions(supported = true) {
  const calls: string[] = [];
  const actions: RecordingActions = {
    supported,
    start: async () => {
      calls.push("start");
      return true;
    },
    stop: async () => undefined,
    // 1 GB free: 113 whole minutes at about 8.8 MB a minute (1 Mbit/s video, 64 kbit/s sound).
    estimate: async () => ({ quota: 2_000_000_000, usage: 1_000_000_000 }),
  };
  return { actions, calls };
}

const running: RecordingSummary = {
  recordingId: "r-1",
  startedAt: Date.UTC(2026, 2, 28, 13, 3, 12),
  sides: "client-only",
  mimeType: "video/webm",
  chunks: [{ seq: 3, index: 0, sha256: "a".repeat(64), bytes: 1_500_000, at: 0 }],
  bytes: 1_500_000,
  stoppedAt: null,
  reason: null,
  sha256: null,
};

/** `read` is the coach's settings: the notice confirmed, kept across panels. */
function show(
  props: Partial<Parameters<typeof RecordControl>[0]>,
  read: { notice: string | null } = { notice: null },
) {
  const { actions, calls } = anActions();
  render(
    <RecordControl
      t={translator("sv")}
      lang="sv"
      allowed={true}
      notice={null}
      noticeRead={read.notice}
      onNoticeRead={(notice) => void (read.notice = notice)}
      actions={actions}
      running={null}
      last={null}
      busy={false}
      onStop={() => calls.push("stop")}
      {...props}
    />,
  );
  return { calls, read };
}

describe("the recording control", () => {
  afterEach(cleanup);

  it("says before starting how many minutes the disk has room for, and starts in one click", async () => {
    const { calls } = show({});
    expect(
      (await screen.findByText(/^Utrymme för cirka \d+ minuters inspelning\.$/)).textContent,
    ).toBe("Utrymme för cirka 113 minuters inspelning.");
    fireEvent.click(screen.getByRole("button", { name: "Spela in samtalet (Alt+Shift+V)" }));
    expect(calls).toEqual(["start"]);
  });

  it("is not there when the organisation turned recording off", () => {
    show({ allowed: false });
    expect(screen.queryByRole("button", { name: /Spela in/ })).toBeNull();
  });

  it("says plainly that recording needs Chrome where the browser cannot record a tab", () => {
    const { actions } = anActions(false);
    show({ actions });
    expect(screen.getByTestId("recording-unsupported").textContent).toBe(
      "Inspelning av samtalet kräver Chrome eller Edge: Firefox låter inte tillägg spela in en flik.",
    );
    expect(screen.queryByRole("button", { name: /Spela in/ })).toBeNull();
  });

  it("shows the organisation's notice before the first recording only", async () => {
    const notice = "Berätta för klienten att samtalet spelas in.";
    const { calls, read } = show({ notice });
    fireEvent.click(screen.getByRole("button", { name: /Spela in samtalet/ }));
    expect(calls).toEqual([]);
    expect(screen.getByText(notice, { exact: false })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Jag har läst – spela in" }));
    expect(calls).toEqual(["start"]);
    cleanup();
    const again = show({ notice }, read);
    fireEvent.click(screen.getByRole("button", { name: /Spela in samtalet/ }));
    await waitFor(() => expect(again.calls).toEqual(["start"]));
  });

  const packNotice = "Spela in bara vid hot, enligt rutinen.";
  const withNotices = (policy: string | null) => ({
    recording: { allowed: true, notice: policy },
    pack: {
      ...BUILTIN_PACK,
      recordingNotice: { sv: packNotice, en: "Record only when threatened." },
    },
  });

  it("shows the phrase pack's notice when the policy has none, and the policy's when both have one", () => {
    const { calls } = show({ notice: recordingNotice(withNotices(null), "sv") });
    fireEvent.click(screen.getByRole("button", { name: /Spela in samtalet/ }));
    expect(calls).toEqual([]);
    expect(screen.getByText(packNotice, { exact: false })).toBeTruthy();
    cleanup();
    const policyNotice = "Policyns text.";
    show({ notice: recordingNotice(withNotices(policyNotice), "sv") });
    fireEvent.click(screen.getByRole("button", { name: /Spela in samtalet/ }));
    expect(screen.getByText(policyNotice, { exact: false })).toBeTruthy();
    expect(screen.queryByText(packNotice, { exact: false })).toBeNull();
  });

  it("while recording shows it, what is saved, that only the client is heard, and the stop", () => {
    const { calls } = show({ running });
    expect(screen.getByTestId("recording-on").textContent).toMatch(
      /Spelar in Spelar in sedan \d\d:\d\d:\d\d – 1 delar sparade \(1,5 MB\)/,
    );
    expect(screen.getByTestId("recording-client-only").textContent).toBe(
      "Bara klientens sida spelas in: webbläsaren gav inte Tresteg din mikrofon.",
    );
    fireEvent.click(screen.getByRole("button", { name: "Stoppa inspelningen" }));
    expect(calls).toEqual(["stop"]);
  });

  it("says why the last recording stopped when it was not the coach", () => {
    show({ last: { ...running, stoppedAt: 1, reason: "disk-full" } });
    expect(screen.getByTestId("recording-stopped").textContent).toBe(
      "Inspelningen stoppades: disken är full – alla sparade delar finns kvar.",
    );
  });
});
