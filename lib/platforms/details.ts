import type { OwnDevice } from "./adapter";

/**
 * What the page-side actions tell the coach when something was not done, in Swedish (the
 * panel's language) with the English the panel shows in its English translation. Each text
 * says what to do, not what broke.
 */
interface Detail {
  sv: string;
  en: string;
}

const DEVICE_WORDS: Record<OwnDevice, { sv: string; svDefinite: string; en: string }> = {
  mic: { sv: "mikrofon", svDefinite: "mikrofonen", en: "microphone" },
  camera: { sv: "kamera", svDefinite: "kameran", en: "camera" },
};

function doItYourself(device: OwnDevice, want: "off" | "on"): Detail {
  const words = DEVICE_WORDS[device];
  return want === "off"
    ? { sv: `Stäng av din ${words.sv} själv`, en: `Turn off your ${words.en} yourself` }
    : { sv: `Slå på din ${words.sv} själv`, en: `Turn your ${words.en} back on yourself` };
}

export const DETAILS = {
  /** The generic adapter: Tresteg does not touch this page's buttons. */
  selfService: (device: OwnDevice, want: "off" | "on"): Detail => doItYourself(device, want),
  controlMissing(device: OwnDevice, want: "off" | "on"): Detail {
    const self = doItYourself(device, want);
    return {
      sv: `Hittade inte knappen för ${DEVICE_WORDS[device].svDefinite} i mötet. ${self.sv}.`,
      en: `Could not find the ${DEVICE_WORDS[device].en} button in the meeting. ${self.en}.`,
    };
  },
  stateUnknown(device: OwnDevice, want: "off" | "on"): Detail {
    const self = doItYourself(device, want);
    return {
      sv: `Kunde inte se om ${DEVICE_WORDS[device].svDefinite} är på eller av. ${self.sv}.`,
      en: `Could not tell whether the ${DEVICE_WORDS[device].en} is on or off. ${self.en}.`,
    };
  },
  disabled(device: OwnDevice, want: "off" | "on"): Detail {
    const self = doItYourself(device, want);
    return {
      sv: `Knappen för ${DEVICE_WORDS[device].svDefinite} går inte att trycka på. ${self.sv}.`,
      en: `The ${DEVICE_WORDS[device].en} button cannot be pressed. ${self.en}.`,
    };
  },
  noEffect(device: OwnDevice, want: "off" | "on"): Detail {
    const self = doItYourself(device, want);
    return {
      sv: `Mötet ändrade inte ${DEVICE_WORDS[device].svDefinite}. ${self.sv}.`,
      en: `The meeting did not change the ${DEVICE_WORDS[device].en}. ${self.en}.`,
    };
  },
  noRemoteVideo: {
    sv: "Hittade ingen video från klienten att täcka över.",
    en: "Found no video of the client to cover.",
  },
  coveredAll: {
    sv: "Kunde inte skilja klientens video från din egen, så alla videor är övertäckta.",
    en: "Could not tell the client's video from your own, so every video is covered.",
  },
  leaveMissing: {
    sv: "Hittade inte knappen för att lämna mötet. Avsluta samtalet själv i mötet.",
    en: "Could not find the meeting's leave button. End the call yourself in the meeting.",
  },
  leaveNoEffect: {
    sv: "Tresteg tryckte på Lämna men mötet verkar pågå. Avsluta samtalet själv i mötet.",
    en: "Tresteg pressed Leave but the meeting seems to go on. End the call yourself.",
  },
  pageError: {
    sv: "Något gick fel på mötessidan. Gör det själv i mötet.",
    en: "Something went wrong on the meeting page. Do it yourself in the meeting.",
  },
} as const;

const ENGLISH = new Map<string, string>();
function remember(detail: Detail) {
  ENGLISH.set(detail.sv, detail.en);
}
for (const device of ["mic", "camera"] as const) {
  for (const want of ["off", "on"] as const) {
    remember(DETAILS.selfService(device, want));
    remember(DETAILS.controlMissing(device, want));
    remember(DETAILS.stateUnknown(device, want));
    remember(DETAILS.disabled(device, want));
    remember(DETAILS.noEffect(device, want));
  }
}
for (const detail of [
  DETAILS.noRemoteVideo,
  DETAILS.coveredAll,
  DETAILS.leaveMissing,
  DETAILS.leaveNoEffect,
  DETAILS.pageError,
]) {
  remember(detail);
}

/** The English for a detail the content script sent (in Swedish), for the English panel. */
export function detailInEnglish(swedish: string): string | undefined {
  return ENGLISH.get(swedish);
}
