/**
 * Credly's documented `issued_at` form is local time with an offset, "2014-04-01 09:41:00 -0500";
 * ISO 8601 with Z or an offset is accepted in practice (reference: credly-api.md, H and M).
 * A time without an offset is refused here: its instant would be a guess.
 */
export interface IssuedAt {
  /** The instant in ISO UTC with milliseconds, as Credly answers it. */
  iso: string;
  /** The calendar date as the issuer wrote it (L: Credly's `issued_at_date` zone is undocumented). */
  date: string;
}

const DOCUMENTED = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+-])(\d{2}):?(\d{2}))$/;

export function parseIssuedAt(text: unknown): IssuedAt | null {
  if (typeof text !== "string") return null;
  const documented = DOCUMENTED.exec(text);
  if (documented) {
    const [, y, mo, d, h, mi, s, sign, oh, om] = documented;
    return build(y, mo, d, h, mi, s, "0", sign, oh, om);
  }
  const iso = ISO.exec(text);
  if (iso) {
    const [, y, mo, d, h, mi, s, frac, zulu, sign, oh, om] = iso;
    return zulu
      ? build(y, mo, d, h, mi, s ?? "0", frac ?? "0", "+", "00", "00")
      : build(y, mo, d, h, mi, s ?? "0", frac ?? "0", sign, oh, om);
  }
  return null;
}

function build(
  y: string,
  mo: string,
  d: string,
  h: string,
  mi: string,
  s: string,
  frac: string,
  sign: string,
  oh: string,
  om: string,
): IssuedAt | null {
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number);
  const offsetMinutes = (sign === "-" ? -1 : 1) * (Number(oh) * 60 + Number(om));
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return null;
  if (Number(oh) > 14 || Number(om) > 59) return null;
  if (day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  const millis = Number(frac.padEnd(3, "0").slice(0, 3));
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000;
  return { iso: new Date(utc).toISOString(), date: `${y}-${mo}-${d}` };
}
