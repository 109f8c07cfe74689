// A meeting page of Tresteg's own that looks and behaves like a video call: the practice
// meeting packaged in the extension ("Övning"; entrypoints/practice) and the unknown-platform
// demo (demo/unknown-platform.html), a meeting page Tresteg does not recognise, on which the
// panel shows what it cannot do there. <body data-meeting> says which. State lives on
// <body data-*> and the buttons' aria-pressed, so tests and the extension read it from the DOM
// the way they would on a real meeting platform. The demo meeting `npm start` opens is built
// like a self-hosted Jitsi Meet instead (demo/meeting.js).
import { drawnClient } from "./drawn-client.js";

const TEXT = {
  unknown: {
    heading: "Demomöte – okänd videotjänst",
    note:
      "Demo på din egen dator: en mötessida som Tresteg inte känner igen. Panelen säger vad " +
      "den inte kan göra här. Inget skickas någonstans.",
    client: "Klient (demo)",
    caption: "KLIENT (DEMO)",
  },
  practice: {
    heading: "Övningsmöte – Tresteg",
    note: "Övning: ingen riktig klient, inget lämnar datorn. Öva rutinen i panelen bredvid.",
    client: "Övningsklient",
    caption: "ÖVNING",
  },
};

const ICONS = {
  mic: '<rect x="9" y="3" width="6" height="11" rx="3" /><path d="M5 11a7 7 0 0 0 14 0M12 18v3" /><path class="slash" d="M4 4l16 16" />',
  camera:
    '<rect x="3" y="6" width="12" height="12" rx="2" /><path d="M15 10l6-3v10l-6-3" /><path class="slash" d="M3 3l18 18" />',
  leave: '<path d="M3 14c5-5 13-5 18 0l-2 3-4-2v-3a10 10 0 0 0-6 0v3l-4 2z" />',
};

function markup(text) {
  return `
    <div id="pattern" aria-hidden="true">
      <span></span><span></span><span></span><span></span><span></span><span></span>
    </div>
    <header>
      <h1>${text.heading}</h1>
      <span class="note">${text.note}</span>
      <span id="clock" title="Samtalstid">00:00</span>
    </header>
    <main>
      <section id="remote" class="tile" aria-label="Klienten">
        <video id="remote-video" data-testid="remote-video" autoplay muted playsinline
          aria-label="Video från klienten"></video>
        <span class="name">${text.client}</span>
        <div class="cover"></div>
      </section>
      <section id="self" class="tile" aria-label="Du">
        <video id="self-video" data-testid="self-video" autoplay muted playsinline
          aria-label="Din egen bild"></video>
        <span class="name">Du</span>
        <div class="cover">Kameran är avstängd</div>
      </section>
      <div id="message" role="alert" hidden></div>
    </main>
    <footer>
      <button id="mic" type="button" data-testid="mic" aria-pressed="true"
        aria-keyshortcuts="m" title="Mikrofon på/av (M)">
        <svg viewBox="0 0 24 24" aria-hidden="true">${ICONS.mic}</svg>
        <span>Mikrofon</span> <kbd aria-hidden="true">M</kbd>
      </button>
      <button id="camera" type="button" data-testid="camera" aria-pressed="true"
        aria-keyshortcuts="v" title="Kamera på/av (V)">
        <svg viewBox="0 0 24 24" aria-hidden="true">${ICONS.camera}</svg>
        <span>Kamera</span> <kbd aria-hidden="true">V</kbd>
      </button>
      <button id="leave" type="button" data-testid="leave">
        <svg viewBox="0 0 24 24" aria-hidden="true">${ICONS.leave}</svg>
        <span>Lämna samtalet</span>
      </button>
    </footer>`;
}

export function startMeeting(body = document.body) {
  const kind = body.dataset.meeting === "practice" ? "practice" : "unknown";
  if (!body.querySelector("main")) body.insertAdjacentHTML("afterbegin", markup(TEXT[kind]));
  const micButton = document.getElementById("mic");
  const cameraButton = document.getElementById("camera");
  const leaveButton = document.getElementById("leave");
  const remoteVideo = document.getElementById("remote-video");
  const selfVideo = document.getElementById("self-video");
  const message = document.getElementById("message");
  const clock = document.getElementById("clock");
  let ownStream = null;
  let client = null;
  let startedAt = Date.now();

  function showMessage(text) {
    message.textContent = text;
    message.hidden = false;
  }

  function setTracks(stream, trackKind, enabled) {
    if (!stream) return;
    for (const track of stream.getTracks()) {
      if (track.kind === trackKind) track.enabled = enabled;
    }
  }

  function toggle(button, key, trackKind) {
    if (body.dataset.state === "left") return;
    const on = button.getAttribute("aria-pressed") !== "true";
    button.setAttribute("aria-pressed", String(on));
    body.dataset[key] = on ? "on" : "off";
    setTracks(ownStream, trackKind, on);
  }

  const toggleMic = () => toggle(micButton, "mic", "audio");
  const toggleCamera = () => toggle(cameraButton, "camera", "video");

  function leave() {
    if (ownStream) for (const track of ownStream.getTracks()) track.stop();
    client?.stop();
    remoteVideo.srcObject = null;
    selfVideo.srcObject = null;
    body.dataset.state = "left";
    micButton.disabled = true;
    cameraButton.disabled = true;
    leaveButton.disabled = true;
    showMessage("Du har lämnat samtalet. Ladda om sidan för att gå med igen.");
  }

  micButton.addEventListener("click", toggleMic);
  cameraButton.addEventListener("click", toggleCamera);
  leaveButton.addEventListener("click", leave);

  document.addEventListener("keydown", (event) => {
    // Modifier combinations belong to the browser and extensions (Tresteg uses Alt+Shift+T).
    if (event.ctrlKey || event.altKey || event.metaKey || event.repeat) return;
    const target = event.target;
    if (
      target instanceof HTMLElement &&
      (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
    ) {
      return;
    }
    const key = event.key.toLowerCase();
    if (key === "m") toggleMic();
    else if (key === "v") toggleCamera();
    else return;
    event.preventDefault();
  });

  setInterval(() => {
    if (body.dataset.state !== "live") return;
    const seconds = Math.floor((Date.now() - startedAt) / 1000);
    const mm = String(Math.floor(seconds / 60)).padStart(2, "0");
    const ss = String(seconds % 60).padStart(2, "0");
    clock.textContent = `${mm}:${ss}`;
  }, 1000);

  function live() {
    startedAt = Date.now();
    body.dataset.state = "live";
    setTracks(ownStream, "audio", micButton.getAttribute("aria-pressed") === "true");
    setTracks(ownStream, "video", cameraButton.getAttribute("aria-pressed") === "true");
  }

  async function start() {
    // The client is drawn, never a camera of this computer (drawn-client.js).
    client = drawnClient(TEXT[kind].caption);
    remoteVideo.srcObject = client.stream;
    if (kind === "practice") {
      // No camera or microphone: practice asks the browser for nothing.
      live();
      return;
    }
    if (!navigator.mediaDevices?.getUserMedia) {
      throw new Error("webbläsaren saknar stöd för kamera och mikrofon här");
    }
    ownStream = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
    selfVideo.srcObject = ownStream;
    live();
  }

  start().catch((error) => {
    body.dataset.state = "error";
    const reason = error?.name ? `${error.name}: ${error.message}` : String(error);
    showMessage(
      client
        ? `Kunde inte starta kamera och mikrofon (${reason}). ` +
            "Tillåt kamera och mikrofon för sidan och ladda om den. Knapparna fungerar ändå."
        : `Kunde inte visa klientens bild (${reason}). Knapparna fungerar ändå.`,
    );
  });
}
