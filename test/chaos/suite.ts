/**
 * Runs chaos seeds one after another against one Credly sandbox (reset to each run's month and
 * faults), judges each, and tallies what was injected. Used by chaos.test.ts and cli.ts.
 */
import { type Sandbox, startSandbox } from "../../local/credly-sandbox/launcher";
import { demoSandboxSeed } from "../../local/demo";
import { judge, type Verdict } from "./invariants";
import { type ChaosPlan, drawPlan, SLOW_MS } from "./plan";
import { type Injected, MONTH, runChaos } from "./run";

export interface SeedResult {
  plan: ChaosPlan;
  verdict: Verdict;
  injected: Injected;
  /** Credly faults the sandbox dealt, by kind. */
  credlyFaults: Record<string, number>;
  realMs: number;
}

export async function runSeed(seed: number, sandbox: Sandbox): Promise<SeedResult> {
  const began = Date.now();
  const plan = drawPlan(seed);
  const credly = demoSandboxSeed(seed, { month: MONTH, students: plan.students });
  await sandbox.admin.reset(credly);
  await sandbox.admin.setFaults({ seed, rates: plan.credly, slowMs: SLOW_MS, retryAfterSeconds: 1 });
  let verdict: Verdict;
  let injected: Injected;
  try {
    const outcome = runChaos(plan, sandbox);
    verdict = judge(outcome, await sandbox.admin.badges());
    injected = outcome.injected;
  } catch (error) {
    verdict = {
      violations: [`the run itself failed: ${(error as Error).stack}`],
      badgeRows: 0,
      notifiedAndBadged: 0,
      namedErrors: 0,
      duplicates: 0,
      lost: 0,
    };
    injected = { kills: 0, menuOverlaps: 0, sorts: 0, deletes: 0, lockHeld: 0, droppedTriggers: 0, quotaLimited: 0 };
  }
  const credlyFaults: Record<string, number> = {};
  for (const r of await sandbox.admin.requests()) if (r.fault) credlyFaults[r.fault] = (credlyFaults[r.fault] ?? 0) + 1;
  return { plan, verdict, injected, credlyFaults, realMs: Date.now() - began };
}

export async function withSandbox<T>(work: (sandbox: Sandbox) => Promise<T>): Promise<T> {
  const sandbox = await startSandbox({});
  try {
    return await work(sandbox);
  } finally {
    // The sandbox's process is unref'd: without a timer of our own node would see nothing left
    // to wait for and exit while it stops, before the totals are printed (as local/cli/run.ts).
    const keepAlive = setInterval(() => undefined, 1000);
    await sandbox.stop();
    clearInterval(keepAlive);
  }
}

/** Why a seed failed, with its plan, so `npm run chaos -- --seed N` replays it. */
export function failureReport(result: SeedResult): string {
  return [
    `seed ${result.plan.seed} FAILED — replay: npm run chaos -- --seed ${result.plan.seed} --runs 1`,
    `fault plan: ${JSON.stringify(result.plan)}`,
    `credly faults dealt: ${JSON.stringify(result.credlyFaults)}; injected: ${JSON.stringify(result.injected)}`,
    ...result.verdict.violations.slice(0, 15).map((v) => `  - ${v}`),
    result.verdict.violations.length > 15 ? `  … and ${result.verdict.violations.length - 15} more` : "",
  ]
    .filter(Boolean)
    .join("\n");
}
