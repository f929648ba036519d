/**
 * java.text.SimpleDateFormat patterns, which Utilities.formatDate and parseDate take (Google's
 * reference links the Java class). English names only: Apps Script formats in the US locale.
 */
import {
  dayOfYear,
  formatOffset,
  instantOf,
  offsetMinutes,
  usWeekOfYear,
  type WallTime,
  wallTime,
  type Zone,
  zoneName,
} from "./zoned-time";

/** English month and day names, as Java's SimpleDateFormat and Sheets' number formats print them. */
export const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
export const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

type Token = { kind: "text"; text: string } | { kind: "field"; letter: string; count: number };

/** Java's error for a letter SimpleDateFormat does not know. */
export class PatternError extends Error {}

const KNOWN = new Set("GyYMLwWDdFEuaHkKhmsSzZX");

/** Splits a pattern into literal text and runs of one pattern letter ('' is a quote). */
export function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const pushText = (text: string) => {
    const last = tokens[tokens.length - 1];
    if (last?.kind === "text") last.text += text;
    else tokens.push({ kind: "text", text });
  };
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        pushText("'");
        i += 2;
        continue;
      }
      let text = "";
      i += 1;
      while (i < pattern.length) {
        if (pattern[i] === "'" && pattern[i + 1] === "'") {
          text += "'";
          i += 2;
        } else if (pattern[i] === "'") {
          i += 1;
          break;
        } else {
          text += pattern[i];
          i += 1;
        }
      }
      pushText(text);
    } else if (/[A-Za-z]/.test(c)) {
      if (!KNOWN.has(c)) throw new PatternError(`Illegal pattern character '${c}'`);
      let count = 1;
      while (pattern[i + count] === c) count += 1;
      tokens.push({ kind: "field", letter: c, count });
      i += count;
    } else {
      pushText(c);
      i += 1;
    }
  }
  return tokens;
}

function pad(n: number, width: number): string {
  const s = String(Math.abs(n)).padStart(width, "0");
  return n < 0 ? `-${s}` : s;
}

function field(letter: string, count: number, w: WallTime, ms: number, zone: Zone): string {
  const offset = () => offsetMinutes(ms, zone);
  switch (letter) {
    case "G":
      return w.year > 0 ? "AD" : "BC";
    case "y":
    case "Y":
      return count === 2 ? pad(w.year % 100, 2) : pad(w.year, count);
    case "M":
    case "L":
      if (count >= 4) return MONTHS[w.month - 1];
      if (count === 3) return MONTHS[w.month - 1].slice(0, 3);
      return pad(w.month, count);
    case "d":
      return pad(w.day, count);
    case "D":
      return pad(dayOfYear(w.year, w.month, w.day), count);
    case "w":
      return pad(usWeekOfYear(w.year, w.month, w.day), count);
    case "W":
      return pad(Math.floor((w.day - 1 + new Date(Date.UTC(w.year, w.month - 1, 1)).getUTCDay()) / 7) + 1, count);
    case "F":
      return pad(Math.floor((w.day - 1) / 7) + 1, count);
    case "E":
      return count >= 4 ? DAYS[w.weekday] : DAYS[w.weekday].slice(0, 3);
    case "u":
      return pad(w.weekday === 0 ? 7 : w.weekday, count);
    case "a":
      return w.hour < 12 ? "AM" : "PM";
    case "H":
      return pad(w.hour, count);
    case "k":
      return pad(w.hour === 0 ? 24 : w.hour, count);
    case "K":
      return pad(w.hour % 12, count);
    case "h":
      return pad(w.hour % 12 === 0 ? 12 : w.hour % 12, count);
    case "m":
      return pad(w.minute, count);
    case "s":
      return pad(w.second, count);
    case "S":
      return pad(w.millisecond, count);
    case "z":
      return zoneName(ms, zone, count >= 4 ? "long" : "short");
    case "Z":
      return formatOffset(offset(), "", false);
    case "X": {
      const minutes = offset();
      if (minutes === 0) return "Z";
      if (count === 1) return formatOffset(minutes, "", false).slice(0, 3);
      return formatOffset(minutes, "", count >= 3);
    }
    default:
      throw new PatternError(`Illegal pattern character '${letter}'`);
  }
}

/** Formats `ms` in `zone` with a SimpleDateFormat pattern. */
export function formatWithPattern(ms: number, zone: Zone, pattern: string): string {
  const w = wallTime(ms, zone);
  return tokenize(pattern)
    .map((t) => (t.kind === "text" ? t.text : field(t.letter, t.count, w, ms, zone)))
    .join("");
}

/**
 * Parses text written with a SimpleDateFormat pattern, read in `zone` unless the text carries its
 * own offset (Z, X). Returns null when the text does not match (Apps Script then throws).
 */
export function parseWithPattern(text: string, zone: Zone, pattern: string): number | null {
  const fields: Record<string, number> = {};
  let pos = 0;
  let offset: number | undefined;
  const tokens = tokenize(pattern);
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t];
    if (token.kind === "text") {
      if (!text.startsWith(token.text, pos)) return null;
      pos += token.text.length;
      continue;
    }
    const rest = text.slice(pos);
    const next = tokens[t + 1];
    // Adjacent numeric fields ("yyyyMMdd") take exactly their width, as Java does.
    const fixedWidth = next?.kind === "field" ? token.count : undefined;
    const numeric = (re: RegExp) => {
      const m = re.exec(rest);
      if (!m) return null;
      pos += m[0].length;
      return Number(m[0]);
    };
    const digits = fixedWidth ? new RegExp(`^\\d{${fixedWidth}}`) : /^\d+/;
    switch (token.letter) {
      case "M":
      case "L":
        if (token.count >= 3) {
          const i = MONTHS.findIndex((m) => rest.toLowerCase().startsWith(m.toLowerCase()));
          const j = MONTHS.findIndex((m) => rest.toLowerCase().startsWith(m.slice(0, 3).toLowerCase()));
          if (i >= 0) {
            fields.M = i + 1;
            pos += MONTHS[i].length;
          } else if (j >= 0) {
            fields.M = j + 1;
            pos += 3;
          } else return null;
        } else {
          const n = numeric(digits);
          if (n === null) return null;
          fields.M = n;
        }
        break;
      case "E": {
        const i = DAYS.findIndex((d) => rest.toLowerCase().startsWith(d.toLowerCase()));
        const j = DAYS.findIndex((d) => rest.toLowerCase().startsWith(d.slice(0, 3).toLowerCase()));
        if (i >= 0) pos += DAYS[i].length;
        else if (j >= 0) pos += 3;
        else return null;
        break;
      }
      case "a": {
        const m = /^(AM|PM)/i.exec(rest);
        if (!m) return null;
        fields.pm = m[1].toUpperCase() === "PM" ? 1 : 0;
        pos += 2;
        break;
      }
      case "Z":
      case "X": {
        const m = /^(Z|([+-])(\d{2}):?(\d{2})?)/.exec(rest);
        if (!m) return null;
        pos += m[0].length;
        offset = m[1] === "Z" ? 0 : (m[2] === "-" ? -1 : 1) * (Number(m[3]) * 60 + Number(m[4] ?? 0));
        break;
      }
      case "z": {
        const m = /^[A-Za-z]+([+-]\d{2}:?\d{2})?/.exec(rest);
        if (!m) return null;
        pos += m[0].length;
        break;
      }
      default: {
        const n = numeric(digits);
        if (n === null) return null;
        fields[token.letter] = n;
      }
    }
  }
  let year = fields.y ?? fields.Y ?? 1970;
  // Java reads a 2-digit year into the century around now (80 years back, 20 ahead); this is that
  // window fixed at 2000–2099, close enough for dates of this century.
  if ((fields.y !== undefined || fields.Y !== undefined) && year < 100) year += 2000;
  let hour = fields.H ?? fields.k ?? 0;
  if (fields.h !== undefined) hour = (fields.h % 12) + (fields.pm ? 12 : 0);
  else if (fields.K !== undefined) hour = fields.K + (fields.pm ? 12 : 0);
  const month = fields.M ?? 1;
  const day = fields.d ?? 1;
  const minute = fields.m ?? 0;
  const second = fields.s ?? 0;
  const millisecond = fields.S ?? 0;
  if (offset !== undefined) {
    return Date.UTC(year, month - 1, day, hour, minute, second, millisecond) - offset * 60_000;
  }
  return instantOf(zone, year, month, day, hour, minute, second, millisecond);
}
