import type { CostTable, Limits } from "./costs";

export type AuthMode = "NONE" | "LIMITED" | "FULL";

/** The virtual clock every execution shares: service calls and Utilities.sleep move it on. */
export class VirtualClock {
  constructor(private ms: number) {}
  now(): number {
    return this.ms;
  }
  advance(ms: number): void {
    if (ms > 0) this.ms += ms;
  }
  /** Jumps forward to `ms` (never back: time only moves on). */
  setAtLeast(ms: number): void {
    if (ms > this.ms) this.ms = ms;
  }
}

/**
 * Thrown at the first service call after the execution's time is up (or at an injected kill).
 * Apps Script ends the run there without a guarantee that `finally` runs, so once killed every
 * further service call throws again and the run is reported as killed whatever the script caught.
 */
export class ExecutionKilled extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ExecutionKilled";
  }
}

/** Counts calls by "Class.member". */
export type CallCounts = Record<string, number>;

export interface ExecutionRecord {
  id: number;
  functionName: string;
  user: string;
  authMode: AuthMode;
  /** "menu" for a direct run, "trigger" for a fired trigger. */
  origin: "direct" | "trigger";
  startedAt: number;
  endedAt: number;
  ok: boolean;
  killed: boolean;
  value?: unknown;
  error?: string;
  calls: CallCounts;
  logs: string[];
}

/** Which AuthMode a service needs (Google's authorization-modes table; see README of the runtime). */
export type AuthNeed = "NONE" | "LIMITED" | "FULL";

const AUTH_RANK: Record<AuthMode, number> = { NONE: 0, LIMITED: 1, FULL: 2 };

/**
 * One execution: who runs it, in which AuthMode, its own call counts and time budget. Services
 * created for an execution charge their cost and count their calls here.
 */
export class Execution {
  readonly calls: CallCounts = {};
  readonly logs: string[] = [];
  readonly startedAt: number;
  killed = false;
  /** "trigger" when a trigger fired the run: Google refuses SpreadsheetApp.getUi() there. */
  origin: "direct" | "trigger" = "direct";
  private callIndex = 0;
  /** Hooks run before a service call (fault injection, overlapping runs). */
  readonly beforeCall: Array<(member: string, index: number) => void> = [];

  constructor(
    readonly id: number,
    readonly functionName: string,
    readonly user: string,
    readonly authMode: AuthMode,
    readonly clock: VirtualClock,
    readonly costs: CostTable,
    readonly limits: Limits,
    /** Makes an Error of the script's own realm, so `e instanceof Error` holds in the script. */
    readonly makeError: (message: string) => Error,
    readonly timeLimitMs: number = limits.executionMs,
    /** Kill the execution at this service call (1-based), as if the limit struck there. */
    readonly killAtCall?: number,
  ) {
    this.startedAt = clock.now();
  }

  elapsedMs(): number {
    return this.clock.now() - this.startedAt;
  }

  charge(ms: number): void {
    this.clock.advance(ms);
  }

  /** Called at the start of every emulated member: counts it, enforces time, auth and injected faults. */
  enter(className: string, member: string, need: AuthNeed): void {
    const key = `${className}.${member}`;
    if (this.killed) throw new ExecutionKilled("Exceeded maximum execution time");
    this.callIndex += 1;
    for (const hook of this.beforeCall) hook(key, this.callIndex);
    if (this.killAtCall !== undefined && this.callIndex >= this.killAtCall) {
      this.killed = true;
      throw new ExecutionKilled("Exceeded maximum execution time");
    }
    if (this.elapsedMs() >= this.timeLimitMs) {
      this.killed = true;
      throw new ExecutionKilled("Exceeded maximum execution time");
    }
    if (AUTH_RANK[this.authMode] < AUTH_RANK[need]) {
      throw this.makeError(
        `You do not have permission to call ${key}. This function runs in AuthMode.${this.authMode} and needs full authorization.`,
      );
    }
    this.calls[key] = (this.calls[key] ?? 0) + 1;
  }
}

const PASS_THROUGH = new Set<PropertyKey>(["toJSON", "then", "inspect", "constructor", "asymmetricMatch", "nodeType"]);

/**
 * Wraps an emulated Apps Script object: each member in `impl` is counted and checked on every
 * call; any other member throws `not emulated: Class.member` instead of quietly being undefined.
 * `impl` is typed as a Pick of the real class, so an emulated signature cannot drift from
 * @types/google-apps-script.
 */
export function emulate<T extends object>(exec: Execution, className: string, impl: T, need: AuthNeed = "FULL"): T {
  return new Proxy(impl, {
    get(target, prop, receiver) {
      if (typeof prop === "symbol" || PASS_THROUGH.has(prop)) return Reflect.get(target, prop, receiver);
      if (!(prop in target)) throw exec.makeError(`not emulated: ${className}.${String(prop)}`);
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        exec.enter(className, prop, need);
        return value.apply(target, args);
      };
    },
  });
}
