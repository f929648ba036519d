/**
 * One chaos run: a generated month typed into a fresh workbook, the built bundle's monthly cycle
 * scheduled and left to run in virtual time, while the plan's faults happen to it. Returns what
 * the invariants need to judge the run, and what was injected.
 */

import { typeRows } from "../../local/cli/workbook";
import type { Sandbox } from "../../local/credly-sandbox/launcher";
import { CATALOG, credentialRows, demoOrganization, generateMonth } from "../../local/demo";
import {
  ExecutionKilled,
  formsOf,
  holdLock,
  propertiesOf,
  Runtime,
  runUntil,
  spreadsheetOf,
  triggersOf,
  urlFetchOf,
} from "../../local/runtime";
import { DIST, SPECIALIST, WRITE_TOKEN } from "../e2e/harness";
import { type ChaosPlan, TIMEOUT_MS } from "./plan";

export const MONTH = "2026-11";
export const REPORT = `Badges ${MONTH}`;
const START = new Date("2026-11-26T15:00:00Z");
/**
 * November's cycle must be done by then: the notice delay, a week of 5-a-day quota days and
 * Credly retries fit well before; a cycle that waits for January's monthly trigger to go on
 * has stalled.
 */
const HORIZON = new Date("2026-12-31T00:00:00Z");
const MINUTE = 60_000;

export interface Injected {
  kills: number;
  menuOverlaps: number;
  sorts: number;
  deletes: number;
  lockHeld: number;
  droppedTriggers: number;
  quotaLimited: number;
}

export interface ChaosOutcome {
  runtime: Runtime;
  /** Entry IDs a person deleted from the report tab (not "lost" by BadgeDesk). */
  deletedByPerson: Set<string>;
  /** Emails of the students reported through the form. */
  formEmails: string[];
  injected: Injected;
  /** The most triggers the project held at the end of any execution. */
  mostTriggers: number;
  /** Executions that ended in an error other than a kill this run injected. */
  errors: string[];
  finished: boolean;
}

function reportGrid(runtime: Runtime) {
  const book = spreadsheetOf(runtime);
  const grid = book.sheet(REPORT) ? book.values(REPORT) : [];
  const header = grid.findIndex((r) => r[0] === "Entry ID");
  return { book, grid, header };
}

/** A person sorts the report's table by Student, Z to A (the summary block stays on top). */
function sortReport(runtime: Runtime): boolean {
  const { book, grid, header } = reportGrid(runtime);
  if (header < 0) return false;
  const body = grid.slice(header + 1).filter((r) => r.some((v) => v !== ""));
  const student = grid[header].indexOf("Student");
  body.sort((a, b) => String(b[student]).localeCompare(String(a[student])));
  book.setValues(REPORT, header + 2, 1, body);
  return true;
}

/** A person deletes one row they do not care about (a Vendor badge or Needs fix entry). */
function deleteRow(runtime: Runtime, deleted: Set<string>): boolean {
  const { book, grid, header } = reportGrid(runtime);
  if (header < 0) return false;
  const decision = grid[header].indexOf("Decision");
  const body = grid.slice(header + 1).filter((r) => r.some((v) => v !== ""));
  const victim = body.find((r) => r[decision] === "Vendor badge" || r[decision] === "Needs fix");
  if (!victim) return false;
  const kept = body.filter((r) => r !== victim);
  deleted.add(String(victim[0]));
  book.setValues(REPORT, header + 2, 1, [...kept, grid[header].map(() => "")]);
  return true;
}

/** Types the month, creates the form, submits the form entries (some triggers fail), schedules. */
function prepare(runtime: Runtime, plan: ChaosPlan, sandbox: Sandbox): string[] {
  const run = (name: string, ...args: unknown[]) => {
    const record = runtime.run(name, { event: args[0], args: args.slice(1) });
    if (!record.ok) throw new Error(`${name} failed: ${record.error}`);
    return record.value;
  };
  urlFetchOf(runtime).allowUrlPrefix(sandbox.url);
  urlFetchOf(runtime).setTimeoutMs(TIMEOUT_MS);
  propertiesOf(runtime).script.set(
    "badgedesk.settings",
    JSON.stringify({
      specialistEmail: SPECIALIST,
      credlyEnvironment: "custom",
      credlyCustomUrl: sandbox.url,
      credlyOrganizationId: demoOrganization().id,
      noticeDelayDays: 2,
    }),
  );
  propertiesOf(runtime).user(SPECIALIST).set("badgedesk.credlyToken", WRITE_TOKEN);
  run("setUpWorkbook");
  const book = spreadsheetOf(runtime);
  typeRows(book, "Credentials", credentialRows(CATALOG) as unknown as Record<string, unknown>[]);
  const month = generateMonth({ month: MONTH, seed: plan.seed, students: plan.students });
  typeRows(book, "Entries", month.entries as unknown as Record<string, unknown>[]);
  const { formId } = run("createInstructorForm") as { formId: string };
  const agency = CATALOG.filter((c) => c.badgeIssuer === "Agency" && c.active && c.templateId);
  const emails: string[] = [];
  for (let i = 0; i < plan.formEntries; i++) {
    const email = `chaos${plan.seed}-form${i}@student.example.org`;
    emails.push(email);
    formsOf(runtime).submit(
      formId,
      {
        "Instructor Name": "Dana Whitfield",
        Site: "Tulsa Tech",
        Program: "Culinary Arts",
        "Student First Name": `Form${i}`,
        "Student Last Name": "Chaos",
        "Student Email": email,
        Credential: agency[(plan.seed + i) % agency.length].credential,
        "Date Earned": "2026-11-20",
      },
      {
        respondentEmail: "d.whitfield@tulsatech.example.edu",
        at: new Date(START.getTime() + (i + 1) * 60 * MINUTE),
        triggerFails: i < plan.droppedTriggers,
      },
    );
  }
  run("scheduleMonthlyRun", 1, 6);
  return emails;
}

/** Runs the plan against a sandbox already reset to the month's seed and faults. */
export function runChaos(plan: ChaosPlan, sandbox: Sandbox): ChaosOutcome {
  const runtime = new Runtime({
    distDir: DIST,
    start: START,
    user: SPECIALIST,
    limits: { mailRecipientsPerDay: plan.mailPerDay },
  });
  const injected: Injected = {
    kills: 0,
    menuOverlaps: 0,
    sorts: 0,
    deletes: 0,
    lockHeld: 0,
    droppedTriggers: plan.droppedTriggers,
    quotaLimited: plan.mailPerDay < 1500 ? 1 : 0,
  };
  const formEmails = prepare(runtime, plan, sandbox);

  // Cycle executions are counted as the triggers start them; kills and the overlap key on that count.
  const cycleRuns = new Map<number, number>();
  const killedIds = new Set<number>();
  let overlapDone = false;
  runtime.beforeCall.push((exec, _member, index) => {
    if (!/MonthlyCycle$/.test(exec.functionName) || exec.origin !== "trigger") return;
    if (!cycleRuns.has(exec.id)) cycleRuns.set(exec.id, cycleRuns.size + 1);
    const nth = cycleRuns.get(exec.id)!;
    if (!overlapDone && plan.menuOverlapAt === nth && index === 5) {
      overlapDone = true;
      injected.menuOverlaps += 1;
      spreadsheetOf(runtime).ui.answers.push({ button: "YES" });
      runtime.run("runCycleNow");
    }
    if (plan.kills.some(([n, call]) => n === nth && call === index)) {
      injected.kills += 1;
      killedIds.add(exec.id);
      exec.killed = true;
      throw new ExecutionKilled("Exceeded maximum execution time");
    }
  });
  let mostTriggers = 0;
  runtime.endHooks.push(() => {
    mostTriggers = Math.max(mostTriggers, triggersOf(runtime).filter((t) => !t.spent).length);
  });

  const deletedByPerson = new Set<string>();
  let finished = false;
  let steps = 0;
  for (let guard = 0; guard < 5000 && runtime.clock.now() < HORIZON.getTime(); guard++) {
    const due = triggersOf(runtime)
      .filter((t) => t.eventType === "CLOCK" && !t.spent && t.nextFire)
      .map((t) => (t.nextFire as Date).getTime());
    const state = JSON.parse(propertiesOf(runtime).script.get("badgedesk.cycle") ?? "null");
    if (state?.month === MONTH && (state.phase === "done" || state.stopped)) {
      finished = true;
      break;
    }
    if (due.length === 0) break;
    // A trigger due in the past that did not fire would hold the clock still: step a minute on.
    runUntil(runtime, new Date(Math.max(Math.min(...due), runtime.clock.now() + MINUTE)));
    if (cycleRuns.size === steps) continue;
    steps = cycleRuns.size;
    if (plan.sortAfter.includes(steps) && sortReport(runtime)) injected.sorts += 1;
    if (plan.deleteAfter === steps && deletedByPerson.size === 0 && deleteRow(runtime, deletedByPerson))
      injected.deletes += 1;
    if (plan.lockAfter === steps && injected.lockHeld === 0) {
      injected.lockHeld += 1;
      holdLock(runtime, "script", runtime.clock.now() + 15 * MINUTE);
    }
  }
  // The cycle's and intake's executions must not fail; the weekly claim refresh may end in a
  // Credly error (it says it tries again next week), which Google mails to the trigger's owner.
  const errors = runtime.executions
    .filter((e) => !e.ok && !killedIds.has(e.id) && e.functionName !== "refreshClaimStates")
    .map((e) => `${e.functionName} #${e.id}: ${e.error}`);
  return { runtime, deletedByPerson, formEmails, injected, mostTriggers, errors, finished };
}
