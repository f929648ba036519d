/**
 * Faults the real Credly can show (reference: credly-api.md — 429 and 5xx undocumented but seen;
 * a request whose outcome is unknown must be reconciled). Drawn from a seeded generator so a run
 * with the same seed and the same requests meets the same faults.
 *
 * - `429`, `500`, `503`: answered at once, nothing done.
 * - `slow`: done at once, answered after `slowMs` (beyond a client's timeout, the badge exists).
 * - `act-then-500`: done, then answered 500.
 * - `act-then-drop`: done, then the connection is dropped with no answer.
 */
export type FaultKind = "429" | "500" | "503" | "slow" | "act-then-500" | "act-then-drop";

export const FAULT_KINDS: readonly FaultKind[] = ["429", "500", "503", "slow", "act-then-500", "act-then-drop"];

export interface FaultPlan {
  /** Seed of the generator (default 1). */
  seed?: number;
  /** Share (0..1) of eligible requests that meet each fault; shares add up, at most 1. */
  rates?: Partial<Record<FaultKind, number>>;
  /** Faults for the next eligible requests, in order, before any rate applies ("none" = answer normally). */
  script?: (FaultKind | "none")[];
  /** Only requests with these methods are eligible (default: all). */
  methods?: string[];
  /** Delay of a `slow` answer in real milliseconds (default 2000). */
  slowMs?: number;
  /** Retry-After seconds sent with a 429 (default 1). */
  retryAfterSeconds?: number;
}

/** Decides, request by request, which fault (if any) a plan deals out. */
export class FaultDealer {
  private random: () => number;
  private script: (FaultKind | "none")[];

  constructor(readonly plan: FaultPlan = {}) {
    checkPlan(plan);
    this.random = mulberry32(plan.seed ?? 1);
    this.script = [...(plan.script ?? [])];
  }

  get slowMs(): number {
    return this.plan.slowMs ?? 2000;
  }

  get retryAfterSeconds(): number {
    return this.plan.retryAfterSeconds ?? 1;
  }

  next(method: string): FaultKind | null {
    if (this.plan.methods && !this.plan.methods.includes(method)) return null;
    const scripted = this.script.shift();
    if (scripted) return scripted === "none" ? null : scripted;
    const rates = this.plan.rates ?? {};
    if (Object.keys(rates).length === 0) return null;
    let roll = this.random();
    for (const kind of FAULT_KINDS) {
      roll -= rates[kind] ?? 0;
      if (roll < 0) return kind;
    }
    return null;
  }
}

function checkPlan(plan: FaultPlan): void {
  const rates = plan.rates ?? {};
  let total = 0;
  for (const [kind, share] of Object.entries(rates)) {
    if (!FAULT_KINDS.includes(kind as FaultKind)) throw new Error(`Unknown fault kind: ${kind}`);
    if (typeof share !== "number" || share < 0 || share > 1) throw new Error(`Fault share of ${kind} must be 0..1`);
    total += share;
  }
  if (total > 1 + 1e-9) throw new Error(`Fault shares add up to ${total}, more than 1`);
  for (const kind of plan.script ?? []) {
    if (kind !== "none" && !FAULT_KINDS.includes(kind)) throw new Error(`Unknown fault kind: ${kind}`);
  }
}

/** A small, well-known 32-bit generator: same seed, same sequence, on every machine. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
