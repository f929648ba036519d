/**
 * A sanity figure, not a target: the real CPU time of the domain code on 100,000 entries (read
 * each row, place it in its month, decide, build the report and its summary, group the notices),
 * in Node itself, the median of several runs. It shows the pure code is not what bounds a run:
 * the service calls around it are.
 */
import { performance } from "node:perf_hooks";
import { generateMonth } from "../local/demo";
import { formatWithPattern } from "../local/runtime/services/simple-date-format";
import { resolveZone } from "../local/runtime/services/zoned-time";
import type { DateFormatter } from "../src/app/ports";
import { type Credential, catalogOf } from "../src/domain/catalog";
import { decideMonth } from "../src/domain/decide";
import { readEntry } from "../src/domain/entry";
import { monthOf } from "../src/domain/month";
import { groupNotices } from "../src/domain/notices";
import { buildReport } from "../src/domain/report";
import { reportSummary } from "../src/domain/summary";

export interface CpuFigure {
  entries: number;
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  /** Of the median run, the time inside formatDate (Utilities.formatDate, as the runtime emulates it). */
  formatDateMs: number;
  formatDateCalls: number;
}

/** Utilities.formatDate as the local runtime does it, timed: on Apps Script it is a service call. */
function timedFormatter(): { formatDate: DateFormatter; spent: { ms: number; calls: number } } {
  const spent = { ms: 0, calls: 0 };
  const formatDate: DateFormatter = (date, timeZone, pattern) => {
    const began = performance.now();
    const text = formatWithPattern(date.getTime(), resolveZone(timeZone), pattern);
    spent.ms += performance.now() - began;
    spent.calls++;
    return text;
  };
  return { formatDate, spent };
}

export function domainCpu(entries = 100_000, runs = 5): CpuFigure {
  const demo = generateMonth({ seed: 7, month: "2026-11", entries });
  const zone = demo.timeZone;
  const catalog = catalogOf(
    demo.credentials.map(
      (c): Credential => ({
        name: c.Credential,
        vendor: c.Vendor,
        issuer: c["Badge Issuer"],
        templateId: c["Credly Template ID"],
        active: c.Active === "Yes",
      }),
    ),
  );
  const once = () => {
    const { formatDate, spent } = timedFormatter();
    const read = demo.entries.map((row) =>
      readEntry(
        {
          entryId: row["Entry ID"],
          enteredAt: row["Entered At"],
          firstName: row["Student First Name"],
          lastName: row["Student Last Name"],
          email: row["Student Email"],
          credential: row.Credential,
          dateEarned: row["Date Earned"],
          program: row.Program,
          site: row.Site,
          instructorName: row["Instructor Name"],
          instructorEmail: row["Instructor Email"],
          source: row.Source,
          language: row.Language,
        },
        zone,
        formatDate,
      ),
    );
    const inMonth = read.filter((e) => e.enteredAt && monthOf(e.enteredAt, zone, formatDate) === demo.month);
    const decisions = decideMonth(inMonth, {
      catalog,
      ledgerKeys: new Set(),
      earlierKeys: new Set(),
      today: "2026-12-01",
    });
    const rows = buildReport(inMonth, new Map(), decisions, catalog);
    reportSummary(demo.month, rows);
    groupNotices(rows, new Map(inMonth.map((e) => [e.entryId, e])));
    return spent;
  };
  once();
  const samples: Array<{ ms: number; spent: { ms: number; calls: number } }> = [];
  for (let i = 0; i < runs; i++) {
    const began = performance.now();
    const spent = once();
    samples.push({ ms: performance.now() - began, spent });
  }
  samples.sort((a, b) => a.ms - b.ms);
  const median = samples[Math.floor(runs / 2)];
  return {
    entries,
    runs,
    medianMs: median.ms,
    minMs: samples[0].ms,
    maxMs: samples[runs - 1].ms,
    formatDateMs: median.spent.ms,
    formatDateCalls: median.spent.calls,
  };
}
