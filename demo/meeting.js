// The demo meeting's call (demo/meeting.html): a two-person call laid out as a self-hosted
// Jitsi Meet renders it, so that Tresteg's Jitsi adapter turns the coach's microphone and
// camera off and back on, covers the client's picture and leaves, as on a real call. No
// Jitsi code is copied; each part follows the upstream file named beside it (jitsi/jitsi-meet,
// read 2025, at the commits meeting.html's header names). The client is drawn
// (lib/practice/drawn-client.js); the coach's own camera and microphone are this computer's.
//
// State is on <body data-*>, as on the end-to-end tests' platform pages: data-mic and
// data-camera ("on"/"off", what the coach's tracks do), data-call ("starting", "live",
// "left") and data-media ("camera" when the self-view plays the camera, "none" without one).
import { drawnClient } from "../lib/practice/drawn-client.js";

// lang/main-sv.json (jitsi-meet 0a23a509): the toolbar.accessibilityLabel.* strings that
// ToolboxItem puts in aria-label. Swedish Jitsi leaves "Mute" untranslated.
const LABELS = {
  mute: "Mute",
  unmute: "Slå på ljudet",
  videomute: "Stoppa kamera",
  videounmute: "Starta kameran",
  audioSettings: "Ljud inställningar",
  videoSettings: "Videoinställningar",
  hangup: "Lämna mötet",
  muted: "Deltagaren har avstängd mikrofon",
};

// Tooltips in plain Swedish, for a first look (Jitsi shows a tooltip with the label).
const TIPS = {
  mic: "Mikrofon av/på (M)",
  camera: "Kamera av/på (V)",
  hangup: "Lämna mötet",
};

const ICONS = {
  mic: '<rect x="9" y="3" width="6" height="11" rx="3" /><path d="M5 11a7 7 0 0 0 14 0M12 18v3" /><path class="slash" d="M4 4l16 16" />',
  camera:
    '<rect x="3" y="6" width="12" height="12" rx="2" /><path d="M15 10l6-3v10l-6-3" /><path class="slash" d="M3 3l18 18" />',
  hangup: '<path d="M3 14c5-5 13-5 18 0l-2 3-4-2v-3a10 10 0 0 0-6 0v3l-4 2z" />',
};

function el(tag, attributes = {}, children = []) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) element.append(child);
  return element;
}

// ToolboxItem.web.tsx: a toolbar button is div.toolbox-button[role=button][tabindex=0] with
// aria-pressed set to its toggled state and aria-label its accessibility label, around an icon
// div.toolbox-icon (+ .toggled, + the button's custom class).
function toolboxButton(name, customClass = "") {
  const icon = el("div", { class: `toolbox-icon ${customClass}`.trim() });
  icon.innerHTML = `<svg viewBox="0 0 24 24" aria-hidden="true">${ICONS[name]}</svg>`;
  const button = el(
    "div",
    { class: "toolbox-button", role: "button", tabindex: "0", title: TIPS[name] },
    [el("div", {}, [icon])],
  );
  button.dataset.testid = name === "hangup" ? "leave" : name;
  return { button, icon };
}

// ToolboxButtonWithIcon.tsx: the settings arrow beside a mute button, role=button with
// aria-expanded and aria-haspopup, never aria-pressed. The demo has no settings to open.
function settingsArrow(label) {
  return el("div", { class: "settings-button-small-icon" }, [
    el("div", {
      role: "button",
      tabindex: "-1",
      "aria-expanded": "false",
      "aria-haspopup": "true",
      "aria-disabled": "true",
      "aria-label": label,
    }),
  ]);
}

/** Builds the toolbox into #new-toolbox and starts the call; returns what hangs up. */
export function startDemoMeeting(doc = document) {
  const body = doc.body;
  const page = doc.getElementById("videoconference_page");
  const largeVideo = doc.getElementById("largeVideo");
  const clientThumb = doc.getElementById("remoteVideo_demo-v0");
  const selfVideo = doc.getElementById("localVideo_container");
  const selfTile = doc.getElementById("localVideoContainer");
  const background = doc.getElementById("largeVideoBackground");
  const message = doc.getElementById("message");
  const clock = doc.getElementById("clock");
  let ownStream = null;
  let client = null;
  const timers = [];

  // On a desktop browser in the wide layout AudioSettingsButton.tsx / VideoSettingsButton.tsx
  // wrap the mute buttons in .audio-preview / .video-preview with their settings arrow; the
  // participant's hang-up is HangupButton, icon class hangup-button (Toolbox.tsx).
  const mic = toolboxButton("mic");
  const camera = toolboxButton("camera");
  const hangup = toolboxButton("hangup", "hangup-button");
  hangup.button.setAttribute("aria-label", LABELS.hangup);
  const items = el("div", { class: "toolbox-content-items" }, [
    el("div", { class: "audio-preview" }, [
      el("div", { class: "settings-button-container" }, [
        mic.button,
        settingsArrow(LABELS.audioSettings),
      ]),
    ]),
    el("div", { class: "video-preview" }, [
      el("div", { class: "settings-button-container" }, [
        camera.button,
        settingsArrow(LABELS.videoSettings),
      ]),
    ]),
    hangup.button,
  ]);
  // Toolbox.tsx: #new-toolbox > .toolbox-content > .toolbox-content-wrapper > items.
  doc
    .getElementById("new-toolbox")
    .append(
      el("div", { class: "toolbox-content" }, [
        el("div", { class: "toolbox-content-wrapper" }, [items]),
      ]),
    );

  const controls = { mic, camera };

  function showMessage(text) {
    message.textContent = text;
    message.hidden = false;
  }

  // The buttons: toggled (aria-pressed true, icon .toggled) while muted, labelled for what a
  // press does (BaseAudioMuteButton / AbstractVideoMuteButton, ToolboxItem.web.tsx).
  function renderButton(device) {
    const off = body.dataset[device] === "off";
    const { button, icon } = controls[device];
    button.setAttribute("aria-pressed", String(off));
    const key = device === "mic" ? (off ? "unmute" : "mute") : off ? "videounmute" : "videomute";
    button.setAttribute("aria-label", LABELS[key]);
    icon.classList.toggle("toggled", off);
  }

  // Thumbnail.tsx: the self-view tile is display-video, or display-avatar-only while the
  // camera is off; while the microphone is muted it shows AudioMutedIndicator (BaseIndicator
  // id audioMuted) in its status indicators.
  function renderSelfTile() {
    const cameraOn = body.dataset.camera === "on";
    selfTile.classList.toggle("display-video", cameraOn);
    selfTile.classList.toggle("display-avatar-only", !cameraOn);
    const indicators = selfTile.querySelector(".status-indicators");
    const shown = indicators.querySelector("#audioMuted");
    if (body.dataset.mic === "off" && !shown) {
      indicators.append(
        el("div", {}, [
          el("span", { id: "audioMuted", class: "indicator-icon-wrapper" }, [
            el("div", { id: "mic-disabled", "aria-label": LABELS.muted }),
          ]),
        ]),
      );
    } else if (body.dataset.mic === "on" && shown) {
      shown.parentElement.remove();
    }
  }

  function setDevice(device, state) {
    body.dataset[device] = state;
    const kind = device === "mic" ? "audio" : "video";
    if (ownStream) {
      for (const track of ownStream.getTracks()) {
        if (track.kind === kind) track.enabled = state === "on";
      }
    }
    renderButton(device);
    renderSelfTile();
  }

  function toggle(device) {
    if (body.dataset.call === "left") return;
    setDevice(device, body.dataset[device] === "on" ? "off" : "on");
  }

  mic.button.addEventListener("click", () => toggle("mic"));
  camera.button.addEventListener("click", () => toggle("camera"));
  for (const device of ["mic", "camera"]) {
    controls[device].button.addEventListener("keydown", (event) => {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
      toggle(device);
    });
  }

  // Hanging up ends the call and shows what Jitsi shows after it: a page of its own.
  function leave() {
    if (body.dataset.call === "left") return;
    body.dataset.call = "left";
    if (ownStream) for (const track of ownStream.getTracks()) track.stop();
    client?.stop();
    for (const timer of timers) clearInterval(timer);
    page.remove();
    doc
      .getElementById("react")
      .append(
        el("main", { id: "close-page" }, [
          el("h1", {}, ["Du har lämnat demomötet."]),
          el("p", {}, ["Ladda om sidan för att gå med igen."]),
        ]),
      );
  }
  hangup.button.addEventListener("click", leave);
  hangup.button.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") leave();
  });

  // keyboard-shortcuts/actions.web.ts and utils.ts: window keyup; nothing while a button,
  // field, menu item or tab has focus, nothing with Ctrl or Cmd; M and V are registered by
  // AudioMuteButton.tsx and VideoMuteButton.tsx.
  const ignoredFocus =
    "input, textarea, button, [role=button], [role=menuitem], [role=radio], [role=tab], " +
    "[role=option], [role=switch], [role=range], [role=log]";
  doc.defaultView.addEventListener("keyup", (event) => {
    if (doc.querySelector(`:focus:is(${ignoredFocus})`)) return;
    if (event.ctrlKey || event.metaKey) return;
    const key = event.key.toUpperCase();
    if (key === "M") toggle("mic");
    else if (key === "V") toggle("camera");
  });

  for (const device of ["mic", "camera"]) setDevice(device, body.dataset[device] ?? "on");

  // LargeVideoBackground.web.tsx: the large video drawn, blurred by the stylesheet, into the
  // canvas around it a few times a second.
  timers.push(
    setInterval(() => {
      const context = background.getContext?.("2d");
      if (!context || largeVideo.readyState < 2) return;
      context.drawImage(largeVideo, 0, 0, background.width, background.height);
    }, 200),
  );

  async function start() {
    body.dataset.call = "live";
    const startedAt = Date.now();
    timers.push(
      setInterval(() => {
        if (body.dataset.call !== "live") return;
        const seconds = Math.floor((Date.now() - startedAt) / 1000);
        const mm = String(Math.floor(seconds / 60)).padStart(2, "0");
        const ss = String(seconds % 60).padStart(2, "0");
        clock.textContent = `${mm}:${ss}`;
      }, 1000),
    );
    // The client: drawn, on the stage and in its tile, as a received track would be.
    client = drawnClient("KLIENT (DEMO)", { background: "#2d4a3e", figure: "#9fb8ad" });
    largeVideo.srcObject = client.stream;
    clientThumb.srcObject = client.stream;
    if (!navigator.mediaDevices?.getUserMedia) {
      throw new Error("webbläsaren saknar stöd för kamera och mikrofon här");
    }
    ownStream = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
    if (body.dataset.call === "left") {
      for (const track of ownStream.getTracks()) track.stop();
      return;
    }
    selfVideo.srcObject = ownStream;
    for (const device of ["mic", "camera"]) setDevice(device, body.dataset[device]);
    body.dataset.media = "camera";
  }

  start().catch((error) => {
    body.dataset.media = "none";
    const reason = error?.name ? `${error.name}: ${error.message}` : String(error);
    showMessage(
      client
        ? `Kunde inte starta kamera och mikrofon (${reason}). Tillåt kamera och mikrofon ` +
            "för sidan och ladda om den. Knapparna och Tresteg fungerar ändå."
        : `Kunde inte visa klientens bild (${reason}).`,
    );
  });
  return leave;
}
