import { monthBounds, monthStart } from "../../../src/domain/month-bounds";
import { formatDate } from "../support/format-date";

describe("where a month starts and ends in the spreadsheet's zone", () => {
  it("starts November at midnight Chicago daylight time, though the clocks go back that night", () => {
    expect(monthStart("2026-11", "America/Chicago", formatDate).toISOString()).toBe("2026-11-01T05:00:00.000Z");
  });

  it("ends November at midnight Chicago standard time", () => {
    const { start, end } = monthBounds("2026-11", "America/Chicago", formatDate);
    expect(end.toISOString()).toBe("2026-12-01T06:00:00.000Z");
    expect(end.getTime() - start.getTime()).toBe((30 * 24 + 1) * 3600_000);
  });

  it("finds a zone with a quarter-hour offset, and one east of UTC", () => {
    expect(monthStart("2026-01", "Asia/Kathmandu", formatDate).toISOString()).toBe("2025-12-31T18:15:00.000Z");
    expect(monthStart("2026-03", "Pacific/Auckland", formatDate).toISOString()).toBe("2026-02-28T11:00:00.000Z");
  });
});
