/**
 * `npm run chaos -- --runs 200 [--seed S]`: seeds S, S+1, … (default 1) through the chaos run;
 * prints each failure with its seed and fault plan, the totals, and "N passed, N failed".
 * Exit code 1 when any seed failed.
 */
import { failureReport, runSeed, type SeedResult, withSandbox } from "./suite";

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} needs a whole number`);
  return value;
}

async function main() {
  const runs = option("runs", 20);
  const first = option("seed", 1);
  const results: SeedResult[] = [];
  const began = Date.now();
  await withSandbox(async (sandbox) => {
    for (let seed = first; seed < first + runs; seed++) {
      const result = await runSeed(seed, sandbox);
      results.push(result);
      const ok = result.verdict.violations.length === 0;
      process.stdout.write(
        ok
          ? `seed ${seed} ok (${result.verdict.badgeRows} badge rows, ${(result.realMs / 1000).toFixed(1)} s)\n`
          : `${failureReport(result)}\n`,
      );
    }
  });
  const failed = results.filter((r) => r.verdict.violations.length > 0);
  const sum = (f: (r: SeedResult) => number) => results.reduce((n, r) => n + f(r), 0);
  const credly: Record<string, number> = {};
  for (const r of results) for (const [k, v] of Object.entries(r.credlyFaults)) credly[k] = (credly[k] ?? 0) + v;
  const injected = [
    "kills",
    "menuOverlaps",
    "sorts",
    "deletes",
    "lockHeld",
    "droppedTriggers",
    "quotaLimited",
  ] as const;
  console.log(
    [
      `runs ${results.length} (seeds ${first}–${first + runs - 1}), ${((Date.now() - began) / 1000).toFixed(0)} s real, ` +
        `${(sum((r) => r.realMs) / Math.max(1, results.length) / 1000).toFixed(1)} s a run`,
      `Badge rows ${sum((r) => r.verdict.badgeRows)}: notified and badged ${sum((r) => r.verdict.notifiedAndBadged)}, named final error ${sum((r) => r.verdict.namedErrors)}`,
      `Credly faults: ${
        Object.entries(credly)
          .map(([k, v]) => `${k} ${v}`)
          .join(", ") || "none"
      }`,
      `other faults: ${injected.map((k) => `${k} ${sum((r) => r.injected[k])}`).join(", ")}`,
      `duplicates ${sum((r) => r.verdict.duplicates)}, lost ${sum((r) => r.verdict.lost)}`,
      `${results.length - failed.length} passed, ${failed.length} failed`,
    ].join("\n"),
  );
  process.exitCode = failed.length ? 1 : 0;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 2;
});
