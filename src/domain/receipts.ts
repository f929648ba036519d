/**
 * What an instructor reads back: a receipt for what they sent (entries recorded, corrections made
 * or refused) and the monthly list of their entries that still need a fix. Short and plain, in
 * the instructor's words; every text escaped in the HTML part.
 */

import { escapeHtml } from "./merge";
import { monthLabel } from "./month";

/** One entry as the instructor reported it, with what is wrong now and the link that corrects it. */
export interface ReceiptEntry {
  entryId: string;
  /** "Ana Lopez"; "" when the entry is no longer in Entries. */
  student: string;
  credential: string;
  /** "yyyy-MM-dd", or the typed text. */
  dateEarned: string;
  problems: string[];
  /** The pre-filled correction form; "" when there is no form to link. */
  link: string;
}

export interface CorrectionNote {
  entry: ReceiptEntry;
  corrected: boolean;
  /** Why it was refused. */
  reason: string;
}

export interface MessageFrom {
  agencyName: string;
  senderName: string;
}

export interface Receipt extends MessageFrom {
  instructorName: string;
  recorded: ReceiptEntry[];
  corrections: CorrectionNote[];
}

export interface Digest extends MessageFrom {
  instructorName: string;
  /** "yyyy-MM" */
  month: string;
  entries: ReceiptEntry[];
}

export interface InstructorMessage {
  subject: string;
  textBody: string;
  htmlBody: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const HOW_TO_FIX =
  "Each link opens the form filled in with the entry: fix what is wrong and submit it. " +
  "It replaces the entry; it does not add another.";
const NO_LINK = "Reply to this e-mail with the correct details.";

function entryLine(e: ReceiptEntry): string {
  if (e.student === "") return `entry ${e.entryId} (no longer on the list)`;
  const earned = e.dateEarned ? ` — earned ${e.dateEarned}` : "";
  return `${e.student} — ${e.credential || "(no credential)"}${earned}`;
}

/** Plain text and HTML, built line by line from the same parts. */
class Body {
  private readonly text: string[] = [];
  private readonly html: string[] = [];

  para(line: string): this {
    this.text.push(line, "");
    this.html.push(`<p>${escapeHtml(line)}</p>`);
    return this;
  }

  list(items: Array<{ line: string; notes?: string[]; link?: string }>): this {
    const li: string[] = [];
    for (const item of items) {
      this.text.push(`  • ${item.line}`);
      for (const note of item.notes ?? []) this.text.push(`    ${note}`);
      if (item.link) this.text.push(`    Correct it: ${item.link}`);
      const notes = (item.notes ?? []).map((n) => `<br>${escapeHtml(n)}`).join("");
      const link = item.link ? `<br><a href="${escapeHtml(item.link)}">Correct this entry</a>` : "";
      li.push(`<li>${escapeHtml(item.line)}${notes}${link}</li>`);
    }
    this.text.push("");
    this.html.push(`<ul>${li.join("")}</ul>`);
    return this;
  }

  done(): { textBody: string; htmlBody: string } {
    return { textBody: this.text.join("\n").trimEnd(), htmlBody: this.html.join("\n") };
  }
}

const problemItem = (e: ReceiptEntry) => ({
  line: `${entryLine(e)} (entry ${e.entryId})`,
  notes: e.problems.map((p) => `${p}.`),
  link: e.link,
});

function greeting(name: string): string {
  return name.trim() ? `Hello ${name.trim()},` : "Hello,";
}

/** The receipt for one instructor's submissions of the last few minutes. */
export function composeReceipt(r: Receipt): InstructorMessage {
  const toFix = r.recorded.filter((e) => e.problems.length > 0);
  const made = r.corrections.filter((c) => c.corrected);
  const refused = r.corrections.filter((c) => !c.corrected);
  const body = new Body().para(greeting(r.instructorName));
  if (r.recorded.length > 0) {
    body.para(`We recorded ${plural(r.recorded.length, "entry", "entries")} you sent:`);
    body.list(r.recorded.map((e) => ({ line: entryLine(e) })));
  }
  if (toFix.length > 0) {
    const who =
      r.recorded.length === 1 ? "It needs" : `${toFix.length} of them ${toFix.length === 1 ? "needs" : "need"}`;
    body.para(`${who} a fix before a badge can be issued:`);
    body.list(toFix.map(problemItem));
  }
  if (r.corrections.length > 0) {
    body.para("Your corrections:");
    body.list(
      r.corrections.map((c) => {
        if (!c.corrected) return { line: `Entry ${c.entry.entryId}: not corrected — ${c.reason}` };
        const still = c.entry.problems;
        return {
          line: `${entryLine(c.entry)} (entry ${c.entry.entryId}): corrected${still.length ? ", but it still needs a fix:" : "."}`,
          notes: still.map((p) => `${p}.`),
          link: still.length ? c.entry.link : "",
        };
      }),
    );
  }
  const linksMissing = [...toFix, ...made.map((c) => c.entry)].some((e) => e.problems.length > 0 && !e.link);
  if (toFix.length > 0 || made.some((c) => c.entry.problems.length > 0)) {
    body.para(linksMissing ? NO_LINK : HOW_TO_FIX);
  }
  const { textBody, htmlBody } = body.para(r.senderName).done();

  const parts = [
    r.recorded.length ? `${plural(r.recorded.length, "entry", "entries")} recorded` : "",
    toFix.length ? `${toFix.length} ${toFix.length === 1 ? "needs" : "need"} a fix` : "",
    made.length ? `${plural(made.length, "correction", "corrections")} made` : "",
    refused.length ? `${plural(refused.length, "correction", "corrections")} refused` : "",
  ].filter((p) => p !== "");
  return { subject: `${r.agencyName} badges: ${parts.join(", ")}`, textBody, htmlBody };
}

/** The month's list of an instructor's entries that still cannot be badged. */
export function composeDigest(d: Digest): InstructorMessage {
  const label = monthLabel(d.month);
  const n = d.entries.length;
  const { textBody, htmlBody } = new Body()
    .para(greeting(d.instructorName))
    .para(
      `${n === 1 ? "This entry" : `These ${n} entries`} you reported in ${label} cannot be badged until ${n === 1 ? "it is" : "they are"} corrected:`,
    )
    .list(d.entries.map(problemItem))
    .para(d.entries.every((e) => e.link) ? HOW_TO_FIX : NO_LINK)
    .para(d.senderName)
    .done();
  return {
    subject: `${d.agencyName} badges: ${plural(n, "entry", "entries")} from ${label} still ${n === 1 ? "needs" : "need"} a fix`,
    textBody,
    htmlBody,
  };
}
