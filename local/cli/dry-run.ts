import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { NoticePlan, RenderedNotice } from "../../src/app/notice-dialog";
import { outboxOf, type Runtime, spreadsheetOf, urlFetchOf } from "../runtime";
import { toEml } from "../runtime/mail/eml";
import { call, entryPoint } from "./entry-points";
import { CliError } from "./options";
import { countReport, type ReportCounts, reportLines } from "./report-sheet";

export interface DryRun {
  counts: ReportCounts;
  /** The Send notices dialog's numbers: students who would get a message now, and the rows. */
  plan: NoticePlan | null;
  /** Notices rendered into `folder`, one .eml per student. */
  rendered: number;
  /** Students whose notice could not be rendered, with why. */
  unrendered: string[];
  folder: string;
}

/** Requests that change something at Credly: anything but a read. */
function credlyWrites(runtime: Runtime): number {
  return urlFetchOf(runtime).requests.filter((r) => r.method.toUpperCase() !== "GET").length;
}

function emptied(folder: string): string {
  mkdirSync(folder, { recursive: true });
  for (const old of readdirSync(folder)) if (old.endsWith(".eml")) rmSync(path.join(folder, old));
  return folder;
}

/**
 * The phases without side effects, through the entry points the menu calls: Build monthly report
 * (intake first: Entry IDs, in memory only; then the month's report (decisions, with Credly reads for "Already badged")), and
 * the Send notices dialog's plan. Each notice that would go out is rendered by the dialog's preview
 * and kept as an .eml in `would-send/`. Nothing is sent and nothing is issued: checked, not assumed.
 */
export function dryRun(runtime: Runtime, month: string, outDir: string): DryRun {
  const report = entryPoint(runtime, "report");
  if (!report) throw new CliError("This build cannot build the monthly report yet (buildMonthlyReport).", 1);
  // The menu item reconciles intake first, then asks which month: the specialist types it.
  spreadsheetOf(runtime).ui.answers.push({ button: "OK", text: month });
  call(runtime, report);
  const counts = countReport(reportLines(spreadsheetOf(runtime), month));
  const planner = entryPoint(runtime, "noticePlan");
  const plan = planner ? (call(runtime, planner, month).value as NoticePlan) : null;

  const folder = emptied(path.join(outDir, "would-send"));
  const preview = entryPoint(runtime, "preview");
  const unrendered: string[] = [];
  let rendered = 0;
  for (const email of preview ? counts.studentsDue : []) {
    const record = runtime.run(preview as string, { event: { month, email } });
    const notice = record.value as RenderedNotice | null | undefined;
    if (!record.ok || !notice || notice.errors.length > 0) {
      unrendered.push(`${email}: ${record.error ?? notice?.errors.join("; ") ?? "nothing to preview"}`);
      continue;
    }
    rendered++;
    const eml = toEml({
      id: `w${rendered}`,
      at: runtime.clock.now(),
      transport: "MailApp",
      user: runtime.user,
      from: plan?.sender.from || runtime.user,
      name: plan?.sender.name,
      replyTo: plan?.sender.replyTo || undefined,
      to: [notice.to],
      cc: [],
      bcc: [],
      subject: notice.subject,
      text: notice.text,
      html: notice.html,
    });
    writeFileSync(path.join(folder, `w${rendered}.eml`), eml);
  }

  const mail = outboxOf(runtime).messages.length;
  const writes = credlyWrites(runtime);
  if (mail > 0 || writes > 0) {
    throw new CliError(
      `The dry run sent ${mail} e-mail(s) and made ${writes} change(s) at Credly: please report this.`,
      1,
    );
  }
  return { counts, plan, rendered, unrendered, folder };
}
