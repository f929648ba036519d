/**
 * HtmlService templates: the text is compiled into code that appends to `output`, the way Apps
 * Script's own templates work (<? code ?>, <?= printed, HTML-escaped ?>, <?!= printed raw ?>).
 * Google escapes by context (HTML, attribute, JavaScript); this escapes for HTML text and
 * attributes only (I), which is what the product's pages print.
 */

const SCRIPTLET = /<\?(!=|=)?([\s\S]*?)\?>/g;

/** The code a template compiles to: statements over an `output` with append / appendUntrusted. */
export function compileTemplate(source: string): string {
  const statements: string[] = [];
  let last = 0;
  for (const match of source.matchAll(SCRIPTLET)) {
    const index = match.index ?? 0;
    if (index > last) statements.push(`output.append(${JSON.stringify(source.slice(last, index))});`);
    const [, kind, code] = match;
    if (kind === "=") statements.push(`output.appendUntrusted(${code.trim()});`);
    else if (kind === "!=") statements.push(`output.append(${code.trim()});`);
    else statements.push(code);
    last = index + match[0].length;
  }
  if (last < source.length) statements.push(`output.append(${JSON.stringify(source.slice(last))});`);
  return statements.join("\n");
}

/** What `<?= ?>` prints: nothing for null/undefined (I), else the HTML-escaped text. */
export function escapeHtml(value: unknown): string {
  if (value === null || value === undefined) return "";
  return String(value)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** What `<?!= ?>` prints: nothing for null/undefined (I), else the text as is. */
export function rawText(value: unknown): string {
  return value === null || value === undefined ? "" : String(value);
}
