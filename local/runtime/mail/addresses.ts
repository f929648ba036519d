/** Splits a comma-separated address list, ignoring commas inside quotes or angle brackets. */
export function splitAddresses(list: string | undefined): string[] {
  if (!list) return [];
  const entries: string[] = [];
  let current = "";
  let quoted = false;
  let angle = false;
  for (const ch of list) {
    if (ch === '"') quoted = !quoted;
    else if (ch === "<" && !quoted) angle = true;
    else if (ch === ">" && !quoted) angle = false;
    if (ch === "," && !quoted && !angle) {
      entries.push(current);
      current = "";
    } else current += ch;
  }
  entries.push(current);
  return entries.map((e) => e.trim()).filter((e) => e !== "");
}

/** The bare address of `Name <addr>` or `addr`, lower-cased. */
export function bareAddress(entry: string): string {
  const angled = entry.match(/<([^>]*)>/);
  return (angled ? angled[1] : entry).trim().toLowerCase();
}

/** The display name of `Name <addr>`, unquoted; undefined for a bare address. */
export function displayName(entry: string): string | undefined {
  const angled = entry.match(/^(.*)<[^>]*>\s*$/);
  const name = angled?.[1]
    .trim()
    .replace(/^"(.*)"$/, "$1")
    .replace(/\\(["\\])/g, "$1");
  return name ? name : undefined;
}

/** Good enough to reject what Google rejects in practice: no spaces, one @, a dotted domain. */
export function isEmailAddress(address: string): boolean {
  return /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/.test(address);
}
