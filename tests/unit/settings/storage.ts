import { fakeBrowser } from "wxt/testing/fake-browser";
import { BUILTIN_PACK } from "@/lib/routine/builtin-pack";

/** The coach's storage and the organisation's policy, as the extension has them. */
export const local = () => fakeBrowser.storage.local;
export const managed = () => fakeBrowser.storage.managed;

/** Everything in storage.local, as a test compares it. */
export const stored = () => fakeBrowser.storage.local.get(null);

export const anOrganisationPack = (id = "region-x-hco") => {
  const pack = structuredClone(BUILTIN_PACK);
  pack.id = id;
  pack.name = { sv: "Region X", en: "Region X" };
  pack.source.documentId = "RX-1";
  return pack;
};
