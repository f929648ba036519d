/**
 * The unavoidable minimum of each workload, priced with the same cost table the runtime charges:
 * one mail call per student notified, one POST per badge, one read of each sheet a run needs and a
 * constant number of writes per batch. The benchmark sets what a run did beside this.
 */
import type { CostTable, Limits } from "../local/runtime";
import { DEFAULT_SETTINGS } from "../src/app/settings";

/** Students a notices batch marks at once (src/app/notices.ts). */
export const BATCH = 50;

export interface Limit {
  /** The floor in words, for results.md. */
  basis: string;
  mailCalls: number;
  httpRequests: number;
  sheetReads: number;
  sheetWrites: number;
  flushes: number;
  /** Virtual milliseconds of the calls above. */
  ms: number;
  executions: number;
  quotaDays: number;
}

/** A sheet region, rows × columns. */
export interface Block {
  rows: number;
  columns: number;
}

export class Pricing {
  constructor(
    readonly costs: CostTable,
    readonly limits: Limits,
  ) {}

  read(block: Block): number {
    return this.costs.readFixedMs + this.costs.readPerCellMs * block.rows * block.columns;
  }

  write(block: Block): number {
    const cells = block.rows * block.columns;
    return cells <= this.costs.largeWriteThresholdCells
      ? this.costs.writeFixedMs + this.costs.writePerCellMs * cells
      : this.costs.largeWritePerCellMs * cells;
  }

  /** `requests` POSTs in fetchAll waves (the fixed server time per request, as the runtime charges). */
  fetchAll(requests: number): number {
    const waves = Math.ceil(requests / this.costs.fetchAllWave);
    return waves * (this.costs.fetchAllWaveMs + this.costs.serverTimeMs);
  }

  /** One request at a time, as the naive path sends them. */
  fetchEach(requests: number): number {
    return requests * (this.costs.fetchOverheadMs + this.costs.serverTimeMs);
  }

  /** Executions needed for `ms` of work: no execution may pass the 6-minute limit. */
  executionsFor(ms: number): number {
    return Math.max(1, Math.ceil(ms / this.limits.executionMs));
  }
}

export interface ReportShape {
  /** Rows of Entries (every month) and its columns. */
  entries: Block;
  /** Rows of the month's report. */
  reportRows: number;
  reportColumns: number;
  credentials: Block;
}

/**
 * Building the report: read Entries, Credentials and the Ledger once; write the tab in one write
 * and the month's "Reported In" cells in one (a month's entries are adjacent); the Log line.
 */
export function reportLimit(p: Pricing, shape: ReportShape): Limit {
  const ms =
    p.costs.spreadsheetOpenMs +
    p.read(shape.entries) +
    p.read(shape.credentials) +
    p.read({ rows: 1, columns: 7 }) +
    p.write({ rows: shape.reportRows + 1, columns: shape.reportColumns }) +
    p.write({ rows: shape.reportRows, columns: 1 }) +
    p.write({ rows: 1, columns: 6 });
  return {
    basis: "3 reads (Entries, Credentials, Ledger), 3 writes (tab, Reported In, Log)",
    mailCalls: 0,
    httpRequests: 0,
    sheetReads: 3,
    sheetWrites: 3,
    flushes: 0,
    ms,
    executions: p.executionsFor(ms),
    quotaDays: 0,
  };
}

export interface NoticeShape {
  students: number;
  /** Report rows marked Sent (a student with three credentials has three). */
  rows: number;
  report: Block;
  entries: Block;
  /** Daily mail recipients (the edition's quota). */
  dailyQuota: number;
}

/**
 * Per quota day: the reads a run needs (report, Entries, Credentials, notice templates) and the Log
 * line; per batch of 50 students: mark Sending, flush, the messages, mark Sent.
 */
function noticeDay(p: Pricing, shape: NoticeShape, students: number): { ms: number; writes: number; flushes: number } {
  const batches = Math.ceil(students / BATCH);
  const rowsPerStudent = shape.rows / Math.max(1, shape.students);
  let ms =
    p.costs.spreadsheetOpenMs + p.read(shape.report) + p.read(shape.entries) + 2 * p.read({ rows: 50, columns: 5 });
  ms += p.write({ rows: 1, columns: 6 });
  for (let b = 0; b < batches; b++) {
    const rows = Math.ceil(Math.min(BATCH, students - b * BATCH) * rowsPerStudent);
    ms += 2 * p.write({ rows, columns: 2 }) + p.costs.flushMs;
  }
  ms += students * p.costs.mailMs;
  return { ms, writes: 2 * batches + 1, flushes: batches };
}

export function noticeLimit(p: Pricing, shape: NoticeShape): Limit {
  const days = Math.max(1, Math.ceil(shape.students / shape.dailyQuota));
  let ms = 0;
  let executions = 0;
  let writes = 0;
  let flushes = 0;
  for (let d = 0; d < days; d++) {
    const day = noticeDay(p, shape, Math.min(shape.dailyQuota, shape.students - d * shape.dailyQuota));
    ms += day.ms;
    writes += day.writes;
    flushes += day.flushes;
    executions += p.executionsFor(day.ms);
  }
  return {
    basis: "1 mail per student; per day 4 reads + Log; per 50 students 2 writes + 1 flush",
    mailCalls: shape.students,
    httpRequests: 0,
    sheetReads: 4 * days,
    sheetWrites: writes,
    flushes,
    ms,
    executions,
    quotaDays: days,
  };
}

export interface IssueShape {
  badges: number;
  report: Block;
  entries: Block;
  credentials: Block;
}

/** Badges per fetchAll batch: the limit is priced for the batch BadgeDesk really runs with. */
const ISSUE_BATCH = DEFAULT_SETTINGS.batchSize;

/**
 * Reads: report, Entries, Credentials, Ledger. Per batch: mark Issuing, flush, the POSTs
 * (fetchAll waves), the Ledger append and the results write; the Log line.
 */
export function issueLimit(p: Pricing, shape: IssueShape): Limit {
  const batches = Math.ceil(shape.badges / ISSUE_BATCH);
  let ms =
    p.costs.spreadsheetOpenMs +
    p.read(shape.report) +
    p.read(shape.entries) +
    p.read(shape.credentials) +
    p.read({ rows: 1, columns: 7 }) +
    p.write({ rows: 1, columns: 6 });
  for (let b = 0; b < batches; b++) {
    const rows = Math.min(ISSUE_BATCH, shape.badges - b * ISSUE_BATCH);
    ms +=
      p.write({ rows, columns: 1 }) + p.costs.flushMs + p.write({ rows, columns: 7 }) + p.write({ rows, columns: 5 });
  }
  ms += p.fetchAll(shape.badges);
  return {
    basis: `1 POST per badge in fetchAll waves; 4 reads; per ${ISSUE_BATCH} badges 3 writes + 1 flush; Log`,
    mailCalls: 0,
    httpRequests: shape.badges,
    sheetReads: 4,
    sheetWrites: 3 * batches + 1,
    flushes: batches,
    ms,
    executions: p.executionsFor(ms),
    quotaDays: Math.max(1, Math.ceil(shape.badges / p.limits.urlFetchPerDay)),
  };
}

/**
 * The month's cycle: the report on the 1st, the notices over as many quota days as the mail quota
 * needs, then the badges on one more day (the notice delay keeps them apart from the last notices).
 * Executions are counted per day: work of different days cannot share an execution.
 */
export function cycleLimit(p: Pricing, report: ReportShape, notices: NoticeShape, issue: IssueShape): Limit {
  const r = reportLimit(p, report);
  const days = Math.max(1, Math.ceil(notices.students / notices.dailyQuota));
  let executions = 0;
  let ms = r.ms;
  let writes = r.sheetWrites;
  let flushes = 0;
  for (let d = 0; d < days; d++) {
    const day = noticeDay(p, notices, Math.min(notices.dailyQuota, notices.students - d * notices.dailyQuota));
    const dayMs = day.ms + (d === 0 ? r.ms : 0);
    ms += day.ms;
    writes += day.writes;
    flushes += day.flushes;
    executions += p.executionsFor(dayMs);
  }
  const i = issueLimit(p, issue);
  return {
    basis: "report + notices (by quota day) + issuing (one more day) + the specialist's summary e-mail",
    mailCalls: notices.students + 1,
    httpRequests: issue.badges,
    sheetReads: r.sheetReads + 4 * days + i.sheetReads,
    sheetWrites: writes + i.sheetWrites,
    flushes: flushes + i.flushes,
    ms: ms + i.ms + p.costs.mailMs,
    executions: executions + i.executions,
    quotaDays: days + i.quotaDays,
  };
}
