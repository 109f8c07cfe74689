import { describe, expect, it } from "vitest";
import { onWaitAlarm, sessionOfAlarm, waitAlarmName } from "@/lib/worker/wait-alarm";

describe("the end of the two-minute wait, when the panel may be closed", () => {
  const deps = (open: boolean, notices: string[]) => ({
    panelIsOpen: async () => open,
    notify: async (id: string, message: string) => {
      notices.push(`${id} ${message}`);
    },
  });

  it("names each wait's alarm after its session and reads the session back", () => {
    expect(sessionOfAlarm(waitAlarmName("abc-123"))).toBe("abc-123");
    expect(sessionOfAlarm("something-else")).toBeNull();
  });

  it("tells a coach whose panel is closed, with a notification", async () => {
    const notices: string[] = [];
    expect(await onWaitAlarm(waitAlarmName("s1"), deps(false, notices))).toBe(true);
    expect(notices).toEqual([expect.stringMatching(/^wait:s1 Två minuter har gått\./)]);
  });

  it("leaves it to the open panel, which shows the end itself", async () => {
    const notices: string[] = [];
    expect(await onWaitAlarm(waitAlarmName("s1"), deps(true, notices))).toBe(false);
    expect(notices).toEqual([]);
  });

  it("ignores alarms that are not a wait's", async () => {
    const notices: string[] = [];
    expect(await onWaitAlarm("retention", deps(false, notices))).toBe(false);
    expect(notices).toEqual([]);
  });
});
