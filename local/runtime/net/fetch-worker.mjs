// The UrlFetchApp worker: synckit runs it in a worker thread so the script's synchronous fetch can
// wait on real sockets. node:http is used rather than fetch() because fetch lowercases the header
// names of the response, and Google hands them back as the server sent them.
// Errors never cross the worker boundary with their cause (synckit 0.12), so every outcome,
// failures included, is returned as plain data.
import http from "node:http";
import https from "node:https";
import { runAsWorker } from "synckit";

const MAX_REDIRECTS = 10;

/** @param {{url: string, method: string, headers: Record<string,string>, bodyBase64?: string, followRedirects: boolean}} request */
async function send(request, timeoutMs) {
  const started = performance.now();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    let current = request;
    for (let hop = 0; ; hop++) {
      const answer = await once(current, controller.signal);
      const location = answer.headers.find(([name]) => name.toLowerCase() === "location")?.[1];
      if (
        !current.followRedirects ||
        !location ||
        ![301, 302, 303, 307, 308].includes(answer.status) ||
        hop >= MAX_REDIRECTS
      ) {
        return { ok: true, ...answer, elapsedMs: performance.now() - started };
      }
      const keepBody = answer.status === 307 || answer.status === 308;
      current = {
        ...current,
        url: new URL(location, current.url).toString(),
        method: keepBody ? current.method : "GET",
        bodyBase64: keepBody ? current.bodyBase64 : undefined,
      };
    }
  } catch (error) {
    return {
      ok: false,
      failure: failureOf(error, controller.signal.aborted),
      message: String(error?.message ?? error),
      elapsedMs: performance.now() - started,
    };
  } finally {
    clearTimeout(timer);
  }
}

function failureOf(error, aborted) {
  if (aborted) return "timeout";
  const code = error?.code;
  if (code === "ECONNREFUSED" || code === "EHOSTUNREACH" || code === "ENETUNREACH") return "refused";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "dns";
  return "other";
}

function once(request, signal) {
  return new Promise((resolve, reject) => {
    const url = new URL(request.url);
    const body = request.bodyBase64 === undefined ? undefined : Buffer.from(request.bodyBase64, "base64");
    const headers = { ...request.headers };
    if (body !== undefined) headers["Content-Length"] = String(body.length);
    const client = url.protocol === "https:" ? https : http;
    const req = client.request(url, { method: request.method, headers, signal }, (res) => {
      const chunks = [];
      res.on("data", (chunk) => chunks.push(chunk));
      res.on("error", reject);
      res.on("end", () => {
        const pairs = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2) pairs.push([res.rawHeaders[i], res.rawHeaders[i + 1]]);
        resolve({ status: res.statusCode ?? 0, headers: pairs, bodyBase64: Buffer.concat(chunks).toString("base64") });
      });
    });
    req.on("error", reject);
    req.end(body);
  });
}

runAsWorker(async (requests, timeoutMs) => Promise.all(requests.map((r) => send(r, timeoutMs))));
