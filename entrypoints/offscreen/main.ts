import { browser } from "wxt/browser";
import { TrestegDb } from "../../lib/log/db";
import { createIncidentLog } from "../../lib/log/incident-log";
import { recordingHost } from "../../lib/recording/host";

// The offscreen document that records the call. It lives apart from the panel, so closing
// the panel does not stop the recording; it writes every chunk to IndexedDB itself.

const db = new TrestegDb();
recordingHost({
  runtime: browser.runtime,
  db,
  log: createIncidentLog(db),
  now: () => Date.now(),
  newId: () => crypto.randomUUID(),
});
