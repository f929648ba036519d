/**
 * A chaos run's plan, drawn from one seed: the month (size, form entries, a dropped form trigger)
 * and the faults (Credly's, killed executions, the mail quota, an overlapping menu run, a person
 * sorting or deleting report rows, the lock held elsewhere). Printed on failure, so
 * `npm run chaos -- --seed N` replays it.
 */
import { FAULT_KINDS, type FaultKind } from "../../local/credly-sandbox/faults";
import { seededRandom } from "../../local/demo";

export interface ChaosPlan {
  seed: number;
  /** Students of the generated month (bad entries, several credentials each, vendor and held badges). */
  students: number;
  /** Extra students reported through the instructor form in the month's last days. */
  formEntries: number;
  /** Of those, how many submissions' triggers fail (reconcile must pick them up). */
  droppedTriggers: number;
  /** Share of Credly requests meeting each fault. */
  credly: Partial<Record<FaultKind, number>>;
  /** Executions killed: [nth cycle execution (1-based), at its service call]. */
  kills: Array<[execution: number, call: number]>;
  /** Mail recipients a day (1500 = Workspace; smaller runs out mid-month). */
  mailPerDay: number;
  /** The menu's "Run the cycle now" started inside this cycle execution (0 = never). */
  menuOverlapAt: number;
  /** After these cycle executions a person sorts the report tab (Z→A by Student). */
  sortAfter: number[];
  /** After this cycle execution a person deletes a Vendor badge / Needs fix row (0 = never). */
  deleteAfter: number;
  /** After this cycle execution another script holds the lock for 15 minutes (0 = never). */
  lockAfter: number;
}

/** Client timeout (ms) for a `slow` answer: the sandbox answers after SLOW_MS, by then it is a timeout. */
export const TIMEOUT_MS = 150;
export const SLOW_MS = 400;

export function drawPlan(seed: number): ChaosPlan {
  const r = seededRandom(seed * 7919 + 17);
  const kinds = FAULT_KINDS.filter(() => r.next() < 0.5);
  const credly: Partial<Record<FaultKind, number>> = {};
  for (const kind of kinds) credly[kind] = Math.round((0.03 + r.next() * 0.12) * 100) / 100;
  const kills: Array<[number, number]> = [];
  const killCount = r.int(0, 3);
  for (let i = 0; i < killCount; i++) kills.push([r.int(1, 8), r.int(3, 120)]);
  const formEntries = r.int(0, 4);
  return {
    seed,
    students: r.int(20, 40),
    formEntries,
    droppedTriggers: formEntries ? r.int(0, formEntries) : 0,
    credly,
    kills,
    mailPerDay: r.next() < 0.3 ? r.int(5, 20) : 1500,
    menuOverlapAt: r.next() < 0.3 ? r.int(1, 4) : 0,
    sortAfter: r.next() < 0.5 ? [r.int(1, 6)] : [],
    deleteAfter: r.next() < 0.3 ? r.int(1, 6) : 0,
    lockAfter: r.next() < 0.2 ? r.int(1, 6) : 0,
  };
}
