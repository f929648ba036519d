/**
 * A sanity figure, not a target: the real CPU time of the domain code on 100,000 entries (read
 * each row, place it in its month, decide, build the report and its summary, group the notices),
 * in Node itself, the median of several runs. It shows the pure code is not what bounds a run:
 * the service calls around it are.
 */
import { performance } from "node:perf_hooks";
import { generateMonth } from "../local/demo";
import { resolveZone } from "../local/runtime/services/zoned-time";
import { formatWithPattern } from "../local/runtime/services/simple-date-format";
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
}

/** Utilities.formatDate as the local runtime does it. */
const formatDate: DateFormatter = (date, timeZone, pattern) => formatWithPattern(date.getTime(), resolveZone(timeZone), pattern);

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
    return rows.length;
  };
  once();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const began = performance.now();
    once();
    times.push(performance.now() - began);
  }
  times.sort((a, b) => a - b);
  return { entries, runs, medianMs: times[Math.floor(runs / 2)], minMs: times[0], maxMs: times[runs - 1] };
}
