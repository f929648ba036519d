import { maskEmail } from "../domain/email";
import { toCellText } from "../workbook/cell-text";
import { LOG } from "../workbook/schemas";
import type { Clock, Users, WorkbookPort } from "./ports";

export interface LogLine {
  action: string;
  /** Counts as a short phrase ("sent 41, skipped 3") or an object rendered that way. */
  counts?: string | Record<string, number | string>;
  outcome: string;
}

const EMAIL = /[^\s@<>"'(),;:]+@[^\s@<>"'(),;:]+\.[^\s@<>"'(),;:]+/g;

/** Masks every e-mail address in free text: the Log is read by more people than the Ledger. */
export function maskEmails(text: string): string {
  return text.replace(EMAIL, (address) => maskEmail(address));
}

function countsText(counts: LogLine["counts"]): string {
  if (counts === undefined) return "";
  if (typeof counts === "string") return counts;
  return Object.entries(counts)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");
}

/**
 * Appends lines to the Log sheet in one write (no-op when the sheet does not exist yet: Set up
 * workbook makes it). Addresses are masked and every text is stored as text.
 */
export function writeLog(
  ports: { workbook: WorkbookPort; clock: Clock; users: Users },
  lines: LogLine | LogLine[],
): void {
  const sheet = ports.workbook.sheet(LOG.sheet);
  const list = Array.isArray(lines) ? lines : [lines];
  if (!sheet || list.length === 0) return;
  const now = ports.clock.now();
  const user = maskEmails(ports.users.active() || ports.users.effective() || "trigger");
  sheet.append(
    list.map((line) => [
      now,
      toCellText(user),
      toCellText(line.action),
      toCellText(maskEmails(countsText(line.counts))),
      toCellText(maskEmails(line.outcome)),
    ]),
  );
}
