/**
 * The benchmark's workloads, each through the built bundle's own entry points (menu items and the
 * triggers they leave), on demo data of a given size. Setting a workload up (Set up workbook, the
 * data typed in, the report a later step needs) is not measured; only the step named is.
 */

import path from "node:path";
import { performance } from "node:perf_hooks";
import { readCycleState } from "../local/cli/cycle";
import { type ExecutionRecord, propertiesOf, Runtime, spreadsheetOf, urlFetchOf, useWorkbook } from "../local/runtime";
import { REPORT_HEADERS } from "../src/domain/report";
import { drive } from "./drive";
import {
  type Block,
  cycleLimit,
  type IssueShape,
  issueLimit,
  type Limit,
  type NoticeShape,
  noticeLimit,
  Pricing,
  type ReportShape,
  reportLimit,
} from "./limits";
import { type Measurement, mark, measure } from "./measure";
import { type BenchWorld, benchWorld, MONTH, SPECIALIST } from "./world";

export const REPORT_TAB = `Badges ${MONTH}`;
const NAIVE_DIST = path.resolve(__dirname, "naive");
const DAY_MS = 24 * 60 * 60 * 1000;

export interface WorkloadResult {
  /** "report-10000", "notices-500", … (what --only matches). */
  name: string;
  group: "report" | "notices" | "issuing" | "naive-issuing" | "cycle";
  /** The size in words. */
  size: string;
  edition: "workspace" | "consumer";
  measured: Measurement;
  limit: Limit;
  /** What the workload acted on, read back from the sheet: students notified, badges issued… */
  outcome: Record<string, number>;
  /** What a reader must know about the run (a workaround the bench applied, a failure). */
  notes: string[];
  /** Real seconds on this machine, setup included (not a benchmark figure). */
  realSeconds: number;
}

const OUTSIDE_THE_GRID = "outside the dimensions of the sheet";

/**
 * Builds the month's report from its menu item. A new tab has Google's 1,000 rows and the report's
 * one write does not grow it, so a bigger month fails ("…outside the dimensions of the sheet"):
 * when it does, the bench says so in `notes`, gives the tab the rows it needs through the host
 * and builds again, so the figures after it can still be measured. Returns the failed attempt.
 */
function buildReport(w: BenchWorld, notes: string[]): ExecutionRecord | null {
  const first = w.runtime.run("buildMonthlyReport");
  if (first.ok) return null;
  if (!first.error?.includes(OUTSIDE_THE_GRID)) throw new Error(`buildMonthlyReport failed: ${first.error}`);
  const book = spreadsheetOf(w.runtime);
  const tab = book.sheet(REPORT_TAB) ?? book.insertSheet(REPORT_TAB);
  book.grow(tab, w.demo.expected.entries + 200, REPORT_HEADERS.length);
  notes.push(
    `Build monthly report failed as is: "${first.error}" (the new tab's 1,000 rows are not grown before the write). ` +
      `The bench grew the tab to ${tab.maxRows} rows and built it again.`,
  );
  w.run("buildMonthlyReport");
  return first;
}

const ENTRY_COLUMNS = 14;

function reportBlock(runtime: Runtime): { block: Block; rows: string[][]; header: string[] } {
  const values = spreadsheetOf(runtime).values(REPORT_TAB);
  const top = values.findIndex((r) => r[0] === "Entry ID");
  const header = values[top].map(String);
  const rows = values.slice(top + 1).filter((r) => r[0] !== "") as unknown as string[][];
  return { block: { rows: values.length, columns: REPORT_HEADERS.length }, rows, header };
}

function entriesBlock(runtime: Runtime): Block {
  return { rows: spreadsheetOf(runtime).values("Entries").length, columns: ENTRY_COLUMNS };
}

function credentialsBlock(runtime: Runtime): Block {
  return { rows: spreadsheetOf(runtime).values("Credentials").length, columns: 5 };
}

/** Rows of the report by a column's value. */
function countWhere(runtime: Runtime, column: string, value: string): { rows: number; students: number } {
  const { rows, header } = reportBlock(runtime);
  const at = header.indexOf(column);
  const email = header.indexOf("Student Email");
  const matching = rows.filter((r) => String(r[at]) === value);
  return { rows: matching.length, students: new Set(matching.map((r) => String(r[email]).toLowerCase())).size };
}

const pricing = (runtime: Runtime) => new Pricing(runtime.costs, runtime.limits);

async function timed(work: () => Promise<Omit<WorkloadResult, "realSeconds">>): Promise<WorkloadResult> {
  const began = performance.now();
  const result = await work();
  return { ...result, realSeconds: (performance.now() - began) / 1000 };
}

async function withWorld<T>(world: Promise<BenchWorld>, work: (w: BenchWorld) => T): Promise<T> {
  const w = await world;
  try {
    return work(w);
  } finally {
    await w.close();
  }
}

/** "Build monthly report…" from the menu for `entries` in the month among ten earlier months of the same size. */
export function reportWorkload(entries: number): Promise<WorkloadResult> {
  return timed(() =>
    withWorld(benchWorld({ entries, historicalMonths: 10 }), (w) => {
      const notes: string[] = [];
      let from = mark(w.runtime);
      // The prompt's default answer (OK, blank) takes the month it suggests: the prior one.
      const failed = buildReport(w, notes);
      if (failed) from = { ...from, executions: from.executions + 1, at: failed.endedAt };
      const measured = measure(w.runtime, from);
      const report = reportBlock(w.runtime);
      const shape: ReportShape = {
        entries: entriesBlock(w.runtime),
        reportRows: report.rows.length,
        reportColumns: REPORT_HEADERS.length,
        credentials: credentialsBlock(w.runtime),
      };
      return {
        name: `report-${entries}`,
        group: "report" as const,
        size: `${entries.toLocaleString("en-US")} entries among ${w.demo.entries.length.toLocaleString("en-US")}`,
        edition: "workspace" as const,
        measured,
        limit: reportLimit(pricing(w.runtime), shape),
        outcome: { reportRows: report.rows.length, entries: w.demo.entries.length },
        notes,
      };
    }),
  );
}

/** "Send notices…" for a month of `students`, with the slices and quota days it takes. */
export function noticesWorkload(students: number): Promise<WorkloadResult> {
  return timed(() =>
    withWorld(benchWorld({ students }), (w) => {
      const notes: string[] = [];
      buildReport(w, notes);
      const from = mark(w.runtime);
      w.run("sendNotices", MONTH);
      drive(w.runtime, ["continueSendingNotices"], { horizonDays: 30 });
      const measured = measure(w.runtime, from);
      const sent = countWhere(w.runtime, "Notice Status", "Sent");
      const shape: NoticeShape = {
        students: sent.students,
        rows: sent.rows,
        report: reportBlock(w.runtime).block,
        entries: entriesBlock(w.runtime),
        dailyQuota: w.runtime.limits.mailRecipientsPerDay,
      };
      return {
        name: `notices-${students}`,
        group: "notices" as const,
        size: `${students.toLocaleString("en-US")} students (${sent.students.toLocaleString("en-US")} to notify)`,
        edition: "workspace" as const,
        measured,
        limit: noticeLimit(pricing(w.runtime), shape),
        outcome: { studentsNotified: sent.students, rowsSent: sent.rows, rowUpdates: 2 * sent.rows },
        notes,
      };
    }),
  );
}

/**
 * A month whose report holds at least `badges` Badge rows, the first `badges` of them with their
 * notice Sent three days ago (as the notices run leaves them): ready to issue.
 */
async function issuingWorld(badges: number, notes: string[]): Promise<BenchWorld> {
  const w = await benchWorld({ entries: Math.ceil(badges * 2.5), credly: { preexisting: false } });
  buildReport(w, notes);
  const book = spreadsheetOf(w.runtime);
  const values = book.values(REPORT_TAB);
  const top = values.findIndex((r) => r[0] === "Entry ID");
  const header = values[top].map(String);
  const decision = header.indexOf("Decision");
  const status = header.indexOf("Notice Status");
  const sentAt = header.indexOf("Notice Sent At");
  const noticeTime = new Date(w.runtime.clock.now() - 3 * DAY_MS);
  let marked = 0;
  const columns = values.slice(top + 1).map((row) => {
    if (row[decision] === "Badge" && marked < badges) {
      marked++;
      return ["Sent", noticeTime];
    }
    return [row[status], row[sentAt]];
  });
  if (marked < badges) throw new Error(`The demo month has ${marked} Badge rows, fewer than ${badges}.`);
  book.setValues(REPORT_TAB, top + 2, status + 1, columns as never);
  return w;
}

function issueShape(runtime: Runtime, badges: number): IssueShape {
  return {
    badges,
    report: reportBlock(runtime).block,
    entries: entriesBlock(runtime),
    credentials: credentialsBlock(runtime),
  };
}

/** "Issue badges…" for `badges` ready rows: batches of 50 in one fetchAll each, continuations as needed. */
export function issuingWorkload(badges: number): Promise<WorkloadResult> {
  const notes: string[] = [];
  return timed(() =>
    withWorld(issuingWorld(badges, notes), (w) => {
      const from = mark(w.runtime);
      w.run("issueBadgesForMonth", MONTH);
      drive(w.runtime, ["continueIssuingBadges"], { horizonDays: 10 });
      const measured = measure(w.runtime, from);
      const issued = countWhere(w.runtime, "Badge Status", "Issued").rows;
      return {
        name: `issuing-${badges}`,
        group: "issuing" as const,
        size: `${badges.toLocaleString("en-US")} badges`,
        edition: "workspace" as const,
        measured,
        limit: issueLimit(pricing(w.runtime), issueShape(w.runtime, badges)),
        outcome: { badgesIssued: issued, rowUpdates: 3 * issued },
        notes,
      };
    }),
  );
}

/**
 * The naive reference on the same rows and a Credly of its own: bench/naive/Code.js, one
 * UrlFetchApp.fetch per badge, run again a minute after each 4.5-minute slice until done.
 */
export function naiveIssuingWorkload(badges: number): Promise<WorkloadResult> {
  const notes: string[] = [];
  return timed(() =>
    withWorld(issuingWorld(badges, notes), (w) => {
      const naive = new Runtime({ distDir: NAIVE_DIST, start: w.runtime.now(), user: SPECIALIST });
      useWorkbook(naive, spreadsheetOf(w.runtime));
      urlFetchOf(naive).allowUrlPrefix(w.sandbox!.url);
      propertiesOf(naive).script.set("badgedesk.settings", propertiesOf(w.runtime).script.get("badgedesk.settings")!);
      const token = propertiesOf(w.runtime).user(SPECIALIST).get("badgedesk.credlyToken")!;
      propertiesOf(naive).user(SPECIALIST).set("badgedesk.credlyToken", token);
      const from = mark(naive);
      for (let slice = 0; slice < 1000; slice++) {
        const record: ExecutionRecord = naive.run("issueNaive", { event: MONTH });
        if (!record.ok) throw new Error(`issueNaive failed: ${record.error}`);
        if ((record.value as { remaining: number }).remaining === 0) break;
        naive.clock.advance(60_000);
      }
      const measured = measure(naive, from);
      const issued = countWhere(w.runtime, "Badge Status", "Issued").rows;
      const limit = issueLimit(pricing(naive), issueShape(w.runtime, badges));
      return {
        name: `naive-issuing-${badges}`,
        group: "naive-issuing" as const,
        size: `${badges.toLocaleString("en-US")} badges, one fetch each`,
        edition: "workspace" as const,
        measured,
        limit,
        outcome: { badgesIssued: issued, rowUpdates: issued },
        notes,
      };
    }),
  );
}

const CYCLE_HANDLERS = ["runMonthlyCycle", "continueMonthlyCycle"];
/** 05:00 in Chicago on December 1st: an hour before the monthly run the schedule installs. */
const BEFORE_THE_RUN = new Date("2026-12-01T11:00:00Z");

/**
 * The whole month as the monthly trigger runs it: the schedule installed from its entry point,
 * then the clock moved from trigger to trigger (slices, quota days, the notice delay) until the
 * cycle's state says the month is done.
 */
export function cycleWorkload(students: number, edition: "workspace" | "consumer"): Promise<WorkloadResult> {
  return timed(() =>
    withWorld(benchWorld({ students, edition, start: BEFORE_THE_RUN, credly: { preexisting: true } }), (w) => {
      const notes: string[] = [];
      w.run("scheduleMonthlyRun", 1, 6);
      const from = mark(w.runtime);
      const done = () => {
        const state = readCycleState(w.runtime);
        return state !== null && state.month >= MONTH && (state.phase === "done" || Boolean(state.stopped));
      };
      drive(w.runtime, CYCLE_HANDLERS, { horizonDays: 90, done });
      const measured = measure(w.runtime, from, (e) => CYCLE_HANDLERS.includes(e.functionName));
      const state = readCycleState(w.runtime);
      const sent = countWhere(w.runtime, "Notice Status", "Sent");
      const issued = countWhere(w.runtime, "Badge Status", "Issued").rows;
      const p = pricing(w.runtime);
      const report = reportBlock(w.runtime);
      const limit = cycleLimit(
        p,
        {
          entries: entriesBlock(w.runtime),
          reportRows: report.rows.length,
          reportColumns: REPORT_HEADERS.length,
          credentials: credentialsBlock(w.runtime),
        },
        {
          students: sent.students,
          rows: sent.rows,
          report: report.block,
          entries: entriesBlock(w.runtime),
          dailyQuota: w.runtime.limits.mailRecipientsPerDay,
        },
        issueShape(w.runtime, issued),
      );
      return {
        name: `cycle-${students}-${edition}`,
        group: "cycle" as const,
        size: `${students.toLocaleString("en-US")} students, ${edition} quotas`,
        edition,
        measured,
        limit,
        notes,
        outcome: {
          studentsNotified: sent.students,
          rowsSent: sent.rows,
          badgesIssued: issued,
          done: state?.phase === "done" ? 1 : 0,
          rowUpdates: 2 * sent.rows + 3 * issued,
        },
      };
    }),
  );
}
