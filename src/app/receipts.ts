/**
 * Instructors hear back (issue #15). Lines wait in the Receipts sheet (receipt-queue.ts); one
 * one-off trigger — never more than one pending — sends each instructor one message for their
 * lines once `receiptWindowMinutes` have passed since their first unsent one (a teacher entering a
 * whole class gets one e-mail, not thirty), and each instructor's Needs fix digest at once.
 *
 * At most once: a message's lines are marked Sending and flushed before it goes, and a line found
 * Sending is never sent again (a lost receipt costs less than a doubled one; the Sheet shows it).
 * Mail quota: only what the students' notices leave over (notice-reserve.ts); short of that, the
 * lines wait for the quota to come back.
 */

import { isValidDate } from "../domain/dates";
import { composeDigest, composeReceipt, type InstructorMessage } from "../domain/receipts";
import { readTable } from "../workbook/table";
import { type CellUpdate, writeCells } from "../workbook/write";
import { type Budget, budget } from "./budget";
import { clearTriggers, MIN_AFTER_MS, replaceTrigger } from "./continuation";
import { writeLog } from "./log";
import { noticesOwed } from "./notice-reserve";
import type { Cell, Services } from "./ports";
import { nextQuotaReset } from "./quota-day";
import { type ReceiptEntries, receiptEntries } from "./receipt-entries";
import { addReceiptLines, RECEIPT_KIND, RECEIPTS, type ReceiptLine, readReceipts, SENT } from "./receipt-queue";
import { loadSettings, type Settings } from "./settings";
import { withWorkLock } from "./work-lock";

/** The one-off trigger's entry point in main.ts. */
export const RECEIPTS_HANDLER = "sendInstructorReceipts";
/** When the pending trigger is due (ISO); absent when none is. */
const NEXT_KEY = "badgedesk.receipts.next";
/** Google fires a one-off trigger some time after it is due; one this late is taken as lost. */
const LOST_AFTER_MS = 60 * 60 * 1000;
/** When the notices' needs are not known yet (their report is being built), look again then. */
const UNKNOWN_RETRY_MS = 60 * 60 * 1000;
const BUSY_RETRY_MS = 5 * 60 * 1000;
/** Kept back in a slice for the last write and the Log line (a message takes ~1 s). */
const RESERVE_MS = 15_000;

function windowMs(settings: Settings): number {
  return Math.max(0, settings.receiptWindowMinutes) * 60 * 1000;
}

/** Replaces any pending receipts trigger with one due at `at`. */
function scheduleAt(services: Services, at: Date): void {
  replaceTrigger(services.triggers, RECEIPTS_HANDLER, at.getTime() - services.clock.now().getTime());
  services.scriptProperties.set(NEXT_KEY, at.toISOString());
}

/**
 * Makes sure a receipts run is due by `at`, without a trigger call when one is already pending
 * (a form submission must stay cheap): only a trigger long overdue is taken as lost and replaced.
 */
export function ensureReceiptsRun(services: Services, at: Date): void {
  const pending = services.scriptProperties.get(NEXT_KEY);
  const now = services.clock.now().getTime();
  if (pending && Date.parse(pending) + LOST_AFTER_MS > now) return;
  scheduleAt(services, at);
}

/**
 * Queues lines for their instructors (the caller holds the script lock). With receipts switched
 * off, entries and corrections are still noted (reconcile reads the corrections) but marked so.
 */
export function queueReceipts(services: Services, lines: ReceiptLine[]): void {
  if (lines.length === 0) return;
  const settings = loadSettings(services.scriptProperties);
  const quiet = (l: ReceiptLine) => !settings.receiptsEnabled && l.kind !== RECEIPT_KIND.needsFix;
  addReceiptLines(
    services,
    lines.map((l) => (quiet(l) ? { ...l, sentAt: SENT.off } : l)),
  );
  if (lines.some((l) => !quiet(l))) {
    const soonest = lines.some((l) => l.kind === RECEIPT_KIND.needsFix) ? 0 : windowMs(settings);
    ensureReceiptsRun(services, new Date(services.clock.now().getTime() + soonest));
  }
}

interface Line {
  id: string;
  rowNumber: number;
  receivedAt: Date;
  email: string;
  name: string;
  kind: string;
  entryId: string;
  details: string;
}

/** One message: an instructor's receipt lines, or their digest of one month. */
interface Group {
  email: string;
  digestMonth: string;
  lines: Line[];
  due: number;
}

export interface ReceiptsResult {
  receipts: number;
  digests: number;
  /** Digests left unsent because every entry in them was fixed meanwhile. */
  notNeeded: number;
  /** Lines whose message went (or was not needed). */
  lines: number;
  /** Messages not sent yet (their window is open, or quota or time ran out). */
  waiting: number;
  stoppedFor: null | "time" | "quota" | "notices";
  /** When the next run is due (ISO), or null when nothing waits. */
  next: string | null;
  failed: string[];
}

function pendingGroups(
  services: Services,
  settings: Settings,
): { table: ReturnType<typeof readReceipts>; groups: Group[] } | null {
  const sheet = services.workbook.sheet(RECEIPTS.sheet);
  if (!sheet) return null;
  const table = readReceipts(sheet);
  const groups = new Map<string, Group>();
  for (const row of table.rows) {
    if (row.get("Sent At") !== "") continue;
    const receivedAt = row.get("Received At");
    const line: Line = {
      id: String(row.get("Receipt ID")),
      rowNumber: row.rowNumber,
      receivedAt: isValidDate(receivedAt) ? receivedAt : services.clock.now(),
      email: String(row.get("Instructor Email")).trim().toLowerCase(),
      name: String(row.get("Instructor Name")).trim(),
      kind: String(row.get("What")),
      entryId: String(row.get("Entry ID")).trim(),
      details: String(row.get("Details")),
    };
    const digestMonth = line.kind === RECEIPT_KIND.needsFix ? line.details : "";
    const key = `${line.email}|${digestMonth}`;
    const group = groups.get(key) ?? { email: line.email, digestMonth, lines: [], due: Number.POSITIVE_INFINITY };
    group.lines.push(line);
    const due = line.receivedAt.getTime() + (digestMonth ? 0 : windowMs(settings));
    group.due = Math.min(group.due, due);
    groups.set(key, group);
  }
  return { table, groups: [...groups.values()].sort((a, b) => a.due - b.due) };
}

function compose(group: Group, entries: ReceiptEntries, settings: Settings): InstructorMessage | null {
  const from = { agencyName: settings.agencyName, senderName: settings.senderName };
  const instructorName = group.lines.map((l) => l.name).find((n) => n !== "") ?? "";
  if (group.digestMonth) {
    const open = [...new Set(group.lines.map((l) => l.entryId))]
      .map((id) => entries.get(id))
      .filter((e) => e.student !== "" && e.problems.length > 0);
    return open.length ? composeDigest({ ...from, instructorName, month: group.digestMonth, entries: open }) : null;
  }
  const recorded = group.lines.filter((l) => l.kind === RECEIPT_KIND.entry).map((l) => entries.get(l.entryId));
  const corrections = group.lines
    .filter((l) => l.kind === RECEIPT_KIND.corrected || l.kind === RECEIPT_KIND.refused)
    .map((l) => ({ entry: entries.get(l.entryId), corrected: l.kind === RECEIPT_KIND.corrected, reason: l.details }));
  return composeReceipt({ ...from, instructorName, recorded, corrections });
}

/** A mail error that means the day's quota is spent (Google's text, apps-script.md). */
function isQuotaError(error: unknown): boolean {
  return /too many times for one day|daily quota|Limit Exceeded: Email/i.test(String(error));
}

/**
 * Sends the messages that are due, as far as quota and time allow. The caller holds the script
 * lock; the result's `next` says when to run again (sendReceiptsNow schedules it).
 */
export function sendPendingReceipts(services: Services, options: { budget: Budget }): ReceiptsResult {
  const settings = loadSettings(services.scriptProperties);
  const result: ReceiptsResult = {
    receipts: 0,
    digests: 0,
    notNeeded: 0,
    lines: 0,
    waiting: 0,
    stoppedFor: null,
    next: null,
    failed: [],
  };
  const pending = pendingGroups(services, settings);
  if (!pending || pending.groups.length === 0) return result;
  const now = services.clock.now().getTime();
  const due = pending.groups.filter((g) => g.due <= now);
  const later = pending.groups.filter((g) => g.due > now);
  let next = later.length ? later[0].due : Number.POSITIVE_INFINITY;
  result.waiting = pending.groups.length;

  let allowed = 0;
  if (due.length > 0) {
    const owed = noticesOwed(services, settings);
    if (owed === null) {
      result.stoppedFor = "notices";
      next = Math.min(next, now + UNKNOWN_RETRY_MS);
    } else {
      allowed = services.mailer.remainingDailyQuota() - owed;
      if (allowed < due.length) {
        result.stoppedFor = owed > 0 ? "notices" : "quota";
        next = Math.min(next, nextQuotaReset(services.clock.now(), services.formatDate).getTime());
      }
    }
  }
  const batch = due.slice(0, Math.max(0, allowed));
  if (batch.length > 0) sendBatch(services, settings, pending.table, batch, options.budget, result);
  if (result.stoppedFor === "time") next = Math.min(next, services.clock.now().getTime() + MIN_AFTER_MS);
  if (result.stoppedFor === "quota") {
    next = Math.min(next, nextQuotaReset(services.clock.now(), services.formatDate).getTime());
  }
  const settled = result.receipts + result.digests + result.notNeeded + result.failed.length;
  result.waiting = pending.groups.length - settled;
  result.next = Number.isFinite(next) && result.waiting > 0 ? new Date(next).toISOString() : null;
  log(services, result);
  return result;
}

function sendBatch(
  services: Services,
  settings: Settings,
  table: ReturnType<typeof readReceipts>,
  batch: Group[],
  slice: Budget,
  result: ReceiptsResult,
): void {
  const sheet = services.workbook.sheet(RECEIPTS.sheet);
  if (!sheet) return;
  const mark = (groups: Group[], value: Cell): CellUpdate[] =>
    groups.flatMap((g) => g.lines.map((l) => ({ rowNumber: l.rowNumber, values: { "Sent At": value } })));
  writeCells(sheet, table, mark(batch, SENT.sending));
  // The mark is committed before any message leaves: a kill from here on leaves the lines Sending.
  services.workbook.flush();
  const entries = receiptEntries(services, settings);
  const updates: CellUpdate[] = [];
  for (let i = 0; i < batch.length; i++) {
    const group = batch[i];
    if (slice.exhausted(RESERVE_MS)) {
      result.stoppedFor = "time";
      updates.push(...mark(batch.slice(i), ""));
      break;
    }
    const message = compose(group, entries, settings);
    if (!message) {
      updates.push(...mark([group], SENT.notNeeded));
      result.lines += group.lines.length;
      result.notNeeded += 1;
      continue;
    }
    try {
      services.mailer.send({
        to: group.email,
        ...message,
        name: settings.senderName,
        replyTo: settings.replyTo || undefined,
        from: settings.aliasFrom || undefined,
      });
    } catch (error) {
      if (isQuotaError(error)) {
        result.stoppedFor = "quota";
        updates.push(...mark(batch.slice(i), ""));
        break;
      }
      const text = `Failed: ${error instanceof Error ? error.message : String(error)}`;
      updates.push(...mark([group], text));
      result.failed.push(`${group.email}: ${text}`);
      continue;
    }
    updates.push(...mark([group], services.clock.now()));
    result.lines += group.lines.length;
    if (group.digestMonth) result.digests += 1;
    else result.receipts += 1;
  }
  // Rows re-found by Receipt ID in a fresh read: a person may have sorted the sheet meanwhile.
  const fresh = readTable(sheet, RECEIPTS);
  const rowOf = new Map(fresh.rows.map((r) => [String(r.get("Receipt ID")), r.rowNumber]));
  const idOf = new Map(table.rows.map((r) => [r.rowNumber, String(r.get("Receipt ID"))]));
  const moved = updates
    .map((u) => ({ ...u, rowNumber: rowOf.get(idOf.get(u.rowNumber) ?? "") ?? -1 }))
    .filter((u) => u.rowNumber > 0);
  writeCells(sheet, fresh, moved);
}

function log(services: Services, r: ReceiptsResult): void {
  const why = {
    time: "Stopped for time.",
    quota: "The mail quota is short: the rest wait for it to come back.",
    notices: "Students' notices come first: the rest wait for the quota they leave.",
  };
  const parts = [
    r.stoppedFor ? why[r.stoppedFor] : "",
    r.next ? `Next run ${r.next}.` : "",
    r.failed.length ? `Failed: ${r.failed.slice(0, 3).join(" | ")}` : "",
  ].filter((p) => p !== "");
  writeLog(services, {
    action: "Send instructor receipts",
    counts: {
      receipts: r.receipts,
      digests: r.digests,
      "digests not needed": r.notNeeded,
      waiting: r.waiting,
      failed: r.failed.length,
    },
    outcome: parts.join(" ") || "Sent.",
  });
}

/** The one-off trigger's run: due messages under the lock, then the next run if any still wait. */
export function sendReceiptsNow(services: Services): ReceiptsResult | { busy: string } {
  const locked = withWorkLock(services, "instructor receipts", () => {
    clearTriggers(services.triggers, RECEIPTS_HANDLER);
    services.scriptProperties.remove(NEXT_KEY);
    const result = sendPendingReceipts(services, { budget: budget(services.clock) });
    if (result.next) scheduleAt(services, new Date(result.next));
    return result;
  });
  if (locked.ok) return locked.value;
  scheduleAt(services, new Date(services.clock.now().getTime() + BUSY_RETRY_MS));
  return { busy: locked.busy };
}
