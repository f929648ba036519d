import { readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import * as acorn from "acorn";
import { type CostTable, DEFAULT_COSTS, type Limits, limitsFor } from "./costs";
import { type AuthMode, Execution, ExecutionKilled, type ExecutionRecord, VirtualClock } from "./execution";

export interface RuntimeOptions {
  /** Folder with Code.js, appsscript.json and the HTML files (default: the project's dist/). */
  distDir?: string;
  /** Where virtual time starts (default 2026-11-02T12:00:00Z). */
  start?: Date;
  /** The account that runs menu items and owns triggers by default. */
  user?: string;
  /** Consumer (gmail.com) or Google Workspace quotas. */
  edition?: "consumer" | "workspace";
  costs?: Partial<CostTable>;
  limits?: Partial<Limits>;
}

export interface RunOptions {
  /** The event object handed to the function (a trigger's event, google.script.run's argument…). */
  event?: unknown;
  /** Extra arguments after the event (google.script.run passes several). */
  args?: unknown[];
  user?: string;
  authMode?: AuthMode;
  origin?: "direct" | "trigger";
  /** Kill the execution at this service call (fault injection). */
  killAtCall?: number;
  /** Time limit of this execution (30 s for simple triggers). */
  timeLimitMs?: number;
}

/**
 * Adds the globals of one or more services to an execution. Each service module (spreadsheet,
 * properties, triggers, mail, network…) registers one; state that outlives an execution lives in
 * the module's own model on the runtime, never in the context.
 */
export type ServiceInstaller = (exec: Execution, runtime: Runtime, realm: Realm) => Record<string, unknown>;

/** The script's own intrinsics, for values that must pass `instanceof` inside the script. */
export interface Realm {
  Error: ErrorConstructor;
  Array: ArrayConstructor;
  Object: ObjectConstructor;
}

const installers: ServiceInstaller[] = [];

/** Simple triggers run with limited authorisation and 30 seconds at most (apps-script.md, "Triggers"). */
const SIMPLE_TRIGGERS = new Set(["onOpen", "onEdit", "onInstall", "onSelectionChange"]);

/** Registers a service module; modules call this once when imported by local/runtime/index.ts. */
export function registerServices(installer: ServiceInstaller): void {
  installers.push(installer);
}

/** The names of the bundle's top-level function declarations: what Apps Script can call by name. */
export function topLevelFunctions(code: string): Set<string> {
  const program = acorn.parse(code, { ecmaVersion: 2019, sourceType: "script" });
  const names = new Set<string>();
  for (const node of program.body) {
    if (node.type === "FunctionDeclaration" && node.id) names.add(node.id.name);
  }
  return names;
}

export class Runtime {
  readonly clock: VirtualClock;
  readonly costs: CostTable;
  readonly limits: Limits;
  readonly edition: "consumer" | "workspace";
  readonly distDir: string;
  readonly manifest: {
    timeZone: string;
    oauthScopes?: string[];
    urlFetchWhitelist?: string[];
    [key: string]: unknown;
  };
  readonly user: string;
  /** Every execution so far, in order. */
  readonly executions: ExecutionRecord[] = [];
  /** Hooks run before each service call of every execution (fault injection, overlapping runs). */
  readonly beforeCall: Array<(exec: Execution, member: string, index: number) => void> = [];
  /** The execution running now (nested runs stack up: a run started from a hook). */
  readonly running: Execution[] = [];
  /** Per-module state: each service module keeps its model here under its own key. */
  readonly state = new Map<string, unknown>();

  private readonly script: vm.Script;
  private readonly entryPoints: Set<string>;
  private nextExecutionId = 1;

  constructor(options: RuntimeOptions = {}) {
    this.distDir = options.distDir ?? path.resolve(__dirname, "../../dist");
    const code = readFileSync(path.join(this.distDir, "Code.js"), "utf8");
    this.manifest = JSON.parse(readFileSync(path.join(this.distDir, "appsscript.json"), "utf8"));
    this.entryPoints = topLevelFunctions(code);
    this.script = new vm.Script(code, { filename: "Code.js" });
    this.clock = new VirtualClock((options.start ?? new Date("2026-11-02T12:00:00Z")).getTime());
    this.costs = { ...DEFAULT_COSTS, ...options.costs };
    this.edition = options.edition ?? "workspace";
    this.limits = { ...limitsFor(this.edition), ...options.limits };
    this.user = options.user ?? "specialist@agency.example";
  }

  /** The module state under `key`, made by `create` the first time. */
  model<T>(key: string, create: () => T): T {
    if (!this.state.has(key)) this.state.set(key, create());
    return this.state.get(key) as T;
  }

  now(): Date {
    return new Date(this.clock.now());
  }

  /** True when the bundle declares `name` as a top-level function (what Apps Script can call). */
  hasEntryPoint(name: string): boolean {
    return this.entryPoints.has(name);
  }

  /**
   * Runs one execution: a fresh context, the bundle evaluated in it, the services as globals,
   * then the top-level function called by name — the path a menu click, a trigger or
   * google.script.run takes. Never throws for the script's own errors: they are in the record.
   */
  run(functionName: string, options: RunOptions = {}): ExecutionRecord {
    if (!this.entryPoints.has(functionName)) {
      throw new Error(`Script function not found: ${functionName} (not a top-level function of the bundle)`);
    }
    const context = vm.createContext({});
    const realm = vm.runInContext("({ Error, Array, Object })", context) as Realm;
    const authMode = options.authMode ?? "FULL";
    const exec = new Execution(
      this.nextExecutionId++,
      functionName,
      options.user ?? this.user,
      authMode,
      this.clock,
      this.costs,
      this.limits,
      (message) => new realm.Error(message),
      options.timeLimitMs ??
        (SIMPLE_TRIGGERS.has(functionName) && authMode !== "FULL"
          ? this.limits.simpleTriggerMs
          : this.limits.executionMs),
      options.killAtCall,
    );
    exec.origin = options.origin ?? "direct";
    exec.beforeCall.push((member, index) => {
      for (const hook of this.beforeCall) hook(exec, member, index);
    });
    const globals: Record<string, unknown> = { Date: virtualDate(this.clock) };
    for (const install of installers) Object.assign(globals, install(exec, this, realm));
    for (const [name, value] of Object.entries(globals)) {
      Object.defineProperty(context, name, { value, writable: true, configurable: true, enumerable: false });
    }
    const record: ExecutionRecord = {
      id: exec.id,
      functionName,
      user: exec.user,
      authMode,
      origin: options.origin ?? "direct",
      startedAt: exec.startedAt,
      endedAt: exec.startedAt,
      ok: false,
      killed: false,
      calls: exec.calls,
      logs: exec.logs,
    };
    this.running.push(exec);
    try {
      this.script.runInContext(context);
      const fn = (context as Record<string, unknown>)[functionName] as (...args: unknown[]) => unknown;
      record.value = fn(options.event, ...(options.args ?? []));
      record.ok = !exec.killed;
      if (exec.killed) record.error = "Exceeded maximum execution time";
    } catch (error) {
      record.ok = false;
      record.error =
        error instanceof ExecutionKilled || exec.killed ? "Exceeded maximum execution time" : errorText(error);
    } finally {
      this.running.pop();
      record.killed = exec.killed;
      for (const end of this.endHooks) end(exec, record);
      record.endedAt = this.clock.now();
      this.executions.push(record);
    }
    return record;
  }

  /** Hooks run when an execution ends (commit pending sheet writes, release locks…). */
  readonly endHooks: Array<(exec: Execution, record: ExecutionRecord) => void> = [];

  /** Call counts summed over every execution so far, by "Class.member". */
  totalCalls(): Record<string, number> {
    const totals: Record<string, number> = {};
    for (const e of this.executions) {
      for (const [k, n] of Object.entries(e.calls)) totals[k] = (totals[k] ?? 0) + n;
    }
    return totals;
  }
}

function errorText(error: unknown): string {
  if (error && typeof error === "object" && "message" in error) return String((error as Error).message);
  return String(error);
}

/**
 * The script's `Date`: `new Date()` and `Date.now()` read the virtual clock. A Proxy over the
 * host's Date keeps `instanceof Date` true for dates the services hand back.
 */
function virtualDate(clock: VirtualClock): DateConstructor {
  return new Proxy(Date, {
    construct(target, args, newTarget) {
      if (args.length === 0) return Reflect.construct(target, [clock.now()], newTarget === undefined ? target : target);
      return Reflect.construct(target, args, target);
    },
    apply() {
      return new Date(clock.now()).toString();
    },
    get(target, prop, receiver) {
      if (prop === "now") return () => clock.now();
      return Reflect.get(target, prop, receiver);
    },
  });
}
