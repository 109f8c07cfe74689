import { afterEach, describe, expect, it } from "vitest";
import { adapterFor } from "@/lib/platforms/index";
import { jitsiAdapter } from "@/lib/platforms/jitsi";
import { hangUp, probe, setOwnDevice } from "@/lib/platforms/page-actions";
import { type FixtureName, type FixturePage, openFixture } from "./fixture-page";
import { inWords } from "./in-words";

// Jitsi Meet's rebuilt fixture pages (jitsi.html, self-hosted-jitsi.html and the stand-in
// bundle, which follow jitsi-meet's web client) in every variant a coach meets: Swedish and
// English, the wide layout and the narrow one without the settings wrappers, participant and
// moderator.
const QUICK = { timeoutMs: 300, intervalMs: 10 };

let page: FixturePage | undefined;
afterEach(() => page?.close());

function open(fixture: FixtureName, query: Record<string, string> = {}) {
  const search = new URLSearchParams(query).toString();
  page = openFixture(fixture, search ? `?${search}` : "");
  return { page, doc: page.document, adapter: adapterFor(page.url, page.document) };
}

const VARIANTS = (["jitsi", "self-hosted-jitsi"] as const).flatMap((fixture) =>
  (["sv", "en"] as const).flatMap((lang) =>
    (["wide", "narrow"] as const).flatMap((layout) =>
      (["participant", "moderator"] as const).map((role) => ({ fixture, lang, layout, role })),
    ),
  ),
);

const queryOf = ({ lang, layout, role }: (typeof VARIANTS)[number]) => ({
  lang,
  ...(layout === "narrow" ? { layout: "narrow" } : {}),
  ...(role === "moderator" ? { role: "moderator" } : {}),
});

describe.each(VARIANTS)("$fixture, $lang, $layout, as $role", (variant) => {
  it("finds the microphone, the camera and the hang-up, and reads the client's picture", () => {
    const { doc, adapter } = open(variant.fixture, queryOf(variant));
    expect(adapter.id).toBe("jitsi");
    expect(probe(doc, adapter)).toEqual({
      platform: "jitsi",
      controls: { mic: true, camera: true, hangUp: true },
      remoteVideos: 2,
    });
  });

  it("turns the microphone and camera off and on, as the page shows, and answers already", async () => {
    const { page, doc, adapter } = open(variant.fixture, queryOf(variant));
    for (const device of ["mic", "camera"] as const) {
      expect(await setOwnDevice(doc, adapter, device, "off", QUICK)).toEqual({ result: "done" });
      expect(page.state()[device]).toBe("off");
      expect(await setOwnDevice(doc, adapter, device, "off", QUICK)).toEqual({
        result: "already",
      });
      expect(await setOwnDevice(doc, adapter, device, "on", QUICK)).toEqual({ result: "done" });
      expect(page.state()[device]).toBe("on");
    }
  });

  it("leaves the meeting, and never ends it for the others unless asked", async () => {
    const { page, doc, adapter } = open(variant.fixture, queryOf(variant));
    expect(await hangUp(doc, adapter, QUICK)).toEqual({ result: "done" });
    expect(page.state().call).toBe("left");
    expect(page.state().ended).toBeUndefined();
  });
});

describe("Jitsi with the coach as moderator", () => {
  it.each(["sv", "en"])("opens the hang-up menu and picks Leave meeting (%s)", async (lang) => {
    const { page, doc } = open("jitsi", { role: "moderator", lang });
    expect(doc.querySelector(".hangup-button")).toBeNull();
    expect(await hangUp(doc, jitsiAdapter, QUICK, "leave")).toEqual({ result: "done" });
    expect(page.state()).toMatchObject({ call: "left" });
    expect(page.state().ended).toBeUndefined();
  });

  it.each(["sv", "en"])(
    "ends the meeting for everyone when the settings say so (%s)",
    async (lang) => {
      const { page, doc } = open("jitsi", { role: "moderator", lang });
      const report = await hangUp(doc, jitsiAdapter, QUICK, "end-for-all");
      expect(inWords(report)).toEqual({
        result: "done",
        detail: "Tresteg valde mötets ”avsluta för alla”, och mötet stängdes på din skärm",
      });
      expect(inWords(report, "en").detail).toBe(
        "Tresteg chose the meeting's “end for everyone”, and the meeting closed on your screen",
      );
      expect(page.state()).toMatchObject({ call: "left", ended: "all" });
    },
  );

  it.each(["sv", "en"])(
    "in the narrow layout too, ends it for everyone only when asked (%s)",
    async (lang) => {
      const left = open("jitsi", { role: "moderator", lang, layout: "narrow" });
      expect(await hangUp(left.doc, jitsiAdapter, QUICK, "leave")).toEqual({ result: "done" });
      expect(left.page.state().ended).toBeUndefined();
      left.page.close();
      const ended = open("jitsi", { role: "moderator", lang, layout: "narrow" });
      expect(await hangUp(ended.doc, jitsiAdapter, QUICK, "end-for-all")).toEqual({
        result: "done",
        code: { reason: "ended-for-all" },
      });
      expect(ended.page.state()).toMatchObject({ call: "left", ended: "all" });
    },
  );

  it("in a language Tresteg has no labels for, never guesses the end item: it leaves, and says so", async () => {
    const { page, doc } = open("jitsi", { role: "moderator" });
    // The menu is on the page, closed, before the hang-up opens it.
    for (const item of doc.querySelectorAll(".toolbox-button-wth-dialog [role=menu] button")) {
      const german = /avsluta/i.test(item.getAttribute("aria-label") ?? "")
        ? "Konferenz für alle beenden"
        : "Konferenz verlassen";
      item.setAttribute("aria-label", german);
      item.textContent = german;
    }
    const report = await hangUp(doc, jitsiAdapter, QUICK, "end-for-all");
    expect(inWords(report)).toEqual({
      result: "done",
      detail: "mötet erbjöd inget ”avsluta för alla” som Tresteg kunde hitta; du lämnade mötet",
    });
    expect(page.state().call).toBe("left");
    expect(page.state().ended).toBeUndefined();
  });

  it("as a participant, only leaves, and says ending for everyone was not offered", async () => {
    const { page, doc } = open("jitsi");
    const report = await hangUp(doc, jitsiAdapter, QUICK, "end-for-all");
    expect(inWords(report, "en")).toEqual({
      result: "done",
      detail:
        "the meeting offered no “end for everyone” that Tresteg could find; you left the meeting",
    });
    expect(page.state().call).toBe("left");
    expect(page.state().ended).toBeUndefined();
  });
});

describe("Jitsi's narrow layout in a language Tresteg has no labels for", () => {
  /** The narrow toolbar with the mute buttons' labels in German: no button can be told. */
  function germanNarrow(query: Record<string, string> = {}) {
    const opened = open("jitsi", { layout: "narrow", ...query });
    const labels: Record<string, string> = { mic: "Stummschalten", camera: "Kamera stoppen" };
    for (const [testId, label] of Object.entries(labels)) {
      opened.doc.querySelector(`[data-testid=${testId}]`)?.setAttribute("aria-label", label);
    }
    return opened;
  }

  it("presses M and V on the window and checks them on the self-view tile", async () => {
    const { page, doc } = germanNarrow();
    expect(probe(doc, jitsiAdapter).controls).toMatchObject({ mic: false, camera: false });
    expect(await setOwnDevice(doc, jitsiAdapter, "mic", "off", QUICK)).toEqual({
      result: "done",
    });
    expect(await setOwnDevice(doc, jitsiAdapter, "camera", "off", QUICK)).toEqual({
      result: "done",
    });
    expect(page.state()).toMatchObject({ mic: "off", camera: "off" });
  });

  it("presses nothing when the tile shows the device already off", async () => {
    const { page, doc } = germanNarrow({ mic: "off" });
    expect(await setOwnDevice(doc, jitsiAdapter, "mic", "off", QUICK)).toEqual({
      result: "already",
    });
    expect(page.state().mic).toBe("off");
  });

  it("blurs a focused toolbar button first: Jitsi ignores keys while one has focus", async () => {
    const { page, doc } = germanNarrow();
    doc.querySelector<HTMLElement>("[data-testid=raise-hand]")?.focus();
    expect(doc.activeElement?.getAttribute("data-testid")).toBe("raise-hand");
    expect(await setOwnDevice(doc, jitsiAdapter, "mic", "off", QUICK)).toEqual({
      result: "done",
    });
    expect(page.state().mic).toBe("off");
  });

  it("says the shortcut was pressed but not checked when nothing shows the state", async () => {
    const { page, doc } = germanNarrow();
    doc.querySelector("#localVideoContainer")?.remove();
    const report = await setOwnDevice(doc, jitsiAdapter, "mic", "off", QUICK);
    expect(inWords(report)).toEqual({
      result: "failed",
      detail:
        "Hittade ingen knapp för mikrofonen; Tresteg tryckte mötets kortkommando men kunde inte kontrollera om det fungerade. Stäng av din mikrofon själv.",
    });
    expect(page.state().mic).toBe("off");
  });

  it("never presses blindly to turn a device back on", async () => {
    const { page, doc } = germanNarrow({ mic: "off" });
    doc.querySelector("#localVideoContainer")?.remove();
    const report = await setOwnDevice(doc, jitsiAdapter, "mic", "on", QUICK);
    expect(report).toEqual({
      result: "failed",
      code: { reason: "control-not-found", control: "mic", want: "on" },
    });
    expect(page.state().mic).toBe("off");
  });
});

describe("Jitsi's slow camera", () => {
  it("waits for a camera that switches a second and a half after the click", async () => {
    const { page, doc } = open("jitsi", { "camera-delay": "1500" });
    const started = Date.now();
    expect(await setOwnDevice(doc, jitsiAdapter, "camera", "off")).toEqual({ result: "done" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
    expect(page.state().camera).toBe("off");
  });

  it("presses nothing twice while the camera is still switching", async () => {
    const { page, doc } = open("jitsi", { "camera-delay": "1500" });
    const report = await setOwnDevice(doc, jitsiAdapter, "camera", "off", {
      timeoutMs: 400,
      intervalMs: 10,
    });
    expect(report.result).toBe("failed");
    await new Promise((resolve) => setTimeout(resolve, 1300));
    // The one click took effect; no shortcut turned it back on.
    expect(page.state().camera).toBe("off");
  });
});

describe("a Jitsi page whose buttons flip without acting", () => {
  it.each(["mic", "camera"] as const)(
    "does not report the %s off when the self-view tile still shows it on",
    async (device) => {
      const { page, doc } = open("jitsi", { buttons: "pretend" });
      const report = await setOwnDevice(doc, jitsiAdapter, device, "off", QUICK);
      expect(report).toEqual({
        result: "failed",
        code: { reason: "contradicted", control: device, want: "off" },
      });
      expect(page.state()[device]).toBe("on");
    },
  );

  it("words it for the coach", async () => {
    const { doc } = open("jitsi", { buttons: "pretend" });
    const report = await setOwnDevice(doc, jitsiAdapter, "camera", "off", QUICK);
    expect(inWords(report).detail).toBe(
      "Knappen för kameran ändrades, men mötet visar att kameran inte ändrades. Stäng av din kamera själv.",
    );
  });
});

describe("leaving, as the page shows it", () => {
  it("counts a leave button the page hid after the click as gone", async () => {
    const doc = document.implementation.createHTMLDocument("möte");
    doc.body.innerHTML = `<div id="new-toolbox"><div class="toolbox-button" role="button"><div class="toolbox-icon hangup-button"></div></div></div>`;
    const button = doc.querySelector<HTMLElement>("[role=button]")!;
    button.addEventListener("click", () => (button.hidden = true));
    expect(await hangUp(doc, jitsiAdapter, QUICK)).toEqual({ result: "done" });
  });
});
