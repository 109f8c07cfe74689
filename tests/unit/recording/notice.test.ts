import { describe, expect, it } from "vitest";
import { BUILTIN_PACK } from "@/lib/routine/builtin-pack";
import { noticeUnread, recordingNotice } from "@/lib/recording/notice";
import { ROUTINE_SETTINGS } from "@/lib/settings";

const packNotice = { sv: "Spela in bara vid hot.", en: "Record only when threatened." };
const settings = (policy: string | null, pack: boolean, read: string | null = null) => ({
  recording: { allowed: true, notice: policy },
  pack: pack ? { ...BUILTIN_PACK, recordingNotice: packNotice } : BUILTIN_PACK,
  own: { ...ROUTINE_SETTINGS.own, recordingNoticeRead: read },
});

describe("the notice before recording", () => {
  it("is the policy's, else the pack's in the panel's language, else none", () => {
    expect(recordingNotice(settings("Policyns text.", true), "en")).toBe("Policyns text.");
    expect(recordingNotice(settings(null, true), "sv")).toBe(packNotice.sv);
    expect(recordingNotice(settings(null, true), "en")).toBe(packNotice.en);
    expect(recordingNotice(settings(null, false), "sv")).toBeNull();
  });

  it("holds a recording back until the coach has confirmed the notice in force, in either language", () => {
    expect(noticeUnread(settings(null, false))).toBe(false);
    expect(noticeUnread(settings(null, true))).toBe(true);
    expect(noticeUnread(settings(null, true, packNotice.en))).toBe(false);
    expect(noticeUnread(settings(null, true, packNotice.sv))).toBe(false);
    // A new notice is read anew: the one confirmed before no longer counts.
    expect(noticeUnread(settings("Ny text.", true, packNotice.sv))).toBe(true);
    expect(noticeUnread(settings("Ny text.", true, "Ny text."))).toBe(false);
  });
});
