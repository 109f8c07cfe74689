/**
 * The moments the coach's guide shows, in its order; each has one picture per language,
 * docs/img/<lang>-<moment>.png, taken by `npm run docs` (scripts/docs/guide.screens.ts).
 */
export const GUIDE_MOMENTS = [
  "open",
  "start",
  "steps",
  "wait",
  "screenshot",
  "notes",
  "record-help",
  "ending",
  "draft",
  "checklist",
  "practice",
] as const;
