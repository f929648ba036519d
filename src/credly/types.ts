/**
 * The Credly shapes BadgeDesk sends and reads, under Credly's own field names. Read shapes keep
 * only the fields we use: the parser copies those and ignores the rest, so a new field in
 * Credly's answer changes nothing here.
 */

/** A badge's claim state. Credly may add states; an unknown one is kept as Credly wrote it. */
export type BadgeState = "pending" | "accepted" | "rejected" | "revoked";

/** The body of `POST /v1/organizations/{org}/badges`: the domain builds it (DESIGN.md, "domain/"). */
export type { BadgeRequest } from "../domain/badge-request";

/** An issued badge as Credly reports it. */
export interface Badge {
  id: string;
  /** One of BadgeState, or a newer state Credly added. */
  state: BadgeState | string;
  recipient_email: string;
  issued_to_first_name: string;
  issued_to_last_name: string;
  issuer_earner_id: string | null;
  /** ISO UTC with milliseconds, e.g. "2021-04-14T07:22:14.000Z". */
  issued_at: string;
  /** The earner's claim link; null when Credly leaves it out. */
  accept_badge_url: string | null;
  badge_template: { id: string; name: string };
  revocation_reason: string | null;
  /** ISO UTC of the badge's last change (a claim, a rejection, a revocation); null when left out. */
  updated_at: string | null;
}

export interface BadgeTemplate {
  id: string;
  name: string;
  /** "active", "archived" or "draft". */
  state: string;
  allow_duplicate_badges: boolean;
  url: string | null;
  image_url: string | null;
  /** The organization that owns it; names the organization on the settings page. */
  owner: { id: string; name: string } | null;
}

/** `metadata` of a list answer. `next_page_url` is null on the last page. */
export interface PageMetadata {
  count: number;
  current_page: number;
  total_count: number;
  total_pages: number;
  per: number;
  previous_page_url: string | null;
  next_page_url: string | null;
}

/** Every Credly answer: `{ data, metadata }`; metadata is `{}` on one object, null on an error. */
export interface Envelope<T, M = PageMetadata | Record<string, never> | null> {
  data: T;
  metadata: M;
}

/** Credly's error body: `{"data": {"message": "..."}, "metadata": null}`. */
export type ErrorEnvelope = Envelope<{ message: string }, null>;

/** One page of a badge listing, and where the next one is (null on the last page). */
export interface BadgePage {
  items: Badge[];
  /** Credly's total for the whole listing, all pages. */
  totalCount: number;
  /** `next_page_url` rebuilt onto the configured base; null on the last page. */
  next: string | null;
}

/** What a search over several pages found. */
export interface Found<T> {
  items: T[];
  /** Credly's total for the whole search, all pages. */
  totalCount: number;
  /** False when `maxPages` stopped the search before the last page. */
  complete: boolean;
}
