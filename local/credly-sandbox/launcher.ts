import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FaultPlan } from "./faults";
import type { LoggedRequest } from "./request-log";
import type { SandboxRules } from "./rules";
import type { SandboxSeed } from "./seed";
import type { BadgeRecord } from "./store";

export interface SandboxOptions {
  /** A seed object, or the path of a seed file (default: the demo seed). */
  seed?: SandboxSeed | string;
  /** Persist state to this JSON file; an existing file is loaded instead of the seed. */
  dataFile?: string;
  /** Faults from the start; `faults.seed` seeds the generator so runs repeat. */
  faults?: FaultPlan;
  /** Overrides of the L facts (locales, non-JSON status, future issued_at, …). */
  rules?: Partial<SandboxRules>;
  /** Fixed port (default: a free one). */
  port?: number;
  /** Further command-line flags, as `npm run sandbox -- ...` takes them (e.g. ["--fault", "503=1"]). */
  cliArgs?: string[];
}

/** The earner's side and the test controls (the /_admin/ routes). */
export interface SandboxAdmin {
  /** Back to the seed (or to a new one): badges, auto-accepts, request log, faults. */
  reset(seed?: SandboxSeed): Promise<void>;
  accept(badgeId: string): Promise<BadgeRecord>;
  reject(badgeId: string): Promise<BadgeRecord>;
  /** Later badges to this address arrive already accepted. */
  autoAccept(email: string): Promise<void>;
  badges(): Promise<BadgeRecord[]>;
  requests(): Promise<LoggedRequest[]>;
  clearRequests(): Promise<void>;
  setFaults(plan: FaultPlan): Promise<void>;
}

export interface Sandbox {
  /** e.g. http://127.0.0.1:41234 — Credly's API is at `${url}/v1/organizations/...`. */
  url: string;
  port: number;
  admin: SandboxAdmin;
  /** SIGTERM, then waits for the process to end. */
  stop(): Promise<void>;
  /** SIGKILL at once: a crash, for persistence tests. */
  kill(): void;
  /** Resolves when the process has ended, however it ended. */
  exited: Promise<void>;
  /** What the process has written to stderr so far (a crash's stack, for a failing test). */
  errors(): string;
}

const ROOT = path.resolve(__dirname, "..", "..");
const CLI = path.join(__dirname, "cli.ts");
const READY = /credly-sandbox ready (http:\/\/\S+)/;
const running = new Set<ChildProcess>();

// A sandbox must not outlive the test run that started it.
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

/**
 * Starts a Credly sandbox in its own process (node with tsx) on 127.0.0.1 and resolves once it
 * prints its ready line. Each call is a separate Credly: two sandboxes never share state.
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const args = ["--import", "tsx", CLI, "--port", String(options.port ?? 0)];
  let seedDir: string | undefined;
  if (typeof options.seed === "string") args.push("--seed", options.seed);
  else if (options.seed) {
    seedDir = mkdtempSync(path.join(tmpdir(), "credly-seed-"));
    const file = path.join(seedDir, "seed.json");
    writeFileSync(file, JSON.stringify(options.seed));
    args.push("--seed", file);
  }
  if (options.dataFile) args.push("--data", options.dataFile);
  if (options.faults) args.push("--faults-json", JSON.stringify(options.faults));
  if (options.rules) args.push("--rules-json", JSON.stringify(options.rules));
  args.push(...(options.cliArgs ?? []));

  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  running.add(child);
  const exited = new Promise<void>((resolve) =>
    child.once("exit", () => {
      running.delete(child);
      if (seedDir) rmSync(seedDir, { recursive: true, force: true });
      resolve();
    }),
  );

  let err = "";
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => fail("did not print its ready line within 20 s"), 20_000);
    function fail(why: string) {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(new Error(`Credly sandbox ${why}.\nstdout: ${out}\nstderr: ${err}`));
    }
    child.stderr?.on("data", (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = READY.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once("exit", (code) => fail(`exited with code ${code}`));
  });
  // Keep reading so a chatty child never blocks on a full pipe, and never keep the parent alive.
  child.stdout?.resume();
  child.unref();
  (child.stdout as unknown as { unref?: () => void })?.unref?.();
  (child.stderr as unknown as { unref?: () => void })?.unref?.();

  return {
    url,
    port: Number(new URL(url).port),
    admin: adminClient(url),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
    kill: () => {
      child.kill("SIGKILL");
    },
    exited,
    errors: () => err,
  };
}

function adminClient(url: string): SandboxAdmin {
  const send = (method: string, route: string, body?: unknown) =>
    fetch(`${url}/_admin${route}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const call = async <T>(method: string, route: string, body?: unknown): Promise<T> => {
    // Node's server closes an idle keep-alive socket after 5 s; a request that picks that socket
    // from the pool as it closes fails with "other side closed". Admin calls are idempotent: retry once.
    const response = await send(method, route, body).catch(() => send(method, route, body));
    const json = await response.json();
    if (!response.ok) throw new Error(`Credly sandbox admin ${method} ${route}: ${JSON.stringify(json)}`);
    return json as T;
  };
  return {
    reset: async (seed) => {
      await call("POST", "/reset", seed ? { seed } : {});
    },
    accept: (id) => call("POST", `/badges/${encodeURIComponent(id)}/accept`),
    reject: (id) => call("POST", `/badges/${encodeURIComponent(id)}/reject`),
    autoAccept: async (email) => {
      await call("POST", "/auto-accept", { email });
    },
    badges: () => call("GET", "/badges"),
    requests: () => call("GET", "/requests"),
    clearRequests: async () => {
      await call("DELETE", "/requests");
    },
    setFaults: async (plan) => {
      await call("PUT", "/faults", plan);
    },
  };
}
