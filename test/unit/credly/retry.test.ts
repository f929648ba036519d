import type { CredlyError } from "../../../src/credly";
import { DEFAULT_RETRY_POLICY, retryDecision } from "../../../src/credly";

const rateLimited = (retryAfterSeconds: number | null): CredlyError => ({
  kind: "rateLimited",
  status: 429,
  retryAfterSeconds,
  message: "",
});
const server: CredlyError = { kind: "server", status: 503, message: "" };
const network: CredlyError = { kind: "network", cause: "Timeout", message: "" };
const plenty = 300_000;
const at = (value: number) => () => value;

describe("retrying a failed Credly call", () => {
  it.each<CredlyError>([
    { kind: "validation", status: 422, credlyMessage: "x", message: "" },
    { kind: "duplicate", status: 422, credlyMessage: "x", message: "" },
    { kind: "invalidToken", status: 401, message: "" },
    { kind: "forbidden", status: 403, message: "" },
    { kind: "notFound", status: 404, message: "" },
    { kind: "unexpected", status: 400, message: "" },
  ])("does not retry $kind: it will not get better", (error) => {
    expect(retryDecision({ error, attempt: 1, remainingMs: plenty, random: at(0.5) })).toEqual({
      retry: false,
      reason: "final",
    });
  });

  it.each([rateLimited(null), server, network])("retries $kind", (error) => {
    expect(retryDecision({ error, attempt: 1, remainingMs: plenty, random: at(0.5) }).retry).toBe(true);
  });

  it("doubles the wait each attempt, jittered between half and all of the step", () => {
    const delays = (random: number) =>
      [1, 2, 3, 4].map((attempt) => retryDecision({ error: server, attempt, remainingMs: plenty, random: at(random) }));
    expect(delays(0)).toEqual([500, 1000, 2000, 4000].map((delayMs) => ({ retry: true, delayMs })));
    expect(delays(0.999).map((d) => d.retry && d.delayMs)).toEqual([1000, 1999, 3998, 7996]);
  });

  it("spreads retries by the random it is handed", () => {
    const wait = (random: number) =>
      retryDecision({ error: network, attempt: 3, remainingMs: plenty, random: at(random) });
    expect(wait(0.1)).not.toEqual(wait(0.9));
  });

  it("never waits longer than the largest step without being asked to", () => {
    const policy = { ...DEFAULT_RETRY_POLICY, maxAttempts: 50 };
    const decision = retryDecision({ error: server, attempt: 30, remainingMs: plenty, random: at(0.999) }, policy);
    expect(decision.retry && decision.delayMs).toBeLessThanOrEqual(policy.maxMs);
  });

  it("waits at least as long as Credly's Retry-After", () => {
    expect(retryDecision({ error: rateLimited(45), attempt: 1, remainingMs: plenty, random: at(0) })).toEqual({
      retry: true,
      delayMs: 45_000,
    });
  });

  it("keeps its own backoff when it is longer than Retry-After", () => {
    const decision = retryDecision({ error: rateLimited(1), attempt: 4, remainingMs: plenty, random: at(0) });
    expect(decision).toEqual({ retry: true, delayMs: 4000 });
  });

  it("gives up for this slice when the wait does not fit the time left", () => {
    expect(retryDecision({ error: server, attempt: 1, remainingMs: 400, random: at(0) })).toEqual({
      retry: false,
      reason: "time",
    });
    expect(retryDecision({ error: rateLimited(60), attempt: 1, remainingMs: 30_000, random: at(0) })).toEqual({
      retry: false,
      reason: "time",
    });
  });

  it("gives up for this slice after the last attempt", () => {
    const last = DEFAULT_RETRY_POLICY.maxAttempts;
    expect(retryDecision({ error: server, attempt: last, remainingMs: plenty, random: at(0) })).toEqual({
      retry: false,
      reason: "attempts",
    });
    expect(retryDecision({ error: server, attempt: last - 1, remainingMs: plenty, random: at(0) }).retry).toBe(true);
  });
});
