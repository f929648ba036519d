import { type IssuedAt, parseIssuedAt } from "./issued-at";
import type { SandboxRules } from "./rules";

/**
 * The body of `POST /v1/organizations/{org}/badges`, checked field by field as Credly documents
 * it (reference: credly-api.md, "Issue a badge", H). Messages follow Rails' "<Field> can't be
 * blank" form (L: Credly's exact wording for these is not recorded).
 */
export interface IssueRequest {
  badge_template_id: string;
  recipient_email: string;
  issued_to_first_name: string;
  issued_to_middle_name: string | null;
  issued_to_last_name: string;
  issued_at: IssuedAt;
  issuer_earner_id: string | null;
  locale: string;
  suppress_badge_notification_email: boolean;
  expires_at: string | null;
  country_name: string | null;
  state_or_province: string | null;
  evidence: unknown[];
  duplicate_behavior: "allow" | "deny" | "replace" | null;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

function optionalText(body: Record<string, unknown>, field: string, errors: string[]): string | null {
  const value = body[field];
  if (value === undefined || value === null || value === "") return null;
  if (typeof value !== "string") {
    errors.push(`${label(field)} is invalid`);
    return null;
  }
  return value;
}

function label(field: string): string {
  const words = field.replace(/_id$/, "_ID").split("_").join(" ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Checks every field except the template (which needs the organization's templates). */
export function checkIssue(body: Record<string, unknown>, rules: SandboxRules, now: Date): Checked<IssueRequest> {
  const errors: string[] = [];
  for (const field of ["recipient_email", "issued_to_first_name", "issued_to_last_name", "issued_at"]) {
    if (isBlank(body[field])) errors.push(`${label(field)} can't be blank`);
    else if (typeof body[field] !== "string") errors.push(`${label(field)} is invalid`);
  }
  const email = typeof body.recipient_email === "string" ? body.recipient_email.trim() : "";
  if (email && !EMAIL.test(email)) errors.push("Recipient email is invalid");

  const issuedAt = isBlank(body.issued_at) ? null : parseIssuedAt(body.issued_at);
  if (!isBlank(body.issued_at) && !issuedAt) {
    errors.push(`Issued at is invalid (expected "YYYY-MM-DD HH:MM:SS -0500" or ISO 8601 with an offset)`);
  }
  if (issuedAt && !rules.allowFutureIssuedAt && Date.parse(issuedAt.iso) > now.getTime()) {
    errors.push("Issued at can't be in the future");
  }

  const locale = body.locale ?? "en";
  if (typeof locale !== "string" || !rules.locales.includes(locale)) errors.push(`Locale is not supported: ${locale}`);

  const suppress = body.suppress_badge_notification_email ?? false;
  if (typeof suppress !== "boolean") errors.push("Suppress badge notification email is invalid");

  let expiresAt: string | null = null;
  if (!isBlank(body.expires_at)) {
    const parsed = parseIssuedAt(body.expires_at);
    if (!parsed) errors.push("Expires at is invalid");
    else if (issuedAt && parsed.iso <= issuedAt.iso) errors.push("Expires at must be after issued at");
    else expiresAt = parsed.iso;
  }

  const evidence = body.evidence ?? [];
  if (!Array.isArray(evidence)) errors.push("Evidence is invalid");

  const behavior = body.duplicate_behavior ?? null;
  if (behavior !== null && behavior !== "allow" && behavior !== "deny" && behavior !== "replace") {
    errors.push(`Duplicate behavior is invalid: ${behavior}`);
  }

  const middle = optionalText(body, "issued_to_middle_name", errors);
  const earnerId = optionalText(body, "issuer_earner_id", errors);
  const country = optionalText(body, "country_name", errors);
  const region = optionalText(body, "state_or_province", errors);

  if (errors.length > 0 || !issuedAt) return { ok: false, message: errors.join(", ") };
  return {
    ok: true,
    value: {
      badge_template_id: String(body.badge_template_id),
      recipient_email: email,
      issued_to_first_name: String(body.issued_to_first_name),
      issued_to_middle_name: middle,
      issued_to_last_name: String(body.issued_to_last_name),
      issued_at: issuedAt,
      issuer_earner_id: earnerId,
      locale: locale as string,
      suppress_badge_notification_email: suppress as boolean,
      expires_at: expiresAt,
      country_name: country,
      state_or_province: region,
      evidence: evidence as unknown[],
      duplicate_behavior: behavior as IssueRequest["duplicate_behavior"],
    },
  };
}
