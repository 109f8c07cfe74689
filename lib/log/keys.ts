// The ends of IndexedDB's key order, for ranges over a compound key's second part: every
// number sorts after -Infinity, and every number, date, string and binary key before an array
// (W3C Indexed Database API, "key comparison"). Dexie's own minKey and maxKey are these values;
// having them here lets the modules that query the log leave Dexie itself out of their imports,
// so a page can draw before Dexie is loaded (lib/log/first-read.ts).
export const MIN_KEY = -Infinity;
export const MAX_KEY: IDBValidKey = [[]];
