// What the ensure-* scripts share: finding programs, and installing Debian packages when we
// may (root + apt-get). Never downloads anything any other way.
import { spawnSync } from "node:child_process";
import { accessSync, constants, statSync } from "node:fs";
import { delimiter, join } from "node:path";

export function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

export function isFile(file) {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

export function onPath(name) {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (dir && isExecutable(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/** apt-get's path when this process may install packages (root with apt-get), else undefined. */
export function aptGetIfRoot() {
  return process.getuid?.() === 0 ? onPath("apt-get") : undefined;
}

/** Runs a command, its output on our stderr (a CLI's stdout stays just its answer). */
export function run(cmd, args) {
  console.error(`$ ${cmd} ${args.join(" ")}`);
  const result = spawnSync(cmd, args, {
    stdio: ["ignore", 2, 2],
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  if (result.status !== 0) {
    throw new Error(`${cmd} ${args.join(" ")} failed (exit ${result.status ?? result.signal})`);
  }
}
