import path from "node:path";
import type { RunResult } from "./run";

function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith("..") ? relative : file;
}

function when(at: Date | number, timeZone: string): string {
  return new Date(at).toLocaleString("en-US", {
    timeZone,
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
}

/** The short account printed at the end: what happened, and where to look. */
export function summaryLines(result: RunResult): string[] {
  const c = result.counts;
  const decisions = Object.entries(c.decisions)
    .map(([word, n]) => `${word} ${n}`)
    .join(" · ");
  const lines = [`BadgeDesk — ${result.month}: ${c.entries} entries${decisions ? ` (${decisions})` : ""}`];
  if (result.dry) {
    const d = result.dry;
    const students = d.plan ? d.plan.students : c.studentsDue.length;
    const rows = d.plan ? d.plan.rows : c.noticesDue;
    const notices = students ? `${students} notice(s) to ${students} student(s) (${rows} entries)` : "no notices";
    lines.push(`Dry run: would send ${notices} and issue ${c.badgesDue} badge(s).`);
    lines.push("Nothing was sent and nothing was issued (outbox empty, no change at Credly).");
    if (d.rendered) lines.push(`  rendered notices  ${shown(d.folder)}/ (${d.rendered} .eml)`);
    for (const why of d.unrendered.slice(0, 5)) lines.push(`  not rendered: ${why}`);
  } else {
    lines.push(
      `Report: notices sent to ${c.studentsNotified} student(s) (${c.noticesSent} entries) · badges issued ${c.badgesIssued}` +
        (c.failed ? ` · failed ${c.failed}` : ""),
      `This run: ${result.mailSent} e-mail(s) sent · ${result.badgesCreated} badge(s) issued at Credly`,
    );
  }
  const cycle = result.cycle;
  if (cycle) {
    const virtual = `${when(result.startedAt, result.timeZone)} → ${when(cycle.endedAt, result.timeZone)}`;
    lines.push(`Virtual time ${virtual} ${result.timeZone}, ${cycle.executions.length} trigger run(s)`);
    for (const failed of cycle.failed.slice(0, 3))
      lines.push(`  a run failed (${failed.functionName}): ${failed.error}`);
    if (cycle.state?.stopped) lines.push(`  the cycle stopped: ${cycle.state.stopped}`);
  }
  lines.push(`Real time ${(result.realMs / 1000).toFixed(1)} s`, `Results in ${shown(result.paths.dir)}/:`);
  const p = result.paths;
  const badges = result.credlyBadges === null ? "what was sent to Credly" : `${result.credlyBadges} badge(s)`;
  lines.push(
    `  workbook   ${shown(p.workbook)}`,
    `  outbox     ${shown(p.outbox)}/ (${result.dry ? "empty: a dry run sends nothing" : "one .eml per message"})`,
    `  Credly     ${shown(p.credly)} (${badges})`,
    `  Log        ${shown(p.log)}`,
    `  summary    ${shown(p.summary)}`,
  );
  return lines;
}

/** True when the month got where it should: the cycle done (or the dry run finished). */
export function succeeded(result: RunResult): boolean {
  if (result.dry) return true;
  const state = result.cycle?.state;
  return state !== null && state !== undefined && state.phase === "done" && !state.stopped;
}
