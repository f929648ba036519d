/**
 * `npm run bench`: builds the bundle (npm script), runs every workload, prints the table and writes
 * bench/results.md and bench/results.json. `--quick` runs the smallest size of each workload;
 * `--only NAME` the workloads whose name starts with NAME (e.g. `--only issuing`, `--only report-10000`).
 * Not a timed test: CI does not run it (test/e2e/bench-smoke.test.ts runs the smallest sizes).
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { DEFAULT_COSTS } from "../local/runtime";
import { type CpuFigure, domainCpu } from "./cpu";
import { type BenchResults, markdown, summaryTable, targetsTable } from "./results";
import { checkTargets } from "./targets";
import {
  cycleWorkload,
  issuingWorkload,
  naiveIssuingWorkload,
  noticesWorkload,
  reportWorkload,
  type WorkloadResult,
} from "./workloads";

export interface PlannedWorkload {
  name: string;
  /** Part of the --quick set. */
  quick: boolean;
  run: () => Promise<WorkloadResult>;
}

export const PLAN: PlannedWorkload[] = [
  ...[1_000, 10_000, 50_000].map((size, i) => ({
    name: `report-${size}`,
    quick: i === 0,
    run: () => reportWorkload(size),
  })),
  ...[500, 1_500, 5_000].map((size, i) => ({
    name: `notices-${size}`,
    quick: i === 0,
    run: () => noticesWorkload(size),
  })),
  ...[500, 5_000].flatMap((size, i) => [
    { name: `issuing-${size}`, quick: i === 0, run: () => issuingWorkload(size) },
    { name: `naive-issuing-${size}`, quick: i === 0, run: () => naiveIssuingWorkload(size) },
  ]),
  ...(["workspace", "consumer"] as const).map((edition) => ({
    name: `cycle-5000-${edition}`,
    quick: false,
    run: () => cycleWorkload(5_000, edition),
  })),
];

export interface BenchOptions {
  quick?: boolean;
  only?: string;
  /** Measure the CPU figure (default: when neither quick nor only). */
  cpu?: boolean;
  say?: (line: string) => void;
}

export function selected(options: BenchOptions): PlannedWorkload[] {
  return PLAN.filter((w) => (!options.quick || w.quick) && (!options.only || w.name.startsWith(options.only)));
}

/** Runs the selected workloads one after another (each starts and stops its own Credly sandbox). */
export async function runBench(options: BenchOptions = {}): Promise<BenchResults> {
  const say = options.say ?? (() => undefined);
  const workloads: WorkloadResult[] = [];
  for (const planned of selected(options)) {
    say(`${planned.name}…`);
    const result = await planned.run();
    say(
      `${planned.name}: ${result.measured.executions} executions, ${result.measured.busySeconds.toFixed(1)} virtual s, ${result.realSeconds.toFixed(1)} real s`,
    );
    workloads.push(result);
  }
  let cpu: CpuFigure | null = null;
  if (options.cpu ?? (!options.quick && !options.only)) {
    say("CPU of the domain code on 100,000 entries…");
    cpu = domainCpu(100_000, 5);
  }
  return {
    madeAt: new Date().toISOString(),
    quick: Boolean(options.quick),
    workloads,
    targets: checkTargets(workloads),
    cpu,
    costs: DEFAULT_COSTS,
  };
}

function parseArgs(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = {};
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--quick") options.quick = true;
    else if (argv[i] === "--only") options.only = argv[++i];
    else if (argv[i] === "--cpu") options.cpu = true;
    else throw new Error(`Unknown option ${argv[i]}. Use --quick, --only NAME, --cpu.`);
  }
  if (options.only !== undefined && selected(options).length === 0) {
    throw new Error(`No workload starts with "${options.only}". Workloads: ${PLAN.map((w) => w.name).join(", ")}.`);
  }
  return options;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const results = await runBench({ ...options, say: (line) => console.error(line) });
  const dir = __dirname;
  writeFileSync(path.join(dir, "results.md"), markdown(results));
  writeFileSync(path.join(dir, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
  console.log(summaryTable(results.workloads));
  console.log("");
  console.log(targetsTable(results.targets));
  console.log(`\nWritten: ${path.join("bench", "results.md")} and ${path.join("bench", "results.json")}`);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
