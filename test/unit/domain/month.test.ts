import {
  addMonths,
  monthLabel,
  monthOf,
  monthOfReportSheet,
  priorMonth,
  reportSheetName,
} from "../../../src/domain/month";
import { at, CHICAGO, formatDate } from "../support/format-date";

describe("the month an entry belongs to, in the spreadsheet's zone", () => {
  it("puts 23:30 on Nov 30 in Chicago in November, though it is December in UTC", () => {
    const lateNight = at("2026-11-30T23:30", -6);
    expect(lateNight.toISOString()).toBe("2026-12-01T05:30:00.000Z");
    expect(monthOf(lateNight, CHICAGO, formatDate)).toBe("2026-11");
  });

  it("puts 00:10 on Dec 1 in Chicago in December", () => {
    expect(monthOf(at("2026-12-01T00:10", -6), CHICAGO, formatDate)).toBe("2026-12");
  });

  it("keeps the last hour of October (daylight time, -05:00) in October", () => {
    expect(monthOf(at("2026-10-31T23:59", -5), CHICAGO, formatDate)).toBe("2026-10");
    expect(monthOf(at("2026-11-01T00:00", -5), CHICAGO, formatDate)).toBe("2026-11");
  });

  it("is not fooled by the night clocks fall back (Nov 1, 2026, 01:00–02:00 twice)", () => {
    expect(monthOf(at("2026-11-01T01:30", -5), CHICAGO, formatDate)).toBe("2026-11");
    expect(monthOf(at("2026-11-01T01:30", -6), CHICAGO, formatDate)).toBe("2026-11");
  });

  it("handles the spring-forward month (March 8, 2026) and the year boundary", () => {
    expect(monthOf(at("2026-03-31T23:59", -5), CHICAGO, formatDate)).toBe("2026-03");
    expect(monthOf(at("2026-12-31T23:59", -6), CHICAGO, formatDate)).toBe("2026-12");
    expect(monthOf(at("2027-01-01T00:00", -6), CHICAGO, formatDate)).toBe("2027-01");
  });
});

describe("the prior month: what the report on the 1st is about", () => {
  it("is November on the morning of Dec 1 in Chicago", () => {
    expect(priorMonth(at("2026-12-01T06:00", -6), CHICAGO, formatDate)).toBe("2026-11");
  });

  it("is still October late on Nov 30 in Chicago, when UTC has moved on", () => {
    expect(priorMonth(at("2026-11-30T23:30", -6), CHICAGO, formatDate)).toBe("2026-10");
  });

  it("crosses the year back to December", () => {
    expect(priorMonth(at("2027-01-01T06:00", -6), CHICAGO, formatDate)).toBe("2026-12");
  });

  it("adds and subtracts months across years", () => {
    expect([addMonths("2026-12", 1), addMonths("2026-01", -1), addMonths("2026-05", -17)]).toEqual([
      "2027-01",
      "2025-12",
      "2024-12",
    ]);
  });
});

describe("month names and report sheets", () => {
  it("labels a month in English and Spanish", () => {
    expect(monthLabel("2026-11")).toBe("November 2026");
    expect(monthLabel("2026-11", "es")).toBe("noviembre de 2026");
  });

  it("names the report sheet and reads it back", () => {
    expect(reportSheetName("2026-11")).toBe("Badges 2026-11");
    expect(monthOfReportSheet("Badges 2026-11")).toBe("2026-11");
    expect(monthOfReportSheet("Badges 2026-13")).toBeNull();
    expect(monthOfReportSheet("Entries")).toBeNull();
  });

  it("refuses a month that is not yyyy-MM", () => {
    expect(() => reportSheetName("Nov 2026")).toThrow('Not a month: "Nov 2026"');
  });
});
