// The text draft and the ZIP of a heavy session, in Node on the real lib code: bench/
// draft-bench.ts is bundled with esbuild (tsconfig paths resolve "@/…") into a temp .mjs.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { readFile } from "node:fs/promises";
import { build } from "esbuild";
import { buildVerifierHtml } from "../scripts/verifier.mjs";
import { median, round, row } from "./stats.mjs";

const ROUNDS = 5;

export async function benchDraft({ root, tmp }) {
  const outfile = join(tmp, "draft-bench.mjs");
  await build({
    entryPoints: [join(root, "bench", "draft-bench.ts")],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    tsconfig: join(root, "tsconfig.json"),
    logLevel: "error",
    // What Vite gives the extension's bundle: verify.html and docs/verify.md as strings.
    plugins: [
      {
        name: "tresteg-zip-assets",
        setup(b) {
          b.onResolve({ filter: /^virtual:tresteg-verifier$/ }, (args) => ({
            path: args.path,
            namespace: "tresteg",
          }));
          b.onLoad({ filter: /.*/, namespace: "tresteg" }, async () => ({
            contents: `export default ${JSON.stringify(await buildVerifierHtml())};`,
          }));
          b.onResolve({ filter: /\?raw$/ }, (args) => ({
            path: join(args.resolveDir, args.path.replace(/\?raw$/, "")),
            namespace: "raw",
          }));
          b.onLoad({ filter: /.*/, namespace: "raw" }, async (args) => ({
            contents: `export default ${JSON.stringify(await readFile(args.path, "utf8"))};`,
          }));
        },
      },
    ],
  });
  const { runDraftBench } = await import(pathToFileURL(outfile).href);
  const r = await runDraftBench(ROUNDS);
  const text = median(r.textMs);
  const zip = median(r.zipMs);
  const mb = (bytes) => `${round(bytes / 1e6)} MB`;
  return {
    rows: [
      row(
        `text draft (buildDraft + renderText), ${r.events} events, median of ${ROUNDS}`,
        `${round(text)} ms`,
        "≤ 20 ms",
        text <= 20,
      ),
      row(
        `ZIP (buildZip), ${r.screenshots} × 1920×1080 PNG (${mb(r.pngBytes)}), median of ${ROUNDS}`,
        `${round(zip)} ms`,
        "≤ 1500 ms",
        zip <= 1500,
      ),
    ],
    results: {
      draft: {
        events: r.events,
        screenshots: r.screenshots,
        pngBytes: r.pngBytes,
        pngs: "PNG signature + seeded xorshift bytes, 2.0–3.0 MB each (stored uncompressed)",
        setupMs: r.setupMs,
        textDraftMs: { median: text, samples: r.textMs, chars: r.textChars },
        zipMs: { median: zip, samples: r.zipMs, bytes: r.zipBytes },
        zipStepsOnce: r.zipSteps,
      },
    },
  };
}
