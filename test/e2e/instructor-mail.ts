/**
 * The instructors' side of issue #15, shared by receipts.test.ts and corrections.test.ts: what
 * reaches an instructor's inbox, and following a correction link as they would (the link's
 * `entry.N=value` answers, a fix typed over one of them, Submit).
 */
import { formsOf, outboxOf, type SentMessage } from "../../local/runtime";
import type { World } from "./harness";

export const DANA = "d.whitfield@tulsatech.example.edu";

export const mailTo = (w: World, address: string): SentMessage[] =>
  outboxOf(w.runtime).messages.filter((m) => m.to.includes(address));

export const receiptsTo = (w: World, address: string) =>
  mailTo(w, address).filter((m) => !/still needs? a fix/.test(m.subject));

export const digestsTo = (w: World, address: string) =>
  mailTo(w, address).filter((m) => /still needs? a fix/.test(m.subject));

/** The plain-text bullets of a message ("Ana Lopez — ServSafe Food Handler — earned 2026-10-01"). */
export const bullets = (message: SentMessage) =>
  message.text
    .split("\n")
    .filter((line) => line.startsWith("  • "))
    .map((line) => line.slice(4));

/** The correction link given under a bullet that names `student`. */
export function linkFor(message: SentMessage, student: string): string {
  const lines = message.text.split("\n");
  for (let at = 0; at < lines.length; at++) {
    if (!lines[at].startsWith("  • ") || !lines[at].includes(student)) continue;
    for (const next of lines.slice(at + 1)) {
      if (next.startsWith("  • ")) break;
      const link = /^\s+Correct it: (\S+)$/.exec(next)?.[1];
      if (link) return link;
    }
  }
  throw new Error(`No correction link under ${student} in:\n${message.text}`);
}

/** Opens the pre-filled link, types `fix` over its answers, and submits as `respondent`. */
export function followLink(
  w: World,
  link: string,
  fix: Record<string, string>,
  respondent: string,
  at?: Date,
): Record<string, string> {
  const formId = /\/forms\/d\/e\/([^/]+)\/viewform/.exec(link)?.[1] ?? "";
  const form = formsOf(w.runtime).form(formId);
  const answers: Record<string, string> = {};
  for (const [name, value] of new URL(link).searchParams) {
    const item = form.items.find((i) => `entry.${i.id}` === name);
    if (item) answers[item.title] = value;
  }
  const submitted = { ...answers, ...fix };
  formsOf(w.runtime).submit(formId, submitted, { respondentEmail: respondent, at });
  return answers;
}
