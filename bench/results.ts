/**
 * The benchmark's output: bench/results.md, a table a person reads (with the targets and what
 * dominates where one misses), and bench/results.json with every figure.
 */
import type { CostTable } from "../local/runtime";
import { SLICE_MS } from "../src/app/budget";
import type { CpuFigure } from "./cpu";
import { topCalls } from "./measure";
import { callRatio, countedCalls, limitCalls, type TargetCheck, timeRatio } from "./targets";
import type { WorkloadResult } from "./workloads";

export interface BenchResults {
  /** Real time the results were made (the figures themselves are virtual and repeatable). */
  madeAt: string;
  quick: boolean;
  workloads: WorkloadResult[];
  targets: TargetCheck[];
  cpu: CpuFigure | null;
  costs: CostTable;
}

const n = (value: number) => Math.round(value).toLocaleString("en-US");
const s = (seconds: number) => (seconds >= 100 ? n(seconds) : seconds.toFixed(1));
const ratio = (value: number) => value.toFixed(2);

function span(seconds: number): string {
  if (seconds < 3600) return `${s(seconds)} s`;
  if (seconds < 2 * 86400) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86400).toFixed(1)} d`;
}

/** The main table: one line per workload. */
export function summaryTable(workloads: readonly WorkloadResult[]): string {
  const head = [
    "Workload",
    "Size",
    "Execs (min)",
    "Sheet calls: all / reads / writes / flushes",
    "HTTP req (fetch calls)",
    "Mail",
    "Quota-days (min)",
    "Busy s (min)",
    "Span",
    "Counted calls / limit",
    "Calls ratio",
    "Time ratio",
  ];
  const lines = workloads.map((r) => {
    const m = r.measured;
    const l = r.limit;
    return [
      r.name,
      r.size,
      `${m.executions}${m.failedExecutions ? ` (${m.failedExecutions} failed)` : ""} (${l.executions})`,
      `${n(m.spreadsheetCalls)} / ${m.sheetReads} / ${m.sheetWrites} / ${m.flushes}`,
      `${n(m.httpRequests)} (${n(m.fetchCalls)})`,
      n(m.mailCalls),
      `${m.quotaDays} (${l.quotaDays})`,
      `${s(m.busySeconds)} (${s(l.ms / 1000)})`,
      span(m.spanSeconds),
      `${n(countedCalls(m))} / ${n(limitCalls(l))}`,
      ratio(callRatio(r)),
      ratio(timeRatio(r)),
    ];
  });
  return [head, head.map(() => "---"), ...lines].map((cells) => `| ${cells.join(" | ")} |`).join("\n");
}

export function targetsTable(targets: readonly TargetCheck[]): string {
  const head = ["Target", "Workload", "Holds", "Measured", "What dominates"];
  const lines = targets.map((t) => [t.target, t.workload, t.holds ? "yes" : "**no**", t.measured, t.why || "—"]);
  return [head, head.map(() => "---"), ...lines]
    .map((cells) => `| ${cells.map((c) => c.replace(/\|/g, "\\|")).join(" | ")} |`)
    .join("\n");
}

function details(r: WorkloadResult): string {
  const services = Object.entries(r.measured.byService)
    .sort((a, b) => b[1] - a[1])
    .map(([service, count]) => `${service} ${n(count)}`)
    .join(", ");
  const outcome = Object.entries(r.outcome)
    .map(([k, v]) => `${k} ${n(v)}`)
    .join(", ");
  return [
    `### ${r.name} — ${r.size} (${r.edition})`,
    "",
    `- Outcome: ${outcome}.`,
    `- Calls by service: ${services}.`,
    `- Most called members: ${topCalls(r.measured.calls, 10).join(", ")}.`,
    `- Limit: ${r.limit.basis} — ${n(limitCalls(r.limit))} counted calls, ${s(r.limit.ms / 1000)} s, ${r.limit.executions} execution(s), ${r.limit.quotaDays} quota-day(s).`,
    `- Longest execution ${s(r.measured.longestSeconds)} s of 360 s; real time on this machine ${s(r.realSeconds)} s (setup included).`,
    ...r.notes.map((note) => `- Note: ${note}`),
  ].join("\n");
}

export function markdown(results: BenchResults): string {
  const c = results.costs;
  const cpu = results.cpu;
  const holding = results.targets.filter((t) => t.holds).length;
  return [
    "# BadgeDesk benchmark",
    "",
    "Written by `npm run bench` (bench/run.ts). Apps Script work is bounded by service calls, HTTP latency,",
    "the 6-minute execution and the daily quotas, not by CPU: every figure below is counted by the local",
    "runtime and priced on its virtual clock with the cost table (local/runtime/costs.ts), so it does not",
    "depend on this machine and repeats exactly. Each workload runs the built bundle through its own entry",
    "points (menu item, then the continuation triggers it leaves) on seeded demo data (local/demo).",
    "",
    `Made ${results.madeAt}${results.quick ? " with --quick (smallest sizes only)" : ""}.`,
    "",
    "## Workloads",
    "",
    "Execs: executions (slices) and, in brackets, the fewest the cost table allows. Sheet calls: every",
    "Spreadsheet-service call / the reads, writes and flushes among them (the round trips that move cells).",
    "Quota-days: Pacific days in which an execution sent mail or fetched. Busy s: virtual seconds inside",
    "executions (what the 6-minute limit counts), beside the limit's. Span: from the first execution's",
    "start to the last one's end, waits included. Counted calls: mail + HTTP requests + sheet reads, writes",
    "and flushes; the limit counts the same for the unavoidable work. Ratios are actual / limit.",
    "",
    summaryTable(results.workloads),
    "",
    "## Targets",
    "",
    `${holding} of ${results.targets.length} hold.`,
    "",
    targetsTable(results.targets),
    "",
    "How the targets are read: the report's 12 spreadsheet calls are the calls that move cells (reads,",
    "writes, flushes, structure changes); locators, formats and conditional-format builders are listed",
    "beside them but cost ~1 ms each in the cost table. A row update is one row changing state once",
    "(a notice row: Sending, then Sent; a badge row: Issuing, then Issued, plus its Ledger row), and each",
    "execution may add its one Log line. The cycle's minimum packs each quota day's work into 6-minute",
    `executions; BadgeDesk's own slices stop at ${SLICE_MS / 60000} minutes and keep a reserve, by design.`,
    "",
    "## CPU of the domain code",
    "",
    cpu
      ? `Reading, placing, deciding, building the report and grouping the notices of ${n(cpu.entries)} entries in Node: median ${n(cpu.medianMs)} ms of ${cpu.runs} runs (min ${n(cpu.minMs)}, max ${n(cpu.maxMs)}); of the median run, ${n(cpu.formatDateMs)} ms are ${n(cpu.formatDateCalls)} formatDate calls (the runtime's Utilities.formatDate, a service call on Apps Script). A sanity figure, not a target.`
      : "Not measured in this run (--quick or --only).",
    "",
    "## Details",
    "",
    ...results.workloads.map(details).flatMap((d) => [d, ""]),
    "## Cost table used",
    "",
    `Spreadsheet open ${c.spreadsheetOpenMs} ms; read ${c.readFixedMs} ms + ${c.readPerCellMs} ms/cell; write ${c.writeFixedMs} ms + ${c.writePerCellMs} ms/cell (above ${n(c.largeWriteThresholdCells)} cells ${c.largeWritePerCellMs} ms/cell); flush ${c.flushMs} ms; fetch ${c.fetchOverheadMs} ms + server ${c.serverTimeMs} ms; fetchAll ${c.fetchAllWaveMs} ms + slowest server time per wave of ${c.fetchAllWave}; mail ${c.mailMs} ms; properties get ${c.propertiesGetMs} / set ${c.propertiesSetMs} ms; trigger ${c.triggerMs} ms; lock ${c.lockMs} ms.`,
    "",
  ].join("\n");
}
