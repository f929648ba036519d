import type { HttpResponse } from "../app/ports";

/**
 * Every way a Credly call can fail, each with a message the specialist can act on. `message` is
 * what the sheet's Last Error column and the settings page show.
 */
export type CredlyError =
  | { kind: "invalidToken"; status: 401; message: string }
  | { kind: "forbidden"; status: 403; message: string }
  | { kind: "validation"; status: 422; credlyMessage: string; message: string }
  | { kind: "duplicate"; status: 422; credlyMessage: string; message: string }
  | { kind: "notFound"; status: 404; message: string }
  | { kind: "rateLimited"; status: 429; retryAfterSeconds: number | null; message: string }
  | { kind: "server"; status: number; message: string }
  | { kind: "network"; cause: string; message: string }
  | { kind: "unexpected"; status: number; message: string };

export type CredlyErrorKind = CredlyError["kind"];

export type CredlyResult<T> = { ok: true; value: T } | { ok: false; error: CredlyError };

/** What the request was for, in the specialist's words ("issuing a badge"). */
export interface Doing {
  doing: string;
  /** Only an issue can be a duplicate: a 422 elsewhere ("already revoked") is not one. */
  issuing?: boolean;
}

/**
 * Credly's wording for a duplicate is not recorded (reference: H for the rule, M for the 422),
 * so any 422 on issue whose message speaks of a duplicate or of something already held counts.
 * This is the one place that decides it.
 */
const DUPLICATE_WORDING = /duplicate|already/i;

export function isDuplicateMessage(credlyMessage: string): boolean {
  return DUPLICATE_WORDING.test(credlyMessage);
}

/** Long enough to show Credly's sentence, short enough for a cell and a log line. */
const SNIPPET_CHARS = 300;

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > SNIPPET_CHARS ? `${flat.slice(0, SNIPPET_CHARS)}…` : flat;
}

/** Credly's `data.message`, or null when the body is not Credly's error envelope. */
export function credlyMessageOf(body: string): string | null {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed !== "object" || parsed === null) return null;
    const data = (parsed as { data?: unknown }).data;
    if (typeof data !== "object" || data === null) return null;
    const message = (data as { message?: unknown }).message;
    return typeof message === "string" ? message : null;
  } catch {
    return null;
  }
}

/**
 * Retry-After in seconds, or null. Credly publishes no rate-limit headers (reference: H), so this
 * is a hint when a proxy sends one; the HTTP-date form is ignored (no clock here).
 */
export function retryAfterSeconds(headers: Record<string, string>): number | null {
  for (const name of Object.keys(headers)) {
    if (name.toLowerCase() !== "retry-after") continue;
    const value = String(headers[name]).trim();
    return /^\d+$/.test(value) ? Number(value) : null;
  }
  return null;
}

/** Maps an HTTP answer that is not 2xx to the error the specialist sees. */
export function errorFromResponse(response: HttpResponse, context: Doing): CredlyError {
  const { status } = response;
  const credlyMessage = credlyMessageOf(response.body);
  const said = credlyMessage ?? snippet(response.body);
  const { doing } = context;
  if (status === 401) {
    return {
      kind: "invalidToken",
      status,
      message:
        `Credly refused the token (401) while ${doing}: check the token in Settings, ` +
        "and that it belongs to the chosen Credly environment (production or sandbox).",
    };
  }
  if (status === 403) {
    // A token without write permission is probably answered 403 (reference: L).
    return {
      kind: "forbidden",
      status,
      message:
        `Credly did not allow ${doing} (403): the token may lack permission for it; ` +
        "ask your Credly organization admin for a token that can issue badges.",
    };
  }
  if (status === 404) {
    return {
      kind: "notFound",
      status,
      message: `Credly found nothing there (404) while ${doing}: check the Organization ID in Settings.`,
    };
  }
  if (status === 422) {
    const text = credlyMessage ?? said;
    if (context.issuing && isDuplicateMessage(text)) {
      return {
        kind: "duplicate",
        status,
        credlyMessage: text,
        message: `Credly says this earner already has this badge (422: ${text}): not issued again.`,
      };
    }
    const hint = /template/i.test(text) ? " Check the Credly Template ID on the Credentials sheet." : "";
    return {
      kind: "validation",
      status,
      credlyMessage: text,
      message: `Credly rejected ${doing} (422): ${text}${hint}`,
    };
  }
  if (status === 429) {
    const seconds = retryAfterSeconds(response.headers);
    const asked = seconds === null ? "" : ` (Credly asked for ${seconds} s)`;
    return {
      kind: "rateLimited",
      status,
      retryAfterSeconds: seconds,
      message: `Credly is limiting requests (429) while ${doing}: BadgeDesk waits and tries again${asked}.`,
    };
  }
  if (status >= 500) {
    return {
      kind: "server",
      status,
      message: `Credly had a server error (${status}) while ${doing}: BadgeDesk tries again later.`,
    };
  }
  return {
    kind: "unexpected",
    status,
    message: `Credly answered HTTP ${status} while ${doing}, which BadgeDesk does not expect: ${said}`,
  };
}

/** The Http port threw: timeout or connection lost. Whether Credly acted is unknown. */
export function networkError(thrown: unknown, baseUrl: string, context: Doing): CredlyError {
  const cause = snippet(thrown instanceof Error ? thrown.message : String(thrown));
  return {
    kind: "network",
    cause,
    message: `Could not reach Credly at ${baseUrl} while ${context.doing} (${cause}): check the connection and the Credly environment in Settings.`,
  };
}

/** A 2xx answer whose body is not what Credly sends. */
export function unreadableAnswer(status: number, body: string, context: Doing): CredlyError {
  return {
    kind: "unexpected",
    status,
    message: `Credly's answer while ${context.doing} could not be read: ${snippet(body) || "(empty)"}`,
  };
}

/** True when retrying later may succeed (429, 5xx, network), as real Credly clients do. */
export function isTransient(error: CredlyError): boolean {
  return error.kind === "rateLimited" || error.kind === "server" || error.kind === "network";
}

/** Replaces every secret in the error's words: a thrown cause can quote anything. */
export function redacted(error: CredlyError, secrets: string[]): CredlyError {
  const hide = (text: string) =>
    secrets.filter((s) => s.length > 0).reduce((t, secret) => t.split(secret).join("[token]"), text);
  const copy = { ...error, message: hide(error.message) };
  if (copy.kind === "network") copy.cause = hide(copy.cause);
  if (copy.kind === "validation" || copy.kind === "duplicate") copy.credlyMessage = hide(copy.credlyMessage);
  return copy;
}
