// The side panel's JavaScript, gzipped with node:zlib, in two figures:
// - at open: the page's module script (and its modulepreloads) and everything they import
//   statically: what runs before the first start button is drawn;
// - in all: that, plus every chunk reached from there through import() (the draft, history and
//   ZIP after the call), and what those import. No bar on the total: the durable log's
//   database code is in it, and it is worth its size.
import { gzipSync } from "node:zlib";
import { panelScripts } from "../scripts/panel-scripts.mjs";
import { round, row } from "./stats.mjs";

export function benchPanelJsSize({ build }) {
  const { atOpen: first, later } = panelScripts(build);
  const weigh = (files) =>
    new Map(
      [...files].map(([file, code]) => [
        file,
        { bytes: code.length, gzip: gzipSync(code, { level: 9 }).length },
      ]),
    );
  const opening = weigh(first);
  const seen = new Map([...opening, ...weigh(later)]);
  const atOpen = sum(opening);
  const all = sum(seen);
  return {
    rows: [
      row(
        `side panel JS at open, gzipped (${atOpen.files} files, ${round(atOpen.bytes / 1024)} KB raw)`,
        `${round(atOpen.gzip / 1024)} KB`,
      ),
      row(
        `side panel JS in all, with the after-call code, gzipped (${all.files} files, ${round(all.bytes / 1024)} KB raw)`,
        `${round(all.gzip / 1024)} KB`,
      ),
    ],
    results: {
      panelJs: {
        atOpen: { gzipBytes: atOpen.gzip, rawBytes: atOpen.bytes, files: atOpen.files },
        gzipBytes: all.gzip,
        rawBytes: all.bytes,
        files: Object.fromEntries(seen),
      },
    },
  };
}

function sum(seen) {
  const files = [...seen.values()];
  return {
    files: files.length,
    gzip: files.reduce((total, f) => total + f.gzip, 0),
    bytes: files.reduce((total, f) => total + f.bytes, 0),
  };
}
