/**
 * Merge fields in a notice template: `{{firstName}}` and friends. A template is text the
 * specialist may edit, so a field we do not know, or one without a value, is an error that names
 * it (returned, so a preview can show it) — never a blank in a sent message.
 */

export const MERGE_FIELDS = [
  "firstName",
  "lastName",
  "credentials",
  "site",
  "agencyName",
  "month",
  "senderName",
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

export type MergeValues = Record<Exclude<MergeField, "credentials">, string> & { credentials: readonly string[] };

/** A notice template: the specialist's texts, or the defaults. */
export interface NoticeTemplate {
  subject: string;
  html: string;
  text: string;
}

export type ComposedMessage = NoticeTemplate;

export type Composed = { ok: true; message: ComposedMessage } | { ok: false; errors: string[] };

const FIELD = /\{\{\s*([^{}]*?)\s*\}\}/g;

type Part = "subject" | "html" | "text";
const PART_NAMES: Record<Part, string> = { subject: "subject", html: "HTML body", text: "plain-text body" };

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

function isMergeField(name: string): name is MergeField {
  return (MERGE_FIELDS as readonly string[]).includes(name);
}

function hasValue(values: MergeValues, field: MergeField): boolean {
  if (field === "credentials") return values.credentials.some((c) => c.trim() !== "");
  return values[field].trim() !== "";
}

function render(part: Part, value: MergeValues, field: MergeField): string {
  if (field === "credentials") {
    const items = value.credentials.filter((c) => c.trim() !== "");
    if (part === "html") return `<ul>${items.map((c) => `<li>${escapeHtml(c)}</li>`).join("")}</ul>`;
    if (part === "text") return items.map((c) => `• ${c}`).join("\n");
    return items.join(", ");
  }
  const text = value[field];
  if (part === "html") return escapeHtml(text);
  // A subject is one line: a line break in a value would end the header.
  if (part === "subject") return text.replace(/[\r\n]+/g, " ");
  return text;
}

/** Fills the template; every unknown field and every used field without a value is reported. */
export function composeMessage(template: NoticeTemplate, values: MergeValues): Composed {
  const errors: string[] = [];
  const message = { subject: "", html: "", text: "" };
  for (const part of ["subject", "html", "text"] as const) {
    message[part] = template[part].replace(FIELD, (whole, name: string) => {
      if (!isMergeField(name)) {
        errors.push(`Unknown merge field {{${name}}} in the ${PART_NAMES[part]}`);
        return whole;
      }
      if (!hasValue(values, name)) {
        errors.push(`Merge field {{${name}}} has no value (used in the ${PART_NAMES[part]})`);
        return whole;
      }
      return render(part, values, name);
    });
  }
  return errors.length > 0 ? { ok: false, errors: Array.from(new Set(errors)) } : { ok: true, message };
}
