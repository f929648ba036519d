import type { CredlyResult } from "./errors";

/** Credly's hosts (reference/credly-api.md, H). Only v1 exists; paths start at /v1/. */
const HOSTS = {
  production: "https://api.credly.com",
  sandbox: "https://sandbox-api.credly.com",
} as const;

export type CredlyEnvironment = "production" | "sandbox" | "custom";

/**
 * The base URL for a Settings choice. A custom base is any http(s) address, e.g. the local
 * sandbox at http://127.0.0.1:8787; a trailing "/" or "/v1" pasted with it is dropped.
 */
export function credlyBaseUrl(env: CredlyEnvironment, custom?: string): string {
  if (env !== "custom") return HOSTS[env];
  const base = (custom ?? "").trim().replace(/\/+$/, "").replace(/\/v1$/, "");
  if (!/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/i.test(base)) {
    throw new Error(
      `The custom Credly address "${custom ?? ""}" is not an http(s) address: enter one like http://127.0.0.1:8787 in Settings.`,
    );
  }
  return base;
}

/** `filter=key::value|key2::v1,v2`, keys in Credly's words; null when nothing is filtered. */
export function filterParam(pairs: Array<[string, string | string[] | undefined]>): string | null {
  const parts = pairs
    .filter(([, value]) => value !== undefined && (typeof value === "string" || value.length > 0))
    .map(([key, value]) => `${key}::${Array.isArray(value) ? value.join(",") : value}`);
  return parts.length > 0 ? parts.join("|") : null;
}

export function withQuery(url: string, params: Array<[string, string | null | undefined]>): string {
  const query = params
    .filter((p): p is [string, string] => typeof p[1] === "string")
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join("&");
  return query ? `${url}${url.includes("?") ? "&" : "?"}${query}` : url;
}

function origin(url: string): string {
  const match = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]+)/i.exec(url);
  return match ? match[1].toLowerCase() : "";
}

/**
 * Where to fetch the next page. Credly's `next_page_url` reads
 * `https://api.credly.com/api/v1/organizations/...`: an extra `/api` before `/v1`, and the
 * production host. Followed as given, it would send the sandbox token to production, miss the
 * local sandbox entirely, and could fall outside the manifest's urlFetchWhitelist. So the
 * `/api/v1` form is rebuilt onto the configured base (same path after /v1, same query);
 * any other link on the configured host is followed as given; a link to another host is refused,
 * because following it would hand our token to that host.
 */
export function nextPageUrl(next: string, baseUrl: string): CredlyResult<string> {
  const apiForm = /^(?:[a-z][a-z0-9+.-]*:\/\/[^/?#]+)?\/api(\/v1\/.*)$/i.exec(next);
  if (apiForm) return { ok: true, value: `${baseUrl}${apiForm[1]}` };
  if (next.startsWith("/")) return { ok: true, value: `${origin(baseUrl)}${next}` };
  if (origin(next) === origin(baseUrl)) return { ok: true, value: next };
  return {
    ok: false,
    error: {
      kind: "unexpected",
      status: 200,
      message: `Credly's next-page link points to another address (${origin(next) || next}); BadgeDesk does not send the token there.`,
    },
  };
}
