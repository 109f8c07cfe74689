// verify.html: the offline checker every ZIP export carries, one self-contained page built from
// lib/verify/page.ts (the same checking code as the extension's history view) with esbuild. Given
// to the extension's bundle and to the unit tests as the module "virtual:tresteg-verifier".
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const ENTRY = fileURLToPath(new URL("../lib/verify/page.ts", import.meta.url));
const MODULE = "virtual:tresteg-verifier";

// No network at all (connect-src falls back to 'none'), no frames, no form posts; only the
// page's own inline script and style, and images from data: URLs.
const CSP =
  "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'";

/** The page as one HTML string; `{{lang}}` is set by the export to the report's language. */
export async function buildVerifierHtml() {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    format: "iife",
    minify: true,
    target: "es2020",
    legalComments: "none",
  });
  // A script element ends at the first "</script", wherever it stands.
  const script = result.outputFiles[0].text.replaceAll("</script", "<\\/script");
  return `<!doctype html>
<html lang="{{lang}}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tresteg – kontrollera export / check an export</title>
</head>
<body>
<noscript>Sidan behöver JavaScript för att kontrollera exporten. / This page needs JavaScript to check the export.</noscript>
<script>${script}</script>
</body>
</html>
`;
}

/** A Vite plugin: `import html from "virtual:tresteg-verifier"`. */
export function verifierPlugin() {
  const resolved = `\0${MODULE}`;
  return {
    name: "tresteg-verifier",
    resolveId(id) {
      return id === MODULE ? resolved : null;
    },
    async load(id) {
      if (id !== resolved) return null;
      this.addWatchFile?.(ENTRY);
      return `export default ${JSON.stringify(await buildVerifierHtml())};`;
    },
  };
}
