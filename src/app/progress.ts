import type { Clock, PropertyStore } from "./ports";

/** What a long run is doing now; the progress sidebar polls it, across executions. */
export interface Progress {
  job: string;
  phase: string;
  done: number;
  total: number;
  slice: number;
  quotaLeft: number | null;
  message: string;
  updatedAt: string;
  finished: boolean;
}

export const PROGRESS_KEY = "badgedesk.progress";

export function readProgress(scriptProperties: PropertyStore): Progress | null {
  const raw = scriptProperties.get(PROGRESS_KEY);
  return raw ? (JSON.parse(raw) as Progress) : null;
}

export function writeProgress(
  scriptProperties: PropertyStore,
  clock: Clock,
  progress: Omit<Progress, "updatedAt">,
): void {
  scriptProperties.set(PROGRESS_KEY, JSON.stringify({ ...progress, updatedAt: clock.now().toISOString() }));
}
