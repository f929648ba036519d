/**
 * Which Credly badge is an entry's, when a lookup (by e-mail and template) finds some. Used when
 * Credly may have issued the badge without our hearing the answer, and when Credly refuses a
 * duplicate. A revoked badge is nobody's current badge; a badge the Ledger already gives to
 * another entry is that entry's (a renewable credential can be held more than once).
 */

export interface FoundBadge {
  id: string;
  state: string;
  recipient_email: string;
  badge_template: { id: string };
  /** ISO UTC, as Credly reports it. */
  issued_at: string;
}

export interface Wanted {
  email: string;
  templateId: string;
  /** The issue date we sent (the entry's Entered At): the best sign that the badge is this entry's. */
  issuedAt: Date | null;
}

/** Credly may keep issued_at to the second only. */
const SAME_INSTANT_MS = 1000;

/**
 * The entry's badge among `found`, or null. `heldByOthers` are badge ids the Ledger records for
 * other entries. Among the rest, one issued at the entry's own Entered At wins; otherwise the
 * first Credly listed.
 */
export function badgeOfEntry(
  found: readonly FoundBadge[],
  wanted: Wanted,
  heldByOthers: ReadonlySet<string>,
): FoundBadge | null {
  const email = wanted.email.trim().toLowerCase();
  const candidates = found.filter(
    (badge) =>
      badge.state !== "revoked" &&
      !heldByOthers.has(badge.id) &&
      badge.recipient_email.trim().toLowerCase() === email &&
      badge.badge_template.id === wanted.templateId,
  );
  if (candidates.length === 0) return null;
  const at = wanted.issuedAt?.getTime();
  const sameInstant =
    at === undefined ? undefined : candidates.find((b) => Math.abs(Date.parse(b.issued_at) - at) < SAME_INSTANT_MS);
  return sameInstant ?? candidates[0];
}
