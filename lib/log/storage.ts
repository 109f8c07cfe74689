import { liveQuery } from "dexie";
import { TrestegDb } from "./db";

/**
 * The log's database with Dexie's live queries: what a page needs to read and watch the log.
 * The side panel loads this module only after its first draw (lib/log/first-read.ts read what
 * that draw shows), so Dexie is neither fetched nor set up before the coach sees the panel.
 */
export interface LogStorage {
  db: TrestegDb;
  live: typeof liveQuery;
}

export function openLogStorage(name?: string): LogStorage {
  return { db: new TrestegDb(name), live: liveQuery };
}
