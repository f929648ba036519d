import type { FaultKind } from "./faults";

/** One Credly API request as the sandbox saw it, for tests to read back. */
export interface LoggedRequest {
  at: string;
  method: string;
  /** Path and query as sent, e.g. /v1/organizations/…/badges?filter=… */
  path: string;
  /** Lower-case header names; the authorization token is masked. */
  headers: Record<string, string>;
  /** The body parsed as JSON when it is JSON, else the raw text (null when empty). */
  body: unknown;
  /** The status answered, or null when the connection was dropped. */
  status: number | null;
  /** The body answered (what the API produced, even when a fault hid it from the client). */
  answer: unknown;
  fault: FaultKind | null;
}

/** Bounded, so a long benchmark cannot grow the sandbox without end. */
const LIMIT = 20_000;

export class RequestLog {
  private entries: LoggedRequest[] = [];

  add(entry: LoggedRequest): void {
    this.entries.push(entry);
    if (this.entries.length > LIMIT) this.entries.splice(0, this.entries.length - LIMIT);
  }

  all(): LoggedRequest[] {
    return this.entries;
  }

  clear(): void {
    this.entries = [];
  }
}

/** `Basic base64("demo-write-token:")` becomes `Basic demo***`: enough to tell tokens apart. */
export function maskHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const masked: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    masked[name] = name === "authorization" ? maskAuthorization(String(value)) : String(value);
  }
  return masked;
}

function maskAuthorization(value: string): string {
  const match = /^Basic\s+(\S+)$/.exec(value);
  if (!match) return "***";
  const user = Buffer.from(match[1], "base64").toString("utf8").split(":")[0];
  return `Basic ${user.length > 8 ? user.slice(0, 4) : ""}***`;
}

export function parseBody(text: string): unknown {
  if (text === "") return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
