import type { Badge, BadgeTemplate, PageMetadata } from "./types";

/**
 * Reads Credly's answers into our shapes. Tolerant of extra and missing optional fields; null
 * when something we cannot do without (an id, a state, the envelope) is absent.
 */

type Obj = Record<string, unknown>;

function isObj(value: unknown): value is Obj {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

function num(value: unknown, fallback: number): number {
  return typeof value === "number" && Number.isFinite(value) ? value : fallback;
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** `data` of an envelope, or undefined when the body is not `{ "data": ... }`. */
export function envelopeData(body: string): unknown {
  const parsed = parseJson(body);
  return isObj(parsed) ? parsed.data : undefined;
}

export function readBadge(value: unknown): Badge | null {
  if (!isObj(value)) return null;
  const id = str(value.id);
  const state = str(value.state);
  if (!id || !state) return null;
  const template = isObj(value.badge_template) ? value.badge_template : {};
  return {
    id,
    state,
    recipient_email: str(value.recipient_email) ?? "",
    issued_to_first_name: str(value.issued_to_first_name) ?? "",
    issued_to_last_name: str(value.issued_to_last_name) ?? "",
    issuer_earner_id: str(value.issuer_earner_id),
    issued_at: str(value.issued_at) ?? "",
    accept_badge_url: str(value.accept_badge_url),
    badge_template: { id: str(template.id) ?? "", name: str(template.name) ?? "" },
    revocation_reason: str(value.revocation_reason),
    updated_at: str(value.updated_at),
  };
}

export function readTemplate(value: unknown): BadgeTemplate | null {
  if (!isObj(value)) return null;
  const id = str(value.id);
  if (!id) return null;
  const owner = isObj(value.owner) ? value.owner : null;
  return {
    id,
    name: str(value.name) ?? "",
    state: str(value.state) ?? "",
    allow_duplicate_badges: value.allow_duplicate_badges === true,
    url: str(value.url),
    image_url: str(value.image_url),
    owner: owner ? { id: str(owner.id) ?? "", name: str(owner.name) ?? "" } : null,
  };
}

/** A list answer: its items (unread) and its metadata, or null when the body is not one. */
export function readPage(body: string): { data: unknown[]; metadata: PageMetadata } | null {
  const parsed = parseJson(body);
  if (!isObj(parsed) || !Array.isArray(parsed.data)) return null;
  const meta = isObj(parsed.metadata) ? parsed.metadata : {};
  return {
    data: parsed.data,
    metadata: {
      count: num(meta.count, parsed.data.length),
      current_page: num(meta.current_page, 1),
      total_count: num(meta.total_count, parsed.data.length),
      total_pages: num(meta.total_pages, 1),
      per: num(meta.per, parsed.data.length),
      previous_page_url: str(meta.previous_page_url),
      next_page_url: str(meta.next_page_url),
    },
  };
}
