/**
 * A workload's world: the built bundle in a fresh runtime, the workbook set up by its own entry
 * point, the demo month typed in through the host in whole blocks (fast, and free on the virtual
 * clock), and — when the workload talks to Credly — a sandbox of its own.
 */
import path from "node:path";
import { type Sandbox, startSandbox } from "../local/credly-sandbox/launcher";
import { CATALOG, credlyTemplates, type DemoMonth, demoOrganization, generateMonth } from "../local/demo";
import { propertiesOf, Runtime, spreadsheetOf, urlFetchOf } from "../local/runtime";

export const DIST = path.resolve(__dirname, "../dist");
export const SPECIALIST = "specialist@agency.example";
export const MONTH = "2026-11";
/** 08:00 in Chicago on December 1st: the morning after the month, when its work starts. */
export const FIRST_OF_DECEMBER = new Date("2026-12-01T14:00:00Z");

export interface WorldOptions {
  seed?: number;
  /** Students in the month, or entries in the month. */
  students?: number;
  entries?: number;
  historicalMonths?: number;
  edition?: "consumer" | "workspace";
  start?: Date;
  /** Start a sandbox; `preexisting` seeds it with the badges some students already hold. */
  credly?: { preexisting: boolean };
  /** Another bundle (the naive reference script) instead of dist/. */
  distDir?: string;
}

export interface BenchWorld {
  runtime: Runtime;
  sandbox?: Sandbox;
  demo: DemoMonth;
  /** Runs an entry point as the specialist; throws with the script's error. */
  run(functionName: string, ...args: unknown[]): unknown;
  close(): Promise<void>;
}

/** Entries of each generated month, oldest first, with the report tab that month went into. */
function reportedIn(demo: DemoMonth): string[] {
  const labels: string[] = [];
  for (const m of demo.expected.history) for (let i = 0; i < m.entries; i++) labels.push(`Badges ${m.month}`);
  while (labels.length < demo.entries.length) labels.push("");
  return labels;
}

/**
 * Types the catalog and the entries under the headers Set up workbook made. Earlier months' entries
 * carry the tab they were reported in, as months of real use leave them.
 */
export function typeDemo(runtime: Runtime, demo: DemoMonth): void {
  const book = spreadsheetOf(runtime);
  const write = (sheet: string, objects: ReadonlyArray<Record<string, unknown>>) => {
    const headers = book.values(sheet)[0].map(String);
    const rows = objects.map((o) => headers.map((h) => (o[h] ?? "") as string | number | boolean | Date));
    if (rows.length > 0) book.setValues(sheet, 2, 1, rows);
  };
  write("Credentials", demo.credentials as unknown as Record<string, unknown>[]);
  // Sheets counts every cell of the grid against its 10 million (apps-script.md): a workbook with
  // 550,000 entries only fits when Entries has no spare columns, as its owner would have trimmed it.
  const entries = book.requireSheet("Entries");
  entries.maxColumns = Math.max(entries.lastColumn(), book.values("Entries")[0].length);
  const labels = reportedIn(demo);
  write(
    "Entries",
    demo.entries.map((e, i) => ({ ...e, "Reported In": labels[i] })),
  );
}

export async function benchWorld(options: WorldOptions): Promise<BenchWorld> {
  const demo = generateMonth({
    seed: options.seed ?? 1,
    month: MONTH,
    ...(options.entries !== undefined ? { entries: options.entries } : { students: options.students ?? 400 }),
    historicalMonths: options.historicalMonths ?? 0,
  });
  const runtime = new Runtime({
    distDir: options.distDir ?? DIST,
    start: options.start ?? FIRST_OF_DECEMBER,
    user: SPECIALIST,
    edition: options.edition ?? "workspace",
  });
  let sandbox: Sandbox | undefined;
  const settings: Record<string, unknown> = { specialistEmail: SPECIALIST };
  if (options.credly) {
    const organization = demoOrganization();
    sandbox = await startSandbox({
      seed: {
        organizations: [organization],
        templates: credlyTemplates(organization.id, CATALOG),
        badges: options.credly.preexisting ? demo.credlyBadges : [],
      },
    });
    urlFetchOf(runtime).allowUrlPrefix(sandbox.url);
    Object.assign(settings, {
      credlyEnvironment: "custom",
      credlyCustomUrl: sandbox.url,
      credlyOrganizationId: organization.id,
    });
    const token = organization.tokens?.find((t) => t.write)?.token ?? "demo-write-token";
    propertiesOf(runtime).user(SPECIALIST).set("badgedesk.credlyToken", token);
  }
  propertiesOf(runtime).script.set("badgedesk.settings", JSON.stringify(settings));

  const run = (functionName: string, ...args: unknown[]) => {
    const record = runtime.run(functionName, { event: args[0], args: args.slice(1) });
    if (!record.ok) throw new Error(`${functionName} failed: ${record.error}`);
    return record.value;
  };
  if (!options.distDir) {
    run("setUpWorkbook");
    typeDemo(runtime, demo);
  }
  return {
    runtime,
    sandbox,
    demo,
    run,
    async close() {
      // The sandbox's process is unref'd: a timer of our own keeps node alive while it stops.
      const keepAlive = setInterval(() => undefined, 1000);
      await sandbox?.stop();
      clearInterval(keepAlive);
    },
  };
}
