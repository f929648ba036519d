import type { WireRequest } from "./wire";

type Options = GoogleAppsScript.URL_Fetch.URLFetchRequestOptions;

/** Apps Script's own User-Agent is "Mozilla/5.0 (compatible; Google-Apps-Script; …)" (S). */
export const USER_AGENT = "Mozilla/5.0 (compatible; Google-Apps-Script)";

/** The documented default content type of a payload (URLFetchRequestOptions.contentType). */
export const DEFAULT_CONTENT_TYPE = "application/x-www-form-urlencoded";

const METHODS = new Set(["get", "delete", "patch", "post", "put"]);

/** A Blob as far as UrlFetchApp reads one: its bytes and content type. */
interface BlobLike {
  getBytes(): number[];
  getContentType(): string | null;
}

function isBlob(value: unknown): value is BlobLike {
  return typeof value === "object" && value !== null && typeof (value as BlobLike).getBytes === "function";
}

function isByteArray(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((b) => typeof b === "number");
}

/**
 * Turns fetch's (url, params) into the bytes on the wire, following UrlFetchApp's rules: method
 * `get` by default; a string payload goes as UTF-8; an object payload is form-encoded (even when
 * contentType says JSON, so JSON needs a string payload); the content type defaults to
 * form-urlencoded. Throws a plain Error with Google's wording for an unusable argument.
 */
export function toWire(url: string, params: Options = {}): WireRequest {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`Invalid argument: ${url}`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new Error(`Invalid argument: ${url}`);
  const method = String(params.method ?? "get").toLowerCase();
  if (!METHODS.has(method)) throw new Error(`Attribute provided with invalid value: method (${params.method})`);
  const headers: Record<string, string> = { "User-Agent": USER_AGENT };
  for (const [name, value] of Object.entries(params.headers ?? {})) {
    if (name.toLowerCase() === "user-agent") headers["User-Agent"] = `${value} ${USER_AGENT}`;
    else headers[name] = String(value);
  }
  const body = payloadBytes(params.payload);
  if (body !== undefined) {
    const headerType = Object.keys(headers).find((name) => name.toLowerCase() === "content-type");
    const fromBlob = isBlob(params.payload) ? params.payload.getContentType() : null;
    const contentType =
      params.contentType ?? (headerType ? headers[headerType] : undefined) ?? fromBlob ?? DEFAULT_CONTENT_TYPE;
    if (headerType) delete headers[headerType];
    headers["Content-Type"] = contentType;
  }
  return {
    url: parsed.toString(),
    method: method.toUpperCase(),
    headers,
    bodyBase64: body?.toString("base64"),
    followRedirects: params.followRedirects !== false,
  };
}

function payloadBytes(payload: Options["payload"]): Buffer | undefined {
  if (payload === undefined || payload === null) return undefined;
  if (typeof payload === "string") return Buffer.from(payload, "utf8");
  if (isBlob(payload)) return Buffer.from(payload.getBytes().map((b) => b & 0xff));
  if (isByteArray(payload)) return Buffer.from(payload.map((b) => b & 0xff));
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(payload)) {
    if (isBlob(value)) throw new Error("not emulated: UrlFetchApp multipart/form-data payload (a Blob field)");
    form.append(name, String(value));
  }
  return Buffer.from(form.toString(), "utf8");
}
