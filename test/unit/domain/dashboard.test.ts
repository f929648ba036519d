import {
  claimRate,
  claimStateOf,
  dashboardFigures,
  type LedgerRecord,
  NOT_IN_REPORT,
  type ReportMonth,
  reasonKinds,
} from "../../../src/domain/dashboard";
import { REPORT_HEADERS, type ReportRow } from "../../../src/domain/report";
import { at, CHICAGO, formatDate } from "../support/format-date";

function row(values: Partial<ReportRow>): ReportRow {
  const base = Object.fromEntries(REPORT_HEADERS.map((h) => [h, ""])) as ReportRow;
  return { ...base, ...values };
}

const badge = (
  entryId: string,
  claimState: string,
  issuedAt: Date | null = at("2026-11-20T10:00", -6),
): LedgerRecord => ({
  entryId,
  badgeId: `b-${entryId}`,
  issuedAt,
  claimState,
});

const october: ReportMonth = {
  month: "2026-10",
  rows: [
    row({
      "Entry ID": "O-1",
      Student: "Ann Lee",
      Credential: "Welding Technician",
      Site: "Tulsa Tech",
      Decision: "Badge",
      "Notice Status": "Sent",
    }),
    row({
      "Entry ID": "O-2",
      Credential: "CompTIA A+",
      Site: "Tulsa Tech",
      Decision: "Vendor badge",
      "Notice Status": "Not needed",
    }),
  ],
};

const november: ReportMonth = {
  month: "2026-11",
  rows: [
    row({
      "Entry ID": "N-1",
      Student: "Bo Ray",
      Credential: "Welding Technician",
      Site: "Tulsa Tech",
      Decision: "Badge",
      "Notice Status": "Sent",
    }),
    row({
      "Entry ID": "N-2",
      Student: "Cy Fox",
      Credential: "OSHA 10",
      Site: "Moore Norman",
      Decision: "Badge",
      "Notice Status": "Sent",
    }),
    row({
      "Entry ID": "N-3",
      Student: "Di Ng",
      Credential: "OSHA 10",
      Site: "Moore Norman",
      Decision: "Badge",
      "Notice Status": "Failed",
    }),
    row({
      "Entry ID": "N-4",
      Credential: "Welding Technician",
      Site: "",
      Decision: "Needs fix",
      Reason: 'Student First Name is empty; Student Email "jo@@x.org" is not an e-mail address (no @)',
    }),
    row({
      "Entry ID": "N-5",
      Credential: "Welding Technician",
      Site: "Moore Norman",
      Decision: "Needs fix",
      Reason: 'Student Email "a b@x.org" is not an e-mail address',
    }),
    row({
      "Entry ID": "N-6",
      Credential: "OSHA 10",
      Site: "Moore Norman",
      Decision: "Already badged",
      Reason: "The Ledger already holds this badge",
    }),
  ],
};

const ledger: LedgerRecord[] = [
  badge("O-1", "accepted", at("2026-10-15T09:00", -5)),
  badge("N-1", "accepted"),
  badge("N-2", "pending", at("2026-11-18T09:00", -6)),
  badge("N-3", ""),
  badge("GONE-1", "rejected", at("2026-09-30T23:30", -5)),
];

const now = at("2026-12-01T12:00", -6);
const figures = () =>
  dashboardFigures({ reports: [november, october], ledger, now, monthOf: (d) => formatDate(d, CHICAGO, "yyyy-MM") });

describe("the dashboard's figures", () => {
  it("counts each month's entries, decisions and notices from its report tab", () => {
    const nov = figures().months.find((m) => m.month === "2026-11")!;
    expect(nov).toMatchObject({
      entries: 6,
      badgesDecided: 3,
      vendorBadges: 0,
      needsFix: 2,
      alreadyBadged: 1,
      noticesSent: 2,
    });
  });

  it("counts badges and claims from the Ledger, in the month of the entry's report", () => {
    const nov = figures().months.find((m) => m.month === "2026-11")!;
    expect(nov).toMatchObject({ issued: 3, accepted: 1, pending: 2, rejected: 0, claimRate: 1 / 3 });
  });

  it("places a Ledger row whose report row is gone in the month of its Issued At, in the spreadsheet's zone", () => {
    const months = figures().months;
    expect(months.map((m) => m.month)).toEqual(["2026-09", "2026-10", "2026-11"]);
    expect(months[0]).toMatchObject({ entries: 0, issued: 1, rejected: 1, claimRate: 0 });
  });

  it("totals every month", () => {
    expect(figures().total).toMatchObject({
      month: "All months",
      entries: 8,
      issued: 5,
      accepted: 2,
      claimRate: 2 / 5,
    });
  });

  it("shows the latest report's month per credential and per site, most entries (then badges) first", () => {
    const f = figures();
    expect(f.chosenMonth).toBe("2026-11");
    expect(f.credentials.map((c) => [c.name, c.entries, c.issued, c.accepted])).toEqual([
      ["OSHA 10", 3, 2, 0],
      ["Welding Technician", 3, 1, 1],
    ]);
    expect(f.sites.map((s) => [s.name, s.entries, s.needsFix])).toEqual([
      ["Moore Norman", 4, 1],
      ["Tulsa Tech", 1, 0],
      ["(no site)", 1, 1],
    ]);
  });

  it("shows another month when asked, with badges of no report row under their own name", () => {
    const f = dashboardFigures({
      reports: [october],
      ledger: [badge("O-1", "accepted"), badge("X-9", "pending", at("2026-10-20T10:00", -5))],
      month: "2026-10",
      now,
      monthOf: (d) => formatDate(d, CHICAGO, "yyyy-MM"),
    });
    expect(f.sites.map((s) => [s.name, s.entries, s.issued])).toEqual([
      ["Tulsa Tech", 2, 1],
      [NOT_IN_REPORT, 0, 1],
    ]);
  });

  it("groups Needs fix rows by the kind of problem, without what was typed", () => {
    expect(figures().needsFixReasons).toEqual([
      { reason: "Student Email is not an e-mail address", rows: 2 },
      { reason: "Student First Name is empty", rows: 1 },
    ]);
  });

  it("lists pending badges longest waiting first, blank claim states counting as pending", () => {
    expect(figures().oldestUnclaimed.map((b) => [b.entryId, b.student, b.site, b.daysWaiting])).toEqual([
      ["N-2", "Cy Fox", "Moore Norman", 13],
      ["N-3", "Di Ng", "Moore Norman", 11],
    ]);
  });

  it("keeps the list of unclaimed badges short", () => {
    const many = Array.from({ length: 30 }, (_, i) => badge(`P-${i}`, "pending", new Date(Date.UTC(2026, 10, 1 + i))));
    const f = dashboardFigures({
      reports: [],
      ledger: many,
      now,
      monthOf: (d) => formatDate(d, CHICAGO, "yyyy-MM"),
      unclaimedLimit: 5,
    });
    expect(f.oldestUnclaimed.map((b) => b.entryId)).toEqual(["P-0", "P-1", "P-2", "P-3", "P-4"]);
  });

  it("counts a Ledger row with neither a report row nor an Issued At apart, in no month", () => {
    const f = dashboardFigures({ reports: [], ledger: [badge("Z", "accepted", null)], now, monthOf: () => "2026-11" });
    expect(f.months).toEqual([]);
    expect(f.unplacedLedgerRows).toBe(1);
    expect(f.chosenMonth).toBeNull();
  });
});

describe("claim rate", () => {
  it("is accepted over issued, and blank when nothing was issued", () => {
    expect(claimRate(3, 4)).toBe(0.75);
    expect(claimRate(0, 0)).toBeNull();
  });

  it("reads Credly's states in any case and treats unknown words as pending", () => {
    expect(["Accepted", " rejected ", "REVOKED", "", "issued"].map(claimStateOf)).toEqual([
      "accepted",
      "rejected",
      "revoked",
      "pending",
      "pending",
    ]);
  });
});

describe("Needs fix reason kinds", () => {
  it("does not split a typed value holding a semicolon", () => {
    expect(reasonKinds('Credential "Welding; Level 1" is not on the Credentials list; Date Earned is empty')).toEqual([
      "Credential is not on the Credentials list",
      "Date Earned is empty",
    ]);
  });

  it("names a blank reason", () => {
    expect(reasonKinds("")).toEqual(["(no reason given)"]);
  });
});
