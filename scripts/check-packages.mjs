#!/usr/bin/env node
// `npm run package` ends here: the store packages that `wxt zip` wrote are the ones a store or
// an IT department would be handed. Checks that each is there under the name package.json's
// version gives it, that the manifest inside carries that version, that each browser's package
// is that browser's build, and that the sources archive AMO asks for can rebuild it.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { strFromU8, unzipSync } from "fflate";

/** The packages `wxt zip` names from package.json (WXT's default artifact and sources names). */
export function expectedPackages(name, version) {
  return {
    chrome: `${name}-${version}-chrome.zip`,
    firefox: `${name}-${version}-firefox.zip`,
    sources: `${name}-${version}-sources.zip`,
  };
}

function readZip(path) {
  return unzipSync(new Uint8Array(readFileSync(path)));
}

function manifestOf(files, zipName, problems) {
  const raw = files["manifest.json"];
  if (!raw) {
    problems.push(`${zipName}: has no manifest.json at its root`);
    return null;
  }
  try {
    return JSON.parse(strFromU8(raw));
  } catch (error) {
    problems.push(`${zipName}: manifest.json is not JSON (${error.message})`);
    return null;
  }
}

/**
 * What is wrong with the packages in `dir` for this name and version: [] when they are right.
 * Each problem names the file and what to do.
 */
export function checkPackages({ dir, name, version }) {
  const names = expectedPackages(name, version);
  const problems = [];
  for (const [browser, zipName] of Object.entries(names)) {
    if (!existsSync(join(dir, zipName))) {
      problems.push(`${zipName} is missing from ${dir}: run \`npm run package\``);
      continue;
    }
    const files = readZip(join(dir, zipName));
    if (browser === "sources") {
      // AMO's reviewers rebuild the add-on from this archive with `npm ci` and the build script.
      for (const needed of ["package.json", "package-lock.json", "wxt.config.ts"]) {
        if (!files[needed]) problems.push(`${zipName}: lacks ${needed}, so AMO cannot rebuild it`);
      }
      const pkg = files["package.json"] ? JSON.parse(strFromU8(files["package.json"])) : null;
      if (pkg && pkg.version !== version) {
        problems.push(`${zipName}: package.json says ${pkg.version}, not ${version}`);
      }
      const built = Object.keys(files).filter((path) =>
        /^(node_modules|\.output|\.wxt)\//.test(path),
      );
      if (built.length > 0) problems.push(`${zipName}: holds built files (${built[0]}, …)`);
      continue;
    }
    const manifest = manifestOf(files, zipName, problems);
    if (!manifest) continue;
    if (manifest.version !== version) {
      problems.push(`${zipName}: its manifest says version ${manifest.version}, not ${version}`);
    }
    if (browser === "chrome") {
      if (manifest.manifest_version !== 3) problems.push(`${zipName}: is not a Manifest V3 build`);
      // Chrome delivers an organisation's policy only to an extension that declares its schema.
      const schema = manifest.storage?.managed_schema;
      if (!schema || !files[schema]) {
        problems.push(`${zipName}: declares no managed_schema it carries, so no policy reaches it`);
      }
    } else {
      // Firefox gives managed storage (and a policy's 3rdparty data) only to a fixed add-on id.
      if (!manifest.browser_specific_settings?.gecko?.id) {
        problems.push(`${zipName}: has no browser_specific_settings.gecko.id`);
      }
    }
  }
  return problems;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const dir = join(root, ".output");
  const problems = checkPackages({ dir, name: pkg.name, version: pkg.version });
  if (problems.length > 0) {
    console.error(`The store packages are not right:\n- ${problems.join("\n- ")}`);
    process.exit(1);
  }
  const names = Object.values(expectedPackages(pkg.name, pkg.version));
  console.log(`Store packages for ${pkg.version} in .output/: ${names.join(", ")}`);
}
