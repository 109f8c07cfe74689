/**
 * Version 3 adds the coach's own contacts to call for help (`helpContacts`: role, name,
 * channel and address of each). A version 2 store has none, so every key is carried over
 * untouched and only the version changes; the loader reads the absent list as empty.
 */
export function v002ToV003(stored: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return { ...stored, settingsVersion: 3 };
}
