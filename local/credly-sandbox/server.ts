import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { handleAdmin } from "./admin";
import { type ApiAnswer, CredlyApi } from "./api";
import { errorJson } from "./credly-json";
import { FaultDealer, type FaultKind, type FaultPlan } from "./faults";
import { maskHeaders, parseBody, RequestLog } from "./request-log";
import { rulesWith, type SandboxRules } from "./rules";
import type { SandboxSeed } from "./seed";
import { CredlyStore } from "./store";

export interface SandboxServerOptions {
  seed: SandboxSeed;
  /** JSON file the state persists to; an existing file is loaded instead of the seed. */
  dataFile?: string;
  faults?: FaultPlan;
  rules?: Partial<SandboxRules>;
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
}

export interface RunningSandbox {
  url: string;
  port: number;
  /** The seed in force (from the data file when one was loaded). */
  seed: SandboxSeed;
  close(): Promise<void>;
}

/** A 1×1 transparent PNG, served for the badge image URLs so pages that show them load. */
const PIXEL = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);

/**
 * The Credly sandbox's HTTP server (Node's own http): Credly's API under /v1/ and /api/v1/
 * (Credly's response URLs carry the extra /api; following them must work), the admin routes
 * under /_admin/, fault injection and the request log.
 */
export async function startSandboxServer(options: SandboxServerOptions): Promise<RunningSandbox> {
  const store = CredlyStore.open(options.seed, options.dataFile);
  const log = new RequestLog();
  const initialPlan = options.faults ?? {};
  let dealer = new FaultDealer(initialPlan);
  let base = "";
  const api = new CredlyApi(store, rulesWith(options.rules), () => base);
  const controls = {
    store,
    log,
    faults: () => dealer.plan,
    setFaults: (plan: FaultPlan) => {
      dealer = new FaultDealer(plan);
    },
    resetFaults: () => {
      dealer = new FaultDealer(initialPlan);
    },
  };
  const timers = new Set<NodeJS.Timeout>();

  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    const url = new URL(req.url ?? "/", "http://sandbox");
    const method = req.method ?? "GET";
    if (url.pathname.startsWith("/_admin/")) {
      send(res, handleAdmin(method, url.pathname, parseBody(body), controls));
      return;
    }
    if (url.pathname.startsWith("/images/")) {
      res.writeHead(200, { "content-type": "image/png" }).end(PIXEL);
      return;
    }
    const apiPath = /^\/(?:api\/)?v1(\/.*)$/.exec(url.pathname)?.[1];
    if (!apiPath) {
      send(res, { status: 404, body: errorJson("Not Found") });
      return;
    }
    const fault = dealer.next(method);
    const record = (status: number | null, answer: unknown) =>
      log.add({
        at: new Date().toISOString(),
        method,
        path: req.url ?? "/",
        headers: maskHeaders(req.headers),
        body: parseBody(body),
        status,
        answer,
        fault,
      });
    const before = faultBeforeActing(fault, dealer.retryAfterSeconds);
    if (before) {
      record(before.status, before.body);
      send(res, before);
      return;
    }
    let answer: ApiAnswer;
    try {
      answer = api.handle({ method, path: apiPath, query: url.searchParams, headers: req.headers, body });
    } catch (error) {
      answer = { status: 500, body: errorJson(`Sandbox error: ${(error as Error).message}`) };
    }
    if (fault === "act-then-drop") {
      record(null, answer.body);
      req.socket.destroy();
    } else if (fault === "act-then-500") {
      record(500, answer.body);
      send(res, { status: 500, body: errorJson("Internal Server Error") });
    } else if (fault === "slow") {
      record(answer.status, answer.body);
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!res.destroyed) send(res, answer);
      }, dealer.slowMs);
      timers.add(timer);
    } else {
      record(answer.status, answer.body);
      send(res, answer);
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve);
  });
  const port = (server.address() as AddressInfo).port;
  base = `http://${options.host ?? "127.0.0.1"}:${port}`;
  return {
    url: base,
    port,
    seed: store.seed(),
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function faultBeforeActing(fault: FaultKind | null, retryAfterSeconds: number): ApiAnswer | null {
  switch (fault) {
    case "429":
      return {
        status: 429,
        body: errorJson("Too Many Requests"),
        headers: { "retry-after": String(retryAfterSeconds) },
      };
    case "500":
      return { status: 500, body: errorJson("Internal Server Error") };
    case "503":
      return { status: 503, body: errorJson("Service Unavailable") };
    default:
      return null;
  }
}

function send(res: ServerResponse, answer: ApiAnswer): void {
  res.writeHead(answer.status, { "content-type": "application/json; charset=utf-8", ...answer.headers });
  res.end(JSON.stringify(answer.body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
