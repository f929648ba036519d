/**
 * The targets of issue #13, checked against the measured figures. Each check says whether it
 * holds, the figure, and — when it misses — which calls dominate, for the engineers.
 */

import { DEFAULT_COSTS } from "../local/runtime";
import type { Limit } from "./limits";

/** The target: at most one sheet write call per 50 row updates (issue #13). */
const ROWS_PER_WRITE = 50;

import { isSheetRead, isSheetWrite, type Measurement, serviceOf, topCalls } from "./measure";
import type { WorkloadResult } from "./workloads";

export interface TargetCheck {
  target: string;
  workload: string;
  holds: boolean;
  measured: string;
  /** What dominates, when it misses. */
  why: string;
}

/** Calls the limit counts: mail, HTTP requests and the sheet's data round trips. */
export function countedCalls(m: Measurement): number {
  return m.mailCalls + m.httpRequests + m.sheetReads + m.sheetWrites + m.flushes;
}

export function limitCalls(l: Limit): number {
  return l.mailCalls + l.httpRequests + l.sheetReads + l.sheetWrites + l.flushes;
}

export function callRatio(r: WorkloadResult): number {
  return countedCalls(r.measured) / Math.max(1, limitCalls(r.limit));
}

export function timeRatio(r: WorkloadResult): number {
  return (r.measured.busySeconds * 1000) / Math.max(1, r.limit.ms);
}

const dataCall = (key: string) =>
  isSheetRead(key) || isSheetWrite(key) || key === "SpreadsheetApp.flush" || serviceOf(key) !== "Spreadsheet";

/** Where the counted calls beyond the limit go. */
function excess(r: WorkloadResult): string {
  const m = r.measured;
  const parts = [
    m.sheetReads > r.limit.sheetReads ? `${m.sheetReads} reads vs ${r.limit.sheetReads}` : "",
    m.sheetWrites > r.limit.sheetWrites ? `${m.sheetWrites} writes vs ${r.limit.sheetWrites}` : "",
    m.flushes > r.limit.flushes ? `${m.flushes} flushes vs ${r.limit.flushes}` : "",
    m.httpRequests > r.limit.httpRequests ? `${m.httpRequests} HTTP requests vs ${r.limit.httpRequests}` : "",
    m.mailCalls > r.limit.mailCalls ? `${m.mailCalls} mail calls vs ${r.limit.mailCalls}` : "",
  ].filter((p) => p !== "");
  const top = topCalls(m.calls, 4, (k) => dataCall(k) && !k.startsWith("Utilities.") && !k.startsWith("Session."));
  return `${parts.join(", ")}; most called: ${top.join(", ")}`;
}

const fixed = (n: number, digits = 2) => n.toFixed(digits);

export function checkTargets(results: readonly WorkloadResult[]): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const r of results.filter((x) => x.group === "report")) {
    const m = r.measured;
    const roundTrips = m.sheetReads + m.sheetWrites + m.flushes;
    const holds = roundTrips <= 12 && m.executions === 1 && m.failedExecutions === 0;
    checks.push({
      target: "Report: ≤ 12 spreadsheet calls (reads + writes + flushes), one execution",
      workload: r.name,
      holds,
      measured: `${roundTrips} data calls (${m.spreadsheetCalls} Spreadsheet-service calls in all), ${m.executions} execution(s)`,
      why: holds
        ? `other Spreadsheet calls: ${topCalls(m.calls, 3, (k) => serviceOf(k) === "Spreadsheet" && !dataCall(k)).join(", ")}`
        : `${excess(r)}${r.notes.length ? `; ${r.notes[0]}` : ""}`,
    });
  }
  for (const r of results.filter((x) => x.group === "notices" || x.group === "issuing")) {
    const ratio = callRatio(r);
    checks.push({
      target: "actual/limit ≤ 1.05 on calls",
      workload: r.name,
      holds: ratio <= 1.05,
      measured: `${countedCalls(r.measured)} / ${limitCalls(r.limit)} = ${fixed(ratio)}`,
      why: ratio <= 1.05 ? "" : excess(r),
    });
    const rowUpdates = r.outcome.rowUpdates ?? 0;
    // One Log line per execution is a write no batch can share.
    const allowed = Math.ceil(rowUpdates / ROWS_PER_WRITE) + r.measured.executions;
    checks.push({
      target: "sheet writes batched (≤ 1 write call per 50 row updates, + the Log line per run)",
      workload: r.name,
      holds: r.measured.sheetWrites <= allowed,
      measured: `${r.measured.sheetWrites} writes for ${rowUpdates} row updates (allowed ${allowed})`,
      why: r.measured.sheetWrites <= allowed ? "" : `writes: ${topCalls(r.measured.calls, 3, isSheetWrite).join(", ")}`,
    });
  }
  for (const naive of results.filter((x) => x.group === "naive-issuing")) {
    const size = naive.name.replace("naive-", "");
    const batched = results.find((x) => x.name === size);
    if (!batched) continue;
    const speedUp = naive.measured.busySeconds / Math.max(0.001, batched.measured.busySeconds);
    const b = batched.measured;
    const perBatch = b.httpRequests / Math.max(1, b.fetchCalls);
    const waves = Math.ceil(perBatch / DEFAULT_COSTS.fetchAllWave);
    const fetchSeconds = (b.fetchCalls * waves * (DEFAULT_COSTS.fetchAllWaveMs + DEFAULT_COSTS.serverTimeMs)) / 1000;
    checks.push({
      target: "Issuing with fetchAll ≥ 8× faster in virtual time than one fetch per badge",
      workload: size,
      holds: speedUp >= 8,
      measured: `${fixed(naive.measured.busySeconds, 0)} s / ${fixed(batched.measured.busySeconds, 0)} s = ${fixed(speedUp, 1)}×`,
      why:
        speedUp >= 8
          ? ""
          : `fetchAll: ${b.fetchCalls} calls of ${fixed(perBatch, 0)} requests = ${waves} waves of ≤ ${DEFAULT_COSTS.fetchAllWave} each, ≈ ${fixed(fetchSeconds, 0)} s of the ${fixed(b.busySeconds, 0)} s (the last wave of each batch is half empty); the rest is the batch's sheet writes and flushes (${b.sheetWrites} writes, ${b.flushes} flushes)`,
    });
  }
  for (const r of results.filter((x) => x.group === "cycle")) {
    const m = r.measured;
    const holdsRuns = m.executions <= r.limit.executions + 1;
    const holdsDays = m.quotaDays <= r.limit.quotaDays;
    const done = r.outcome.done === 1;
    checks.push({
      target: "Cycle: minimum executions (+1) and minimum quota-days",
      workload: r.name,
      holds: holdsRuns && holdsDays && done,
      measured: `${m.executions} executions (min ${r.limit.executions}), ${m.quotaDays} quota-days (min ${r.limit.quotaDays})${done ? "" : ", month NOT done"}`,
      why:
        holdsRuns && holdsDays && done
          ? ""
          : `slices end early: the longest execution is ${fixed(m.longestSeconds, 0)} s of the 360 s allowed (the minimum packs 360 s into each); busy ${fixed(m.busySeconds, 0)} s vs ${fixed(r.limit.ms / 1000, 0)} s; ${excess(r)}`,
    });
  }
  return checks;
}
