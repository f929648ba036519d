/**
 * The report tab's layout: the summary block, a blank row, the header row, the table. The tab is
 * rewritten whole in one write (after one clear): a rebuild never leaves an old row behind, and
 * as nothing is read between the clear and the write, they commit together.
 */

import { REPORT_HEADERS, type ReportRow, reportRowValues } from "../domain/report";
import { reportSummary } from "../domain/summary";
import { BADGE_STATUS, CLAIM_STATE, DECISION, NOTICE_STATUS } from "../domain/words";
import { toCellText } from "../workbook/cell-text";
import type { Cell, ConditionalRule, SheetPort } from "./ports";
import { columnLetter } from "./setup";

/** An earlier entry in no report, as the summary lists it. */
export interface BacklogLine {
  entryId: string;
  enteredAt: Date;
  student: string;
  credential: string;
  site: string;
}

/** The summary lists this many backlog entries; the count says how many there are. */
const BACKLOG_LISTED = 25;

const GREEN = "#d9ead3";
const RED = "#f4cccc";
const YELLOW = "#fff2cc";
const BLUE = "#cfe2f3";
const GREY = "#eeeeee";

/** Colours by status word (the words are the contract: words.ts). */
const COLOURS: Array<[header: (typeof REPORT_HEADERS)[number], word: string, colour: string]> = [
  ["Decision", DECISION.badge, GREEN],
  ["Decision", DECISION.vendorBadge, BLUE],
  ["Decision", DECISION.needsFix, RED],
  ["Decision", DECISION.alreadyBadged, GREY],
  ["Notice Status", NOTICE_STATUS.sending, YELLOW],
  ["Notice Status", NOTICE_STATUS.sent, GREEN],
  ["Notice Status", NOTICE_STATUS.failed, RED],
  ["Badge Status", BADGE_STATUS.issuing, YELLOW],
  ["Badge Status", BADGE_STATUS.issued, GREEN],
  ["Badge Status", BADGE_STATUS.failed, RED],
  ["Claim State", CLAIM_STATE.pending, YELLOW],
  ["Claim State", CLAIM_STATE.accepted, GREEN],
  ["Claim State", CLAIM_STATE.rejected, RED],
  ["Claim State", CLAIM_STATE.revoked, GREY],
];

const WIDTH = REPORT_HEADERS.length;

function padded(cells: Cell[]): Cell[] {
  const line = cells.map(toCellText);
  while (line.length < WIDTH) line.push("");
  return line;
}

function backlogBlock(backlog: readonly BacklogLine[], pulledIn: number): Cell[][] {
  if (pulledIn > 0) return [padded([`Earlier entries pulled into this report`, pulledIn])];
  if (backlog.length === 0) return [padded(["Earlier entries in no report", 0])];
  const lines = [
    padded([
      "Earlier entries in no report",
      backlog.length,
      "Build the report again and pull them in, or build their month.",
    ]),
    padded(["Earlier entry", "Entered At", "Student", "Credential", "Site"]),
    ...backlog.slice(0, BACKLOG_LISTED).map((b) => padded([b.entryId, b.enteredAt, b.student, b.credential, b.site])),
  ];
  if (backlog.length > BACKLOG_LISTED) lines.push(padded([`… and ${backlog.length - BACKLOG_LISTED} more`]));
  return lines;
}

/** Writes the tab; returns the header row's number. */
export function writeReportTab(
  sheet: SheetPort,
  month: string,
  rows: readonly ReportRow[],
  backlog: readonly BacklogLine[],
  pulledIn: number,
): number {
  const grid: Cell[][] = [...reportSummary(month, rows).map(padded), ...backlogBlock(backlog, pulledIn), padded([])];
  const headerRow = grid.length + 1;
  grid.push([...REPORT_HEADERS], ...rows.map((row) => padded(reportRowValues(row))));
  sheet.clearFrom(1);
  sheet.write(1, 1, grid);
  sheet.setBold(headerRow, 1, 1, WIDTH);
  if (rows.length > 0) {
    const enteredAt = REPORT_HEADERS.indexOf("Entered At") + 1;
    sheet.setNumberFormat(headerRow + 1, enteredAt, rows.length, 1, "yyyy-mm-dd hh:mm:ss");
  }
  const rules: ConditionalRule[] = COLOURS.map(([header, word, colour]) => {
    const letter = columnLetter(REPORT_HEADERS.indexOf(header) + 1);
    return { a1: `${letter}${headerRow + 1}:${letter}`, whenTextEquals: word, background: colour };
  });
  sheet.setConditionalRules(rules);
  return headerRow;
}
