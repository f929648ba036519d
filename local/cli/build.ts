import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { CliError } from "./options";

export const ROOT = path.resolve(__dirname, "..", "..");
export const DIST = path.join(ROOT, "dist");

function newestIn(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** True when dist/ is missing or older than anything the bundle is built from. */
export function bundleIsStale(): boolean {
  const code = path.join(DIST, "Code.js");
  if (!existsSync(code) || !existsSync(path.join(DIST, "appsscript.json"))) return true;
  const sources = Math.max(
    newestIn(path.join(ROOT, "src")),
    statSync(path.join(ROOT, "appsscript.json")).mtimeMs,
    statSync(path.join(ROOT, "webpack.config.js")).mtimeMs,
  );
  return statSync(code).mtimeMs < sources;
}

/**
 * Builds dist/ with the project's own webpack when it is missing or stale: what runs is what
 * `clasp push` would upload, never the TypeScript sources.
 */
export function ensureBuilt(say: (line: string) => void): void {
  if (!bundleIsStale()) return;
  say("Building the bundle (dist/)…");
  const webpack = path.join(ROOT, "node_modules", ".bin", "webpack");
  if (!existsSync(webpack)) throw new CliError("webpack is not installed: run `npm ci` first.", 1);
  const result = spawnSync(webpack, ["--mode", "production"], { cwd: ROOT, encoding: "utf8" });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ""}${result.stderr ?? ""}`.trim().split("\n").slice(-15).join("\n");
    throw new CliError(`The build failed (npm run build shows the whole output):\n${output}`, 1);
  }
}
