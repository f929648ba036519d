import { type CredlyError, isTransient } from "./errors";

/**
 * When to try a failed Credly call again: pure logic; the issuing use case drives the loop with
 * the Clock port. Credly publishes no rate limit (reference: H); real clients retry 429 and 5xx
 * with exponential backoff (M), and a network failure is retried the same way. A 4xx other than
 * 429 is final: Credly's own plugin does not retry a 422.
 *
 * Retrying an issue whose outcome is unknown (network, 5xx) is the caller's to reconcile: look the
 * badge up before posting again.
 */
export interface RetryPolicy {
  /** First backoff step. */
  baseMs: number;
  /** Largest backoff step (a Retry-After may ask for more, and is honoured). */
  maxMs: number;
  /** Tries in one slice, the first included. */
  maxAttempts: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseMs: 1000, maxMs: 30_000, maxAttempts: 5 };

export type RetryDecision =
  | { retry: true; delayMs: number }
  /** "final": retrying will not help; "attempts" or "time": give up for this slice, try next slice. */
  | { retry: false; reason: "final" | "attempts" | "time" };

export interface RetryInput {
  error: CredlyError;
  /** Attempts made so far, the one that just failed included (1 after the first failure). */
  attempt: number;
  /** Time left in this slice for waiting and the next try; the caller keeps its own margin. */
  remainingMs: number;
  /** Uniform in [0, 1): Math.random in production, seeded in tests and chaos runs. */
  random: () => number;
}

/**
 * Exponential backoff with equal jitter (half fixed, half random, so tries spread out but never
 * come back at once), Retry-After as a lower bound, and nothing that does not fit the time left.
 */
export function retryDecision(input: RetryInput, policy: RetryPolicy = DEFAULT_RETRY_POLICY): RetryDecision {
  const { error, attempt, remainingMs, random } = input;
  if (!isTransient(error)) return { retry: false, reason: "final" };
  if (attempt >= policy.maxAttempts) return { retry: false, reason: "attempts" };
  const step = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  const jittered = Math.round(step / 2 + random() * (step / 2));
  const askedMs = error.kind === "rateLimited" && error.retryAfterSeconds !== null ? error.retryAfterSeconds * 1000 : 0;
  const delayMs = Math.max(jittered, askedMs);
  if (delayMs >= remainingMs) return { retry: false, reason: "time" };
  return { retry: true, delayMs };
}
