import { browser } from "wxt/browser";
import { loadRetentionDays, saveRetentionDays } from "../history/retention-settings";
import { loadOwnOrigins, saveOwnOrigins } from "../platforms/own-origins";
import { importPack, loadPackInForce, resetPack } from "../routine/pack-store";
import { merged, NO_MANAGED, readManaged } from "../settings/managed";
import { loadWaitMutes, saveWaitMutes } from "../settings/wait-mutes";
import type { SettingsAccess } from "./app";
import type { PanelSettings } from "./store";

// Chrome answers {} without a policy; Firefox has no managed storage without a native
// manifest and refuses, which means the same: nothing is managed.
const readManagedStorage = () =>
  browser.storage.managed.get().then(
    (raw) => readManaged(raw as Record<string, unknown>),
    () => NO_MANAGED,
  );

/** The settings as the panel reads and keeps them, in the extension's own storage. */
export const browserSettings: SettingsAccess = {
  async load(): Promise<PanelSettings> {
    const area = browser.storage.local;
    const [inForce, managed, retention, own, waitMutes] = await Promise.all([
      loadPackInForce(area),
      readManagedStorage(),
      loadRetentionDays(area),
      loadOwnOrigins(area),
      loadWaitMutes(area),
    ]);
    const days = merged(retention, managed.retentionDays);
    return {
      pack: managed.pack ?? inForce.pack,
      packProblems: inForce.problems,
      retentionDays: days.value,
      ownOrigins: [...new Set([...managed.ownOrigins, ...own])].sort(),
      coachOrigins: own,
      waitMutes,
      locks: {
        pack: managed.pack !== null,
        retentionDays: days.locked,
        ownOrigins: managed.ownOrigins,
      },
      managedProblems: managed.problems,
    };
  },
  saveRetentionDays: (days) => saveRetentionDays(browser.storage.local, days),
  saveOwnOrigins: (origins) => saveOwnOrigins(browser.storage.local, origins),
  saveWaitMutes: (targets) => saveWaitMutes(browser.storage.local, targets),
  importPack: async (text) => {
    const result = await importPack(browser.storage.local, text);
    return result.ok ? { ok: true } : result;
  },
  resetPack: async () => {
    await resetPack(browser.storage.local);
  },
};
