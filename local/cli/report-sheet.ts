import { reportSheetName } from "../../src/domain/month";
import type { SpreadsheetModel } from "../runtime";

export type ReportLine = Record<string, string>;

/**
 * The month's report tab as the specialist reads it: one object per entry row, by header, each
 * value as the sheet shows it. The header row is the one starting "Entry ID" (a summary block sits
 * above it). Empty when the tab does not exist.
 */
export function reportLines(model: SpreadsheetModel, month: string): ReportLine[] {
  const name = reportSheetName(month);
  if (!model.sheet(name)) return [];
  const values = model.displayValues(name);
  const top = values.findIndex((row) => row[0] === "Entry ID");
  if (top < 0) return [];
  const headers = values[top];
  return values
    .slice(top + 1)
    .filter((row) => row[0] !== "")
    .map((row) => Object.fromEntries(headers.map((h, i) => [h, row[i] ?? ""])));
}

export interface ReportCounts {
  entries: number;
  decisions: Record<string, number>;
  noticesSent: number;
  /** Distinct students whose notice was sent. */
  studentsNotified: number;
  badgesIssued: number;
  failed: number;
  /** Badge rows still owed a notice (blank or Failed) and the students behind them. */
  noticesDue: number;
  studentsDue: string[];
  /** Badge rows not yet issued. */
  badgesDue: number;
}

export function countReport(lines: ReportLine[]): ReportCounts {
  const decisions: Record<string, number> = {};
  const notified = new Set<string>();
  const due = new Set<string>();
  let noticesSent = 0;
  let badgesIssued = 0;
  let failed = 0;
  let noticesDue = 0;
  let badgesDue = 0;
  for (const line of lines) {
    const decision = line.Decision;
    decisions[decision] = (decisions[decision] ?? 0) + 1;
    const email = line["Student Email"].trim().toLowerCase();
    if (line["Notice Status"] === "Sent") {
      noticesSent++;
      notified.add(email);
    }
    if (line["Badge Status"] === "Issued") badgesIssued++;
    if (line["Notice Status"] === "Failed" || line["Badge Status"] === "Failed") failed++;
    if (decision !== "Badge") continue;
    if (line["Notice Status"] === "" || line["Notice Status"] === "Failed") {
      noticesDue++;
      due.add(email);
    }
    if (line["Badge Status"] !== "Issued" && line["Credly Badge ID"] === "") badgesDue++;
  }
  return {
    entries: lines.length,
    decisions,
    noticesSent,
    studentsNotified: notified.size,
    badgesIssued,
    failed,
    noticesDue,
    studentsDue: [...due],
    badgesDue,
  };
}
