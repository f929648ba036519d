/**
 * Issue #13: the benchmark's smallest workloads through its own harness, on the built bundle. Not
 * a timed test: it proves the figures are produced and agree with what happened (one mail call per
 * student notified, one POST per badge, the naive path slower), never how fast this machine is.
 */
import { type BenchResults, markdown } from "../../bench/results";
import { runBench } from "../../bench/run";
import { checkTargets } from "../../bench/targets";
import type { WorkloadResult } from "../../bench/workloads";

jest.setTimeout(120_000);

let results: BenchResults;
const named = (name: string): WorkloadResult => {
  const found = results.workloads.find((w) => w.name === name);
  if (!found) throw new Error(`no workload ${name}`);
  return found;
};

beforeAll(async () => {
  results = await runBench({ only: "notices-500", cpu: false });
  const issuing = await runBench({ only: "issuing-500", cpu: false });
  const naive = await runBench({ only: "naive-issuing-500", cpu: false });
  results.workloads.push(...issuing.workloads, ...naive.workloads);
  results.targets = checkTargets(results.workloads);
});

describe("the benchmark's smallest workloads", () => {
  it("sends one mail call per student notified, and no more messages than calls", () => {
    const notices = named("notices-500");
    expect(notices.outcome.studentsNotified).toBeGreaterThan(0);
    expect(notices.measured.mailCalls).toBe(notices.outcome.studentsNotified);
    expect(notices.measured.messages).toBe(notices.measured.mailCalls);
    expect(notices.limit.mailCalls).toBe(notices.outcome.studentsNotified);
  });

  it("issues every ready badge with one POST each, in fetchAll batches", () => {
    const issuing = named("issuing-500");
    expect(issuing.outcome.badgesIssued).toBe(500);
    expect(issuing.measured.httpPosts).toBe(500);
    expect(issuing.measured.fetchCalls).toBeLessThan(500 / 20);
    expect(issuing.measured.calls["UrlFetchApp.fetch"] ?? 0).toBe(0);
  });

  it("runs the naive path on the same rows with one fetch per badge, and it takes longer in virtual time", () => {
    const naive = named("naive-issuing-500");
    const batched = named("issuing-500");
    expect(naive.outcome.badgesIssued).toBe(500);
    expect(naive.measured.calls["UrlFetchApp.fetch"]).toBe(500);
    expect(naive.measured.busySeconds).toBeGreaterThan(batched.measured.busySeconds);
  });

  it("adds up the service calls of each workload from its members, and the virtual time from its executions", () => {
    for (const w of results.workloads) {
      const byService = Object.values(w.measured.byService).reduce((a, b) => a + b, 0);
      const byMember = Object.values(w.measured.calls).reduce((a, b) => a + b, 0);
      expect(byService).toBe(byMember);
      expect(w.measured.executions).toBeGreaterThan(0);
      expect(w.measured.busySeconds).toBeGreaterThan(0);
      expect(w.measured.spanSeconds).toBeGreaterThanOrEqual(w.measured.longestSeconds);
      expect(w.limit.ms).toBeGreaterThan(0);
    }
  });

  it("checks the calls and batching targets of notices and issuing, and the fetchAll speed-up", () => {
    const targetsOf = (workload: string) => results.targets.filter((t) => t.workload === workload).map((t) => t.target);
    expect(targetsOf("notices-500")).toHaveLength(2);
    expect(targetsOf("issuing-500")).toHaveLength(3);
  });

  it("writes a results page naming each workload and each target", () => {
    const page = markdown(results);
    for (const w of results.workloads) expect(page).toContain(`| ${w.name} |`);
    expect(page).toContain("## Targets");
    expect(page).toContain("Issuing with fetchAll");
  });
});
