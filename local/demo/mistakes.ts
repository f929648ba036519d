import type { CatalogCredential } from "./catalog";
import type { EntryRow } from "./headers";
import type { Random } from "./random";

/**
 * The kinds of awkward entry people really make, in the order they are handed out (so a small
 * `badEntries` still gets the plainly wrong ones first). Some are awkward but valid: a typo in a
 * domain is still an address, a credential in other case still matches, a name beginning with "="
 * or holding HTML is still a name (kept as text and escaped).
 */
export const MISTAKE_KINDS = [
  "email-missing-at",
  "blank-first-name",
  "credential-misspelled",
  "credential-inactive",
  "credential-no-template",
  "duplicate-entry",
  "already-badged-in-credly",
  "email-two-at",
  "email-space",
  "email-two-addresses",
  "email-trailing-dot",
  "blank-last-name",
  "date-earned-future",
  "date-earned-text",
  "email-domain-typo",
  "credential-other-case",
  "formula-name",
  "html-name",
] as const;
export type MistakeKind = (typeof MISTAKE_KINDS)[number];

/** What the report should decide for an entry (DESIGN.md "Badges YYYY-MM", Decision). */
export type Decision = "Badge" | "Vendor badge" | "Needs fix" | "Already badged";

/** Kinds a person must fix before anything is sent. */
const NEEDS_FIX: ReadonlySet<MistakeKind> = new Set<MistakeKind>([
  "email-missing-at",
  "email-two-at",
  "email-space",
  "email-two-addresses",
  "email-trailing-dot",
  "blank-first-name",
  "blank-last-name",
  "credential-misspelled",
  "credential-inactive",
  "credential-no-template",
  "date-earned-future",
  "date-earned-text",
]);

/** Kinds that need a clean agency-badged entry to work on (the duplicate paths). */
export const NEEDS_AGENCY_BADGE: ReadonlySet<MistakeKind> = new Set<MistakeKind>([
  "duplicate-entry",
  "already-badged-in-credly",
]);

/** The intended decision for an entry of `kind` (undefined: a clean entry) about `credential`. */
export function intendedDecision(kind: MistakeKind | undefined, credential: CatalogCredential): Decision {
  if (kind && NEEDS_FIX.has(kind)) return "Needs fix";
  if (kind && NEEDS_AGENCY_BADGE.has(kind)) return "Already badged";
  return credential.badgeIssuer === "Vendor" ? "Vendor badge" : "Badge";
}

/** What a mutation may need besides the row itself. */
export interface MistakeContext {
  rng: Random;
  catalog: readonly CatalogCredential[];
  /** Midnight (in the zone) of a date `days` after the row's Entered At date. */
  earnedDaysAfterEntry(days: number): Date;
}

const ODD_DATE_TEXTS = ["last week", "TBD", "n/a", "Fri", "sometime in Oct", "13/45/2026", "see notes"];

/**
 * Changes a clean row into one showing `kind`, in place. "duplicate-entry" and
 * "already-badged-in-credly" leave the row as it is: they are made by the caller (a second row,
 * a badge already in Credly).
 */
export function applyMistake(kind: MistakeKind, row: EntryRow, ctx: MistakeContext): void {
  const { rng } = ctx;
  const email = row["Student Email"];
  const at = email.indexOf("@");
  switch (kind) {
    case "email-missing-at":
      row["Student Email"] = email.replace("@", rng.chance(0.5) ? "" : " at ");
      return;
    case "email-two-at":
      row["Student Email"] = email.replace("@", "@@");
      return;
    case "email-space":
      row["Student Email"] = `${email.slice(0, Math.max(1, at - 3))} ${email.slice(Math.max(1, at - 3))}`;
      return;
    case "email-two-addresses": {
      const personal = `${email.slice(0, at).replace(/\d+$/, "")}@example.com`;
      row["Student Email"] = `${email}, ${personal}`;
      return;
    }
    case "email-trailing-dot":
      row["Student Email"] = `${email}.`;
      return;
    case "email-domain-typo": {
      // Swap two letters of the school's name: still a well-formed address, just not theirs.
      const i = at + 1 + "students.".length + 1;
      row["Student Email"] = `${email.slice(0, i)}${email[i + 1]}${email[i]}${email.slice(i + 2)}`;
      return;
    }
    case "blank-first-name":
      row["Student First Name"] = rng.chance(0.7) ? "" : "  ";
      return;
    case "blank-last-name":
      row["Student Last Name"] = rng.chance(0.7) ? "" : " ";
      return;
    case "credential-misspelled":
      row.Credential = misspell(row.Credential, ctx.catalog);
      return;
    case "credential-other-case":
      row.Credential = rng.chance(0.5) ? row.Credential.toLowerCase() : ` ${row.Credential.toUpperCase()} `;
      return;
    case "credential-inactive":
      row.Credential = rng.pick(ctx.catalog.filter((c) => !c.active)).credential;
      return;
    case "credential-no-template":
      row.Credential = rng.pick(
        ctx.catalog.filter((c) => c.active && c.badgeIssuer === "Agency" && !c.templateId),
      ).credential;
      return;
    case "date-earned-future":
      row["Date Earned"] = ctx.earnedDaysAfterEntry(rng.int(3, 45));
      return;
    case "date-earned-text":
      row["Date Earned"] = rng.pick(ODD_DATE_TEXTS);
      return;
    case "formula-name":
      if (rng.chance(0.5)) row["Student Last Name"] = `=${row["Student Last Name"]}`;
      else row["Student First Name"] = `+${row["Student First Name"]}`;
      return;
    case "html-name":
      row["Student First Name"] = rng.chance(0.5)
        ? `<b>${row["Student First Name"]}</b>`
        : `${row["Student First Name"]}<script>alert("hi")</script>`;
      return;
    case "duplicate-entry":
    case "already-badged-in-credly":
      return;
  }
}

/** Drops a letter from the longest word: the kind of slip that no longer matches the catalog. */
function misspell(credential: string, catalog: readonly CatalogCredential[]): string {
  const known = new Set(catalog.map((c) => c.credential.trim().toLowerCase()));
  const words = credential.split(" ");
  const longest = words.reduce((best, w, i) => (w.length > words[best].length ? i : best), 0);
  const word = words[longest];
  for (let cut = word.length - 2; cut > 0; cut--) {
    const changed = words.slice();
    changed[longest] = word.slice(0, cut) + word.slice(cut + 1);
    const candidate = changed.join(" ");
    if (!known.has(candidate.trim().toLowerCase())) return candidate;
  }
  return `${credential} Cert`;
}
