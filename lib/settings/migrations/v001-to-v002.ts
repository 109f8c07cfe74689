/**
 * Version 1 is the flat shape Tresteg kept before its settings had a version: the keys
 * `phrasePack`, `retentionDays`, `ownOrigins` and `waitMutes` in storage.local, each written
 * by its own module, and no `settingsVersion`. Version 2 keeps those keys as they are and
 * says its version, so that the next change of the shape knows where it starts.
 *
 * Values are carried over untouched, valid or not: the loader reports what does not validate,
 * and a migration never drops a value the coach or the organisation has not seen reported.
 */
export function v001ToV002(stored: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return { ...stored, settingsVersion: 2 };
}
