import type { RecordingSides } from "../log/events";
import { CHUNK_MS, type ChunkSource } from "./session";

/**
 * The meeting tab's sound and picture, from the stream id the worker got through
 * chrome.tabCapture.getMediaStreamId (Chrome's "tabCapture" docs: the id is turned into a
 * stream with getUserMedia and chromeMediaSource "tab"). Chrome's own tab-capture recorder
 * sample (GoogleChrome/chrome-extensions-samples, functional-samples/sample.tabcapture-recorder)
 * does this in an offscreen document and plays the tab's sound back through an AudioContext,
 * since a captured tab is otherwise silent to the user.
 */
export async function tabStream(streamId: string): Promise<MediaStream> {
  const tab = { chromeMediaSource: "tab", chromeMediaSourceId: streamId };
  return navigator.mediaDevices.getUserMedia({
    audio: { mandatory: tab },
    // 1280 × 720 at most: enough to see who says what, a size the disk can hold for long.
    // 15 frames a second shows a person speaking clearly, and the browser's software encoder
    // then works on half the frames of 30 on the coach's machine, beside the call itself.
    video: { mandatory: { ...tab, maxWidth: 1280, maxHeight: 720, maxFrameRate: 15 } },
  } as unknown as MediaStreamConstraints);
}

/** The WebM the browser can record, best first. */
export function webmType(isSupported: (type: string) => boolean): string {
  const types = ["video/webm;codecs=vp8,opus", "video/webm;codecs=vp9,opus", "video/webm"];
  return types.find(isSupported) ?? "video/webm";
}

/**
 * The sound the coach hears while the tab is captured, and what is recorded: the tab's sound
 * played back through a gain the wait can turn to zero (the tab's own mute does not reach a
 * capture's playback), and the tab's sound mixed with the coach's microphone where the browser
 * gives it, so that both sides are heard in the recording.
 */
export async function recordingMix(tab: MediaStream, playbackMuted: boolean) {
  const context = new AudioContext();
  await context.resume().catch(() => undefined);
  const playback = context.createGain();
  playback.gain.value = playbackMuted ? 0 : 1;
  const mix = context.createMediaStreamDestination();
  const client = context.createMediaStreamSource(tab);
  client.connect(playback).connect(context.destination);
  client.connect(mix);
  let sides: RecordingSides = "client-only";
  let mic: MediaStream | null = null;
  try {
    // An offscreen document cannot ask: this works only where the coach has already let
    // Tresteg use the microphone; otherwise only the client's side is recorded, and said so.
    mic = await navigator.mediaDevices.getUserMedia({
      audio: { echoCancellation: true, noiseSuppression: true },
    });
    context.createMediaStreamSource(mic).connect(mix);
    sides = "both";
  } catch (error) {
    console.warn("Tresteg: no microphone for the recording", error);
  }
  const stream = new MediaStream([...tab.getVideoTracks(), ...mix.stream.getAudioTracks()]);
  return {
    stream,
    sides,
    setPlaybackMuted(muted: boolean) {
      playback.gain.value = muted ? 0 : 1;
    },
    close() {
      for (const track of [...tab.getTracks(), ...(mic?.getTracks() ?? [])]) track.stop();
      void context.close().catch(() => undefined);
    },
  };
}

/** MediaRecorder cut into chunks of about two seconds, as the recording stores them. */
export function mediaRecorderSource(stream: MediaStream, sides: RecordingSides): ChunkSource {
  const mimeType = webmType((type) => MediaRecorder.isTypeSupported(type));
  const recorder = new MediaRecorder(stream, {
    mimeType,
    videoBitsPerSecond: 1_000_000,
    audioBitsPerSecond: 64_000,
  });
  return {
    mimeType,
    sides,
    start(onChunk, onEnd) {
      recorder.ondataavailable = (event) => onChunk(event.data);
      recorder.onstop = () => onEnd();
      recorder.onerror = (event) => {
        console.error("Tresteg: the recorder failed", event);
      };
      recorder.start(CHUNK_MS);
    },
    stop() {
      if (recorder.state !== "inactive") recorder.stop();
    },
  };
}
