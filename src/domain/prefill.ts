/**
 * Pre-filled form links without a Forms round trip per link. Asking Forms for one pre-filled URL
 * (FormResponse.toPrefilledUrl) costs a dozen service calls per answer; a digest of fifty entries
 * would spend minutes on links. So Forms is asked once, with a marker answer per question, and the
 * link's `entry.<item id>=` names are read from it; every further link is that template with the
 * entry's answers. The `viewform?usp=pp_url&entry.N=value` shape is the one Google documents for
 * pre-filled links ("Send a form with pre-filled answers", Docs Editors Help).
 */

export interface PrefillTemplate {
  /** The URL up to and including "usp=pp_url". */
  base: string;
  /** Question title → its query name ("entry.1234567"). */
  names: Record<string, string>;
}

function encode(value: string): string {
  return encodeURIComponent(value).replace(/%20/g, "+");
}

function decode(value: string): string {
  return decodeURIComponent(value.replace(/\+/g, " "));
}

/** The query's pairs, decoded, in order. */
export function prefilledAnswers(url: string): Array<[string, string]> {
  const query = url.split("?")[1] ?? "";
  return query
    .split("&")
    .filter((pair) => pair.includes("="))
    .map((pair) => {
      const at = pair.indexOf("=");
      return [decode(pair.slice(0, at)), decode(pair.slice(at + 1))];
    });
}

/**
 * Reads the template from a URL Forms made with `markers` (title → a value no other question was
 * given). A title whose marker is not in the URL is left out (the form lacks that question).
 */
export function prefillTemplate(url: string, markers: Record<string, string>): PrefillTemplate {
  const base = `${url.split("?")[0]}?usp=pp_url`;
  const byValue = new Map(Object.entries(markers).map(([title, marker]) => [marker, title]));
  const names: Record<string, string> = {};
  for (const [name, value] of prefilledAnswers(url)) {
    const title = byValue.get(value);
    if (title !== undefined && name.startsWith("entry.")) names[title] = name;
  }
  return { base, names };
}

/** The link that opens the form with these answers (title → value); blank answers are left out. */
export function prefilledLink(template: PrefillTemplate, answers: Record<string, string>): string {
  const pairs = Object.entries(answers)
    .filter(([title, value]) => value.trim() !== "" && template.names[title] !== undefined)
    .map(([title, value]) => `${template.names[title]}=${encode(value)}`);
  return [template.base, ...pairs].join("&");
}
