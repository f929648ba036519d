/**
 * The Dashboard over three months of a specialist's work: three report tabs, their notices and
 * badges, and a Ledger whose claim states Credly has moved on. The report, notice and issuing use
 * cases are written elsewhere; until they are, the tabs are typed here the way they leave them,
 * with the domain's own decisions and report rows (so the reasons are real).
 */

import { type CredentialRow, type EntryRow, generateMonth, seededRandom } from "../../local/demo";
import { spreadsheetOf } from "../../local/runtime";
import { catalogOf } from "../../src/domain/catalog";
import { decideMonth } from "../../src/domain/decide";
import { readEntry } from "../../src/domain/entry";
import { buildReport, REPORT_HEADERS, type ReportRow, reportRowValues } from "../../src/domain/report";
import { reportSummary } from "../../src/domain/summary";
import { formatDate } from "../unit/support/format-date";
import { type Row, type World, world } from "./harness";

const ZONE = "America/Chicago";
const MONTHS = ["2026-09", "2026-10", "2026-11"];
const LEDGER_HEADERS = [
  "Entry ID",
  "Student Email",
  "Credly Template ID",
  "Credly Badge ID",
  "Issued At",
  "Claim State",
  "Claim Checked At",
];
const LOG_HEADERS = ["Time", "User", "Action", "Counts", "Outcome"];

function catalogFrom(rows: readonly CredentialRow[]) {
  return catalogOf(
    rows.map((c) => ({
      name: c.Credential,
      vendor: c.Vendor,
      issuer: c["Badge Issuer"],
      templateId: c["Credly Template ID"],
      active: c.Active === "Yes",
    })),
  );
}

function entryOf(row: EntryRow) {
  return readEntry(
    {
      entryId: row["Entry ID"],
      enteredAt: row["Entered At"],
      firstName: row["Student First Name"],
      lastName: row["Student Last Name"],
      email: row["Student Email"],
      credential: row.Credential,
      dateEarned: row["Date Earned"],
      program: row.Program,
      site: row.Site,
      instructorName: row["Instructor Name"],
      instructorEmail: row["Instructor Email"],
      source: row.Source,
      language: row.Language,
    },
    ZONE,
    formatDate,
  );
}

/**
 * Each month: the report as built on the 1st; notices sent to most Badge rows (a few bounce);
 * badges issued for the rows whose notice went; Credly's claim states as a later refresh found them.
 */
function typeThreeMonths(w: World): void {
  const sheets = spreadsheetOf(w.runtime);
  const random = seededRandom(11);
  const ledger: unknown[][] = [LEDGER_HEADERS];
  for (const [index, month] of MONTHS.entries()) {
    const demo = generateMonth({ month, seed: 40 + index, students: 30, badEntries: 5, timeZone: ZONE });
    const catalog = catalogFrom(demo.credentials);
    const entries = demo.entries.map(entryOf);
    const decisions = decideMonth(entries, {
      catalog,
      ledgerKeys: new Set(),
      earlierKeys: new Set(),
      today: "2026-12-01",
    });
    const rows: ReportRow[] = buildReport(entries, new Map(), decisions, catalog);
    for (const row of rows) {
      if (row.Decision !== "Badge") {
        row["Notice Status"] = "Not needed";
        continue;
      }
      const sentAt = new Date(Date.UTC(2026, 8 + index + 1, 2, 15));
      if (random.chance(0.1)) {
        row["Notice Status"] = "Failed";
        row["Last Error"] = "Mailbox unavailable";
        continue;
      }
      row["Notice Status"] = "Sent";
      row["Notice Sent At"] = sentAt;
      if (index === 2 && random.chance(0.3)) continue; // November's issuing run is not finished yet.
      const badgeId = `badge-${row["Entry ID"]}`;
      const claim = random.weighted(["accepted", "pending", "rejected", "revoked", ""], [50, 30, 8, 2, 10]);
      row["Badge Status"] = "Issued";
      row["Badge Issued At"] = new Date(sentAt.getTime() + random.int(1, 9) * 86_400_000);
      row["Credly Badge ID"] = badgeId;
      row["Claim State"] = claim;
      ledger.push([
        row["Entry ID"],
        row["Student Email"],
        catalog.find(String(row.Credential))?.templateId ?? "",
        badgeId,
        row["Badge Issued At"],
        claim,
        claim === "" ? "" : new Date(Date.UTC(2026, 11, 1, 14)),
      ]);
    }
    const name = `Badges ${month}`;
    sheets.insertSheet(name);
    const summary = reportSummary(month, rows);
    sheets.setValues(name, 1, 1, summary);
    sheets.setValues(name, summary.length + 2, 1, [REPORT_HEADERS.slice(), ...rows.map(reportRowValues)]);
  }
  sheets.insertSheet("Ledger");
  sheets.setValues("Ledger", 1, 1, ledger);
  sheets.insertSheet("Log");
  sheets.setValues("Log", 1, 1, [LOG_HEADERS]);
}

interface Expected {
  entries: number;
  badgesDecided: number;
  vendorBadges: number;
  needsFix: number;
  alreadyBadged: number;
  noticesSent: number;
  issued: number;
  accepted: number;
  pending: number;
  rejected: number;
  revoked: number;
}

/** What the Dashboard should say for some report rows and Ledger rows, counted the plain way. */
function count(reportRows: Row[], ledgerRows: Row[]): Expected {
  const decided = (word: string) => reportRows.filter((r) => r.Decision === word).length;
  const claimed = (state: string) => ledgerRows.filter((r) => String(r["Claim State"]) === state).length;
  return {
    entries: reportRows.length,
    badgesDecided: decided("Badge"),
    vendorBadges: decided("Vendor badge"),
    needsFix: decided("Needs fix"),
    alreadyBadged: decided("Already badged"),
    noticesSent: reportRows.filter((r) => r["Notice Status"] === "Sent").length,
    issued: ledgerRows.length,
    accepted: claimed("accepted"),
    // A badge not yet refreshed (blank) is pending: Credly issues every badge pending.
    pending: claimed("pending") + claimed(""),
    rejected: claimed("rejected"),
    revoked: claimed("revoked"),
  };
}

/** The rows of a Dashboard table as objects: from the header row starting `first` to a blank row. */
function table(w: World, first: string, after = 0): Row[] {
  const values = spreadsheetOf(w.runtime).values("Dashboard");
  const header = values.findIndex((r, i) => i >= after && r[0] === first);
  if (header < 0) throw new Error(`No Dashboard table headed "${first}"`);
  const names = values[header].map(String);
  const rows: Row[] = [];
  for (const line of values.slice(header + 1)) {
    if (line.every((v) => v === "")) break;
    rows.push(Object.fromEntries(names.map((n, i) => [n, line[i]]).filter(([n]) => n !== "")));
  }
  return rows;
}

function asExpected(row: Row): Expected {
  return {
    entries: row.Entries as number,
    badgesDecided: row["Badges decided"] as number,
    vendorBadges: row["Vendor badges"] as number,
    needsFix: row["Needs fix"] as number,
    alreadyBadged: row["Already badged"] as number,
    noticesSent: row["Notices sent"] as number,
    issued: row["Badges issued"] as number,
    accepted: row.Accepted as number,
    pending: row.Pending as number,
    rejected: row.Rejected as number,
    revoked: row.Revoked as number,
  };
}

/** "Dashboard!H6:I9" → the values there. */
function rangeValues(w: World, a1: string): unknown[][] {
  const match = /^Dashboard!([A-Z])(\d+):([A-Z])(\d+)$/.exec(a1);
  if (!match) throw new Error(`Not a Dashboard range: ${a1}`);
  const [, c1, r1, c2, r2] = match;
  const col = (c: string) => c.charCodeAt(0) - 64;
  return spreadsheetOf(w.runtime)
    .values("Dashboard")
    .slice(Number(r1) - 1, Number(r2))
    .map((r) => r.slice(col(c1) - 1, col(c2)));
}

describe("the Dashboard over three months", () => {
  let w: World;
  beforeAll(async () => {
    w = await world({ start: new Date("2026-12-02T15:00:00Z") });
    typeThreeMonths(w);
  });
  afterAll(() => w.close());

  const reportRows = (month: string) => w.rows(`Badges ${month}`, "Entry ID");

  it("shows each month's figures as counted from the report tabs and the Ledger", () => {
    const result = w.run("rebuildDashboard") as { month: string; months: number; charts: number };
    expect(result).toMatchObject({ month: "2026-11", months: 3, charts: 3 });

    const ledger = w.rows("Ledger");
    const byMonth = table(w, "Month");
    expect(byMonth.map((r) => r.Month)).toEqual([...MONTHS, "All months"]);
    for (const month of MONTHS) {
      const ids = new Set(reportRows(month).map((r) => r["Entry ID"]));
      const expected = count(
        reportRows(month),
        ledger.filter((r) => ids.has(r["Entry ID"])),
      );
      const shown = byMonth.find((r) => r.Month === month)!;
      expect(asExpected(shown)).toEqual(expected);
      expect(shown["Claim rate"]).toBeCloseTo(expected.accepted / expected.issued, 10);
      expect(expected.issued).toBeGreaterThan(0);
    }
    const all = count(MONTHS.flatMap(reportRows), ledger);
    expect(asExpected(byMonth[3])).toEqual(all);
    expect(byMonth[3]["Claim rate"]).toBeCloseTo(all.accepted / all.issued, 10);
    expect(spreadsheetOf(w.runtime).values("Dashboard").flat()).toContainEqual(
      expect.stringContaining("Claim rate = accepted ÷ badges issued"),
    );
  });

  it("shows the latest month per site and per credential, and where its Needs fix rows come from", () => {
    w.run("rebuildDashboard");
    const november = reportRows("2026-11");
    const ledger = w.rows("Ledger");
    const ledgerOf = new Map(ledger.map((r) => [r["Entry ID"], r]));
    for (const [first, column] of [
      ["Site", "Site"],
      ["Credential", "Credential"],
    ] as const) {
      const shown = table(w, first);
      const names = new Set(november.map((r) => String(r[column]).trim() || "(no site)"));
      expect(new Set(shown.map((r) => r[first]))).toEqual(names);
      for (const line of shown) {
        const rows = november.filter((r) => (String(r[column]).trim() || "(no site)") === line[first]);
        const badges = rows.map((r) => ledgerOf.get(r["Entry ID"])).filter((b): b is Row => b !== undefined);
        const expected = count(rows, badges);
        expect(line).toMatchObject({
          Entries: expected.entries,
          "Needs fix": expected.needsFix,
          "Badges issued": expected.issued,
          Accepted: expected.accepted,
        });
      }
    }

    const reasons = table(w, "Reason");
    const needsFix = november.filter((r) => r.Decision === "Needs fix");
    expect(needsFix.length).toBeGreaterThan(0);
    for (const line of reasons) {
      // The reason kind drops what was typed, so every row counted under it begins with its field.
      const field = String(line.Reason).split(" is ")[0].split(" has ")[0];
      expect(needsFix.filter((r) => String(r.Reason).includes(field)).length).toBeGreaterThanOrEqual(
        line.Rows as number,
      );
    }
    const counted = reasons.reduce((n, r) => n + (r.Rows as number), 0);
    expect(counted).toBeGreaterThanOrEqual(needsFix.length);
  });

  it("lists the oldest unclaimed badges first", () => {
    w.run("rebuildDashboard");
    const unclaimed = table(w, "Entry ID");
    const pending = w.rows("Ledger").filter((r) => r["Claim State"] === "pending" || r["Claim State"] === "");
    expect(unclaimed).toHaveLength(Math.min(10, pending.length));
    const oldest = Math.min(...pending.map((r) => (r["Issued At"] as Date).getTime()));
    expect((unclaimed[0]["Issued At"] as Date).getTime()).toBe(oldest);
    const times = unclaimed.map((r) => (r["Issued At"] as Date).getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(unclaimed[0]["Days waiting"]).toBe(Math.floor((Date.parse("2026-12-02T15:00:00Z") - oldest) / 86_400_000));
  });

  it("keeps one copy of each chart over the data it shows after rebuilding again", () => {
    w.run("rebuildDashboard", "2026-10");
    w.run("rebuildDashboard");
    const charts = spreadsheetOf(w.runtime).charts("Dashboard");
    expect(charts.map((c) => c.options.title)).toEqual([
      "Badges issued and accepted per month (line: claim rate)",
      "Badges issued and accepted by site — 2026-11",
      "Needs fix by reason — 2026-11",
    ]);
    const [perMonth, bySite, byReason] = charts;
    expect(perMonth.type).toBe("COMBO");
    expect(perMonth.ranges.map((r) => rangeValues(w, r))).toEqual([
      [["Month"], ...MONTHS.map((m) => [m])],
      [
        ["Badges issued", "Accepted"],
        ...table(w, "Month")
          .slice(0, 3)
          .map((r) => [r["Badges issued"], r.Accepted]),
      ],
      [
        ["Claim rate"],
        ...table(w, "Month")
          .slice(0, 3)
          .map((r) => [r["Claim rate"]]),
      ],
    ]);
    const sites = table(w, "Site");
    expect(bySite.ranges.map((r) => rangeValues(w, r))).toEqual([
      [["Site"], ...sites.map((s) => [s.Site])],
      [["Badges issued", "Accepted"], ...sites.map((s) => [s["Badges issued"], s.Accepted])],
    ]);
    const reasons = table(w, "Reason");
    expect(byReason.ranges.map((r) => rangeValues(w, r))).toEqual([
      [["Reason", "Rows"], ...reasons.map((r) => [r.Reason, r.Rows])],
    ]);
  });

  it("follows the chosen month and Credly's latest claim states", () => {
    const sheets = spreadsheetOf(w.runtime);
    const ledger = sheets.values("Ledger");
    const pendingRow = ledger.findIndex((r) => r[5] === "pending");
    sheets.setValues("Ledger", pendingRow + 1, 6, [["accepted"]]);
    w.run("rebuildDashboard", "2026-10");
    expect(sheets.values("Dashboard").flat()).toContain("Per site — 2026-10");
    const october = reportRows("2026-10");
    expect(table(w, "Site").reduce((n, r) => n + (r.Entries as number), 0)).toBe(october.length);
    const all = table(w, "Month")[3];
    expect(all.Accepted).toBe(w.rows("Ledger").filter((r) => r["Claim State"] === "accepted").length);
    expect(sheets.charts("Dashboard")).toHaveLength(3);
  });

  it("writes one Log line per rebuild from the menu", () => {
    const lines = w.rows("Log").filter((r) => r.Action === "Rebuild dashboard");
    expect(lines).toHaveLength(6);
    expect(lines[lines.length - 1].Outcome).toBe("Dashboard rebuilt; tables for 2026-10");
  });

  it("says which report tab is missing when asked for a month without one", () => {
    const record = w.attempt("rebuildDashboard", "2026-06");
    expect(record.ok).toBe(false);
    expect(String(record.error)).toContain('no report tab "Badges 2026-06"');
  });
});
