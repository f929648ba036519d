import http from "node:http";
import type { AddressInfo } from "node:net";
import { BRIDGE_CLIENT } from "./bridge-client";
import type { Runtime } from "./runtime";

/** A page served to a browser, with google.script.run wired to the runtime. */
export interface ServedPage {
  /** http://127.0.0.1:PORT/ — open it in the browser. */
  url: string;
  /** Every google.script.run call the page made, in order. */
  calls: Array<{ name: string; args: unknown[]; ok: boolean; error?: string }>;
  /** How many times the page called google.script.host.close(). */
  hostClosed(): number;
  close(): Promise<void>;
}

function hasDate(value: unknown): boolean {
  if (value instanceof Date || Object.prototype.toString.call(value) === "[object Date]") return true;
  if (value && typeof value === "object") return Object.values(value).some(hasDate);
  return false;
}

/**
 * Google hands a server function's return value to the page as JSON-like data; a value holding a
 * Date (or a function) arrives as null (S: a well-known google.script.run pitfall).
 */
function toPageValue(value: unknown): unknown {
  if (value === undefined || hasDate(value)) return null;
  return JSON.parse(JSON.stringify(value) ?? "null");
}

function withClient(html: string): string {
  const tag = `<script>${BRIDGE_CLIENT}</script>`;
  const head = html.match(/<head[^>]*>/i);
  if (head?.index !== undefined)
    return html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length);
  return tag + html;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/**
 * Serves `html` (a page the script built, e.g. a recorded sidebar's content) on a local port,
 * with a google.script.run whose calls run top-level functions of the bundle as new executions
 * (`runtime.run(name, { event: args[0], args: rest })`), as Google does. In-process is safe here:
 * the browser calls in asynchronously; no synchronous script code waits on this server.
 * Names ending in "_" are private on Google and cannot be called from a page.
 */
export async function serveHtml(runtime: Runtime, html: string): Promise<ServedPage> {
  const calls: ServedPage["calls"] = [];
  let closes = 0;
  const server = http.createServer(async (req, res) => {
    const answer = (status: number, type: string, body: string) => {
      res.writeHead(status, { "Content-Type": type });
      res.end(body);
    };
    if (req.method === "GET") return answer(200, "text/html; charset=utf-8", withClient(html));
    const body = await readBody(req);
    if (req.url === "/__close") {
      closes += 1;
      return answer(200, "application/json", "{}");
    }
    if (req.url !== "/__run") return answer(404, "text/plain", "not found");
    const { name, args } = JSON.parse(body) as { name: string; args: unknown[] };
    let result: { ok: boolean; value?: unknown; message?: string };
    if (name.endsWith("_") || !runtime.hasEntryPoint(name)) {
      result = { ok: false, message: `Script function not found: ${name}` };
    } else {
      const record = runtime.run(name, { event: args[0], args: args.slice(1) });
      result = record.ok ? { ok: true, value: toPageValue(record.value) } : { ok: false, message: record.error };
    }
    calls.push({ name, args, ok: result.ok, error: result.message });
    return answer(200, "application/json", JSON.stringify(result));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    calls,
    hostClosed: () => closes,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
