import path from "node:path";
import { createSyncFn } from "synckit";

/** One request as it goes on the wire: the bytes UrlFetchApp would send. */
export interface WireRequest {
  url: string;
  /** Upper case, as on the wire. */
  method: string;
  headers: Record<string, string>;
  bodyBase64?: string;
  followRedirects: boolean;
}

/** How a request ended: an HTTP answer (any status), or a failure at the network level. */
export type WireResult =
  | { ok: true; status: number; headers: Array<[string, string]>; bodyBase64: string; elapsedMs: number }
  | { ok: false; failure: "timeout" | "refused" | "dns" | "other"; message: string; elapsedMs: number };

type SendAll = (requests: WireRequest[], timeoutMs: number) => Promise<WireResult[]>;

let sendAll: ((requests: WireRequest[], timeoutMs: number) => WireResult[]) | undefined;

/**
 * Sends every request concurrently on real sockets and blocks until all have ended, so the
 * script's synchronous code can wait on them. The worker thread starts on first use.
 */
export function sendSync(requests: WireRequest[], timeoutMs: number): WireResult[] {
  // synckit's own timeout is a backstop; the worker's per-request abort fires first.
  sendAll ??= createSyncFn<SendAll>(path.join(__dirname, "fetch-worker.mjs"));
  return sendAll(requests, timeoutMs);
}
