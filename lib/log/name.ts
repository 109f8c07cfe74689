/** The log's IndexedDB database (lib/log/db.ts), read before Dexie by lib/log/first-read.ts. */
export const DB_NAME = "tresteg";
