import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Runtime, type RuntimeOptions } from "../../local/runtime";

/** The manifest a test script gets unless it says otherwise (the product's own shape). */
export const TEST_MANIFEST = {
  timeZone: "America/Chicago",
  runtimeVersion: "V8",
  exceptionLogging: "STACKDRIVER",
  urlFetchWhitelist: ["https://api.credly.com/", "https://sandbox-api.credly.com/"],
  dependencies: { enabledAdvancedServices: [{ userSymbol: "Gmail", serviceId: "gmail", version: "v1" }] },
};

export interface ScriptRuntimeOptions extends Omit<RuntimeOptions, "distDir"> {
  /** Replaces the test manifest. */
  manifest?: Record<string, unknown>;
  /** Other project files by name, e.g. { "Sidebar.html": "<p>hi</p>" }. */
  files?: Record<string, string>;
}

/**
 * A Runtime over a temporary dist/ whose Code.js is `code`: its top-level functions are the
 * entry points a test runs, exactly as a bundle's would be.
 */
export function scriptRuntime(code: string, options: ScriptRuntimeOptions = {}): Runtime {
  const { manifest = TEST_MANIFEST, files = {}, ...runtimeOptions } = options;
  const dir = mkdtempSync(path.join(tmpdir(), "badgedesk-script-"));
  writeFileSync(path.join(dir, "Code.js"), code);
  writeFileSync(path.join(dir, "appsscript.json"), JSON.stringify(manifest, null, 2));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return new Runtime({ ...runtimeOptions, distDir: dir });
}
