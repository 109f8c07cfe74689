// The client of Tresteg's own meeting pages (the practice meeting, the demo meeting and the
// unknown-platform demo): a drawn figure whose mouth moves, sent as a video track the way a
// real client's picture arrives over WebRTC. It is never a camera of this computer, so
// nobody takes it for a real client and Tresteg tells it from the coach's self-view as it
// does on a real call (lib/platforms/videos.ts: a drawn track reports no camera group).

/**
 * The drawn client with `caption` across the top, ten frames a second. Throws
 * when the browser cannot draw on a canvas (the page says so and its buttons still work).
 */
export function drawnClient(caption, { background = "#2c3440", figure = "#8d99ae" } = {}) {
  const canvas = document.createElement("canvas");
  canvas.width = 640;
  canvas.height = 360;
  const g = canvas.getContext("2d");
  if (!g || typeof canvas.captureStream !== "function") {
    throw new Error("webbläsaren kan inte rita klientens bild här");
  }
  const draw = () => {
    const t = Date.now() / 1000;
    g.fillStyle = background;
    g.fillRect(0, 0, 640, 360);
    g.fillStyle = figure;
    g.beginPath();
    g.ellipse(320, 400, 170, 130, 0, Math.PI, 0);
    g.fill();
    g.beginPath();
    g.arc(320, 170, 80, 0, Math.PI * 2);
    g.fill();
    g.fillStyle = background;
    g.beginPath();
    g.ellipse(320, 205, 26, 6 + 10 * Math.abs(Math.sin(t * 6)), 0, 0, Math.PI * 2);
    g.fill();
    g.fillStyle = "#f1f3f6";
    g.font = "600 22px system-ui, sans-serif";
    g.textAlign = "center";
    // Low enough to stay in sight when a tile crops the picture to fill itself.
    g.fillText(caption, 320, 72);
  };
  draw();
  const timer = setInterval(draw, 100);
  const stream = canvas.captureStream(10);
  return {
    stream,
    /** Ends the call's side of it: the track and the drawing. */
    stop() {
      clearInterval(timer);
      for (const track of stream.getTracks()) track.stop();
    },
  };
}
