import type { CycleState } from "../domain/cycle-state";
import type { PropertyStore } from "./ports";

/** The cycle's state: one small JSON value (a property holds at most 9 KB: apps-script.md). */
export const CYCLE_KEY = "badgedesk.cycle";

export function loadCycle(scriptProperties: PropertyStore): CycleState | null {
  const raw = scriptProperties.get(CYCLE_KEY);
  return raw ? (JSON.parse(raw) as CycleState) : null;
}

export function saveCycle(scriptProperties: PropertyStore, state: CycleState): void {
  scriptProperties.set(CYCLE_KEY, JSON.stringify(state));
}
