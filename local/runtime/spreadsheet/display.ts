import { DAYS, MONTHS } from "../services/simple-date-format";
import { type Cell, isDate } from "./cells";
import { wallClock } from "./zone";

/** Sheets' default patterns for a date cell with no number format of its own. */
export const DEFAULT_DATE_FORMAT = "M/d/yyyy";
export const DEFAULT_DATE_TIME_FORMAT = "M/d/yyyy H:mm:ss";

/**
 * The text Sheets shows for a cell (getDisplayValues): dates in the spreadsheet's time zone with the
 * cell's number format (Sheets' date tokens: yyyy yy mmmm mmm mm m dddd ddd dd d hh h ss s am/pm,
 * where m/mm after an hour or before seconds means minutes); a date with no format shows as
 * "M/d/yyyy", or "M/d/yyyy H:mm:ss" when it has a time of day. Numbers with "0", "0.00", "#,##0",
 * "0%" style formats; booleans as TRUE/FALSE.
 */
export function displayText(cell: Cell | undefined, timeZone: string): string {
  if (!cell) return "";
  const { value, numberFormat } = cell;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (isDate(value)) {
    const w = wallClock(value, timeZone);
    const hasTime = w.hour !== 0 || w.minute !== 0 || w.second !== 0;
    const pattern = numberFormat && numberFormat !== "General" ? numberFormat : undefined;
    return formatDate(value, timeZone, pattern ?? (hasTime ? DEFAULT_DATE_TIME_FORMAT : DEFAULT_DATE_FORMAT));
  }
  if (typeof value === "number") return formatNumber(value, numberFormat);
  return value;
}

const TOKENS = /yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|am\/pm|a\/p|"[^"]*"|\\.|./gi;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

export function formatDate(date: Date, timeZone: string, pattern: string): string {
  const w = wallClock(date, timeZone);
  const tokens = pattern.match(TOKENS) ?? [];
  const lower = tokens.map((t) => t.toLowerCase());
  const twelveHour = lower.some((t) => t === "am/pm" || t === "a/p");
  const isMinute = (i: number): boolean => {
    for (let j = i - 1; j >= 0; j--) {
      if (/^h+$/.test(lower[j])) return true;
      if (/^[ymd]/.test(lower[j]) || /^s+$/.test(lower[j])) break;
    }
    for (let j = i + 1; j < lower.length; j++) {
      if (/^s+$/.test(lower[j])) return true;
      if (/^[ymdh]/.test(lower[j])) break;
    }
    return false;
  };
  const hour = twelveHour ? ((w.hour + 11) % 12) + 1 : w.hour;
  return lower
    .map((t, i) => {
      switch (t) {
        case "yyyy":
          return String(w.year);
        case "yy":
          return pad(w.year % 100);
        case "mmmm":
          return MONTHS[w.month - 1];
        case "mmm":
          return MONTHS[w.month - 1].slice(0, 3);
        case "mm":
          return isMinute(i) ? pad(w.minute) : pad(w.month);
        case "m":
          return isMinute(i) ? String(w.minute) : String(w.month);
        case "dddd":
          return DAYS[w.weekday];
        case "ddd":
          return DAYS[w.weekday].slice(0, 3);
        case "dd":
          return pad(w.day);
        case "d":
          return String(w.day);
        case "hh":
          return pad(hour);
        case "h":
          return String(hour);
        case "ss":
          return pad(w.second);
        case "s":
          return String(w.second);
        case "am/pm":
          return w.hour < 12 ? "AM" : "PM";
        case "a/p":
          return w.hour < 12 ? "A" : "P";
        default:
          if (t.startsWith('"')) return tokens[i].slice(1, -1);
          if (t.startsWith("\\")) return tokens[i].slice(1);
          return tokens[i];
      }
    })
    .join("");
}

export function formatNumber(value: number, numberFormat?: string): string {
  if (!numberFormat || numberFormat === "General" || numberFormat === "@") {
    if (Number.isInteger(value)) return String(value);
    return String(Number.parseFloat(value.toPrecision(10)));
  }
  const percent = numberFormat.endsWith("%");
  const body = percent ? numberFormat.slice(0, -1) : numberFormat;
  const decimals = (body.split(".")[1] ?? "").replace(/[^0#]/g, "").length;
  const n = percent ? value * 100 : value;
  const text = body.includes(",")
    ? n.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals })
    : n.toFixed(decimals);
  return percent ? `${text}%` : text;
}
