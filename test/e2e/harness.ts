/**
 * The specialist's world for end-to-end tests: the *built* bundle (dist/) in the local runtime,
 * and, when asked, a Credly sandbox in its own process reached over real HTTP. Tests act as people
 * do — through the bundle's entry points (menu items, triggers, google.script.run) and by typing
 * into sheets — and look at what people would see: sheets, the outbox, Credly's records.
 */
import path from "node:path";
import { type Sandbox, type SandboxOptions, startSandbox } from "../../local/credly-sandbox/launcher";
import {
  type ExecutionRecord,
  propertiesOf,
  Runtime,
  type RuntimeOptions,
  spreadsheetOf,
  urlFetchOf,
} from "../../local/runtime";
import type { Settings } from "../../src/app/settings";

export const DIST = path.resolve(__dirname, "../../dist");
export const SPECIALIST = "specialist@agency.example";
/** The demo organization and tokens of local/credly-sandbox/demo-seed.json. */
export const DEMO_ORG = "0b9f6f38-5c2e-4d8a-9a61-3f2d7c1e8a01";
export const WRITE_TOKEN = "demo-write-token";

export type Row = Record<string, unknown>;

export interface WorldOptions extends Omit<RuntimeOptions, "distDir" | "user"> {
  /** Start a Credly sandbox and point the settings at it. */
  credly?: boolean | SandboxOptions;
  /** Settings saved before the first run (as the settings page would). */
  settings?: Partial<Settings>;
}

export interface World {
  runtime: Runtime;
  sandbox?: Sandbox;
  /** Runs an entry point as the specialist; throws with the script's error when it fails. */
  run(functionName: string, ...args: unknown[]): unknown;
  /** Runs an entry point and returns the execution record, success or not. */
  attempt(functionName: string, ...args: unknown[]): ExecutionRecord;
  /** A sheet's rows as objects by header; the header row is the first row holding `firstHeader`. */
  rows(sheetName: string, firstHeader?: string): Row[];
  /** Types rows into a sheet below its last row, by header name, as a person would. */
  type(sheetName: string, rows: Row[]): void;
  saveSettings(change: Partial<Settings>): void;
  close(): Promise<void>;
}

export async function world(options: WorldOptions = {}): Promise<World> {
  const { credly, settings, ...runtimeOptions } = options;
  const runtime = new Runtime({ ...runtimeOptions, distDir: DIST, user: SPECIALIST });
  let sandbox: Sandbox | undefined;
  const settingsChange: Partial<Settings> = { specialistEmail: SPECIALIST, ...settings };
  if (credly) {
    sandbox = await startSandbox(credly === true ? {} : credly);
    urlFetchOf(runtime).allowUrlPrefix(sandbox.url);
    Object.assign(settingsChange, {
      credlyEnvironment: "custom",
      credlyCustomUrl: sandbox.url,
      credlyOrganizationId: DEMO_ORG,
      ...settings,
    });
    propertiesOf(runtime).user(SPECIALIST).set("badgedesk.credlyToken", WRITE_TOKEN);
  }

  const saveSettings = (change: Partial<Settings>) => {
    const store = propertiesOf(runtime).script;
    const current = JSON.parse(store.get("badgedesk.settings") ?? "{}");
    store.set("badgedesk.settings", JSON.stringify({ ...current, ...change }));
  };
  saveSettings(settingsChange);

  const attempt = (functionName: string, ...args: unknown[]) =>
    runtime.run(functionName, { event: args[0], args: args.slice(1) });

  const rows = (sheetName: string, firstHeader?: string): Row[] => {
    const values = spreadsheetOf(runtime).values(sheetName);
    const headerIndex = firstHeader ? values.findIndex((r) => r[0] === firstHeader) : 0;
    if (headerIndex < 0) throw new Error(`No header row starting "${firstHeader}" in ${sheetName}`);
    const headers = values[headerIndex].map(String);
    return values
      .slice(headerIndex + 1)
      .filter((r) => r.some((v) => v !== ""))
      .map((r) => Object.fromEntries(headers.map((h, i) => [h, r[i]])));
  };

  return {
    runtime,
    sandbox,
    run(functionName, ...args) {
      const record = attempt(functionName, ...args);
      if (!record.ok) throw new Error(`${functionName} failed: ${record.error}`);
      return record.value;
    },
    attempt,
    rows,
    type(sheetName, newRows) {
      const model = spreadsheetOf(runtime);
      const headers = model.values(sheetName)[0].map(String);
      for (const row of newRows)
        model.appendRow(
          sheetName,
          headers.map((h) => (row[h] ?? "") as never),
        );
    },
    saveSettings,
    async close() {
      await sandbox?.stop();
    },
  };
}
