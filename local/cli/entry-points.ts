import type { ExecutionRecord, Runtime } from "../runtime";
import { CliError } from "./options";

/**
 * The bundle's entry points the CLI calls, by the names src/main.ts gives them. A name listed with
 * alternatives is looked up in order, so the CLI follows a rename without guessing at run time.
 */
export const ENTRY_POINTS = {
  setUp: ["setUpWorkbook"],
  schedule: ["scheduleMonthlyRun", "installSchedule"],
  cycle: ["runMonthlyCycle"],
  report: ["buildMonthlyReport"],
  noticePlan: ["getNoticePlan"],
  preview: ["previewNotice"],
  dashboard: ["rebuildDashboard"],
} as const;

export type EntryPointRole = keyof typeof ENTRY_POINTS;

/** The bundle's name for `role`, or undefined when this build has none. */
export function entryPoint(runtime: Runtime, role: EntryPointRole): string | undefined {
  return ENTRY_POINTS[role].find((name) => runtime.hasEntryPoint(name));
}

/**
 * Runs an entry point as the specialist would from the menu (or google.script.run); a script error
 * ends the CLI run with the script's own message (exit code 1).
 */
export function call(runtime: Runtime, name: string, ...args: unknown[]): ExecutionRecord {
  const record = runtime.run(name, { event: args[0], args: args.slice(1) });
  if (!record.ok) throw new CliError(`${name} failed: ${record.error}`, 1);
  return record;
}
