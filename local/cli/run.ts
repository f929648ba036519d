import { demoSeed } from "../demo";
import {
  fromWallClock,
  outboxOf,
  Runtime,
  type SpreadsheetModel,
  spreadsheetOf,
  urlFetchOf,
  useWorkbook,
} from "../runtime";
import { DIST, ensureBuilt } from "./build";
import { type CredlyConnection, connectCredly, SPECIALIST, saveSettings } from "./credly";
import { type CycleRun, runCycle } from "./cycle";
import { type DryRun, dryRun } from "./dry-run";
import { call, entryPoint } from "./entry-points";
import type { CliOptions } from "./options";
import { type OutputPaths, outputPaths, prepareOut, writeOutputs } from "./outputs";
import { countReport, type ReportCounts, reportLines } from "./report-sheet";
import { writeSummaryPage } from "./summary-page";
import type { Terminal } from "./terminal";
import { DEFAULT_TIME_ZONE, newestMonth, openWorkbook, typeDemo } from "./workbook";

export const DEMO_MONTH = "2026-11";

export interface RunResult {
  month: string;
  timeZone: string;
  paths: OutputPaths;
  counts: ReportCounts;
  credlyBadges: number | null;
  /** What this run did: messages that left, badges Credly accepted (201). */
  mailSent: number;
  badgesCreated: number;
  cycle?: CycleRun;
  dry?: DryRun;
  startedAt: Date;
  realMs: number;
}

/** 05:00 on the 1st of the month after `month`, in `timeZone`: an hour before the monthly trigger. */
export function runStart(month: string, timeZone: string): Date {
  const [year, mo] = month.split("-").map(Number);
  return fromWallClock({ year: mo === 12 ? year + 1 : year, month: (mo % 12) + 1, day: 1, hour: 5 }, timeZone);
}

/**
 * One `npm start`: the bundle built, a Credly to talk to, the workbook (the demo's or a file), the
 * settings saved as the settings page would, then the cycle — or its dry run — and the results
 * written to --out.
 */
export async function run(options: CliOptions, term: Terminal): Promise<RunResult> {
  const began = Date.now();
  // The workbook first: a wrong file is said at once, before a build.
  let loaded: SpreadsheetModel | undefined;
  if (options.workbook) loaded = await openWorkbook(options.workbook);
  ensureBuilt(term.say);
  const month = options.month ?? (loaded ? newestMonth(loaded) : undefined) ?? DEMO_MONTH;
  const timeZone = loaded?.timeZone ?? DEFAULT_TIME_ZONE;
  const startedAt = runStart(month, timeZone);
  const demo = loaded ? undefined : demoSeed(options.seed, { month, students: options.students });

  const runtime = new Runtime({
    distDir: DIST,
    start: startedAt,
    user: SPECIALIST,
    limits: options.quota === undefined ? {} : { mailRecipientsPerDay: options.quota },
  });
  if (loaded) useWorkbook(runtime, loaded);

  term.say(options.credly ? `Credly: ${options.credly.url}` : "Starting the Credly sandbox…");
  const credly: CredlyConnection = await connectCredly(
    options,
    () => demo?.sandbox ?? demoSeed(options.seed, { month, students: options.students }).sandbox,
  );
  try {
    saveSettings(runtime, credly, options);
    if (demo) {
      const setUp = entryPoint(runtime, "setUp");
      if (setUp) call(runtime, setUp);
      typeDemo(spreadsheetOf(runtime), demo);
      term.say(
        `Demo workbook: ${demo.entries.length} entries for ${demo.expected.students} students in ${month} (seed ${options.seed}).`,
      );
    } else term.say(`Workbook: ${options.workbook} (${month}, ${timeZone}).`);

    const paths = outputPaths(options.out);
    prepareOut(paths);
    let cycle: CycleRun | undefined;
    let dry: DryRun | undefined;
    if (options.dryRun) dry = dryRun(runtime, month, paths.dir);
    else cycle = runCycle(runtime, month, timeZone, term);

    const badges = credly.sandbox ? await credly.sandbox.admin.badges() : undefined;
    await writeOutputs(runtime, paths, { badges });
    writeSummaryPage(paths.summary, spreadsheetOf(runtime), month, runtime.now());
    return {
      month,
      timeZone,
      paths,
      counts: countReport(reportLines(spreadsheetOf(runtime), month)),
      credlyBadges: badges ? badges.length : null,
      mailSent: outboxOf(runtime).messages.length,
      badgesCreated: urlFetchOf(runtime).requests.filter((r) => r.method.toUpperCase() === "POST" && r.status === 201)
        .length,
      cycle,
      dry,
      startedAt,
      realMs: Date.now() - began,
    };
  } finally {
    // The sandbox's process is unref'd: without a timer of our own, node would see nothing left to
    // wait for and end mid-way, with the sandbox still running.
    const keepAlive = setInterval(() => undefined, 1000);
    await credly.sandbox?.stop();
    clearInterval(keepAlive);
  }
}
