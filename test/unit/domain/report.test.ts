import { decideMonth } from "../../../src/domain/decide";
import type { Entry } from "../../../src/domain/entry";
import { buildReport, REPORT_HEADERS, type ReportRow, reportRowValues } from "../../../src/domain/report";
import { reportSummary } from "../../../src/domain/summary";
import { catalog, entry, TODAY } from "../support/domain-fixtures";
import { at } from "../support/format-date";

const context = { catalog, ledgerKeys: new Set<string>(), earlierKeys: new Set<string>(), today: TODAY };

function month(): Entry[] {
  return [
    entry({ entryId: "E-1", enteredAt: at("2026-11-02T08:00", -6), email: "ann@school.org", firstName: "Ann" }),
    entry({ entryId: "E-2", enteredAt: at("2026-11-03T08:00", -6), email: "bo@school.org", credential: "CompTIA A+" }),
    entry({ entryId: "E-3", enteredAt: at("2026-11-04T08:00", -6), email: "cy@@school.org", site: "Moore Norman" }),
    entry({ entryId: "E-4", enteredAt: at("2026-11-05T08:00", -6), email: "di@school.org", credential: "OSHA 10" }),
  ];
}

function build(entries: Entry[], previous: ReportRow[] = []): ReportRow[] {
  const byId = new Map(previous.map((r) => [String(r["Entry ID"]), r]));
  return buildReport(entries, byId, decideMonth(entries, context), catalog);
}

const row = (rows: ReportRow[], id: string) => rows.find((r) => r["Entry ID"] === id)!;

describe("the monthly report", () => {
  it("has DESIGN.md's headers in order", () => {
    expect(REPORT_HEADERS).toEqual([
      "Entry ID",
      "Entered At",
      "Student",
      "Student Email",
      "Credential",
      "Vendor",
      "Site",
      "Decision",
      "Reason",
      "Notice Status",
      "Notice Sent At",
      "Badge Status",
      "Badge Issued At",
      "Credly Badge ID",
      "Claim State",
      "Last Error",
    ]);
  });

  it("lists each entry with its decision, the catalog's spelling and vendor, earliest first", () => {
    const rows = build(month().reverse());
    expect(rows.map((r) => [r["Entry ID"], r.Decision, r.Credential, r.Vendor])).toEqual([
      ["E-1", "Badge", "Welding Technician", "CareerTech"],
      ["E-2", "Vendor badge", "CompTIA A+", "CompTIA"],
      ["E-3", "Needs fix", "Welding Technician", "CareerTech"],
      ["E-4", "Badge", "OSHA 10", "OSHA"],
    ]);
    expect(row(rows, "E-1").Student).toBe("Ann Doe");
    expect(reportRowValues(row(rows, "E-1"))).toHaveLength(16);
  });

  it("keeps progress by Entry ID after the sheet was sorted and rows deleted", () => {
    const first = build(month());
    row(first, "E-1")["Notice Status"] = "Sent";
    row(first, "E-1")["Notice Sent At"] = at("2026-12-01T07:00", -6);
    row(first, "E-1")["Badge Status"] = "Issued";
    row(first, "E-1")["Credly Badge ID"] = "b-111";
    row(first, "E-1")["Claim State"] = "pending";
    row(first, "E-4")["Notice Status"] = "Failed";
    row(first, "E-4")["Last Error"] = "Mail quota reached";
    // Someone sorted the report by Student Email descending and deleted E-2's row.
    const previous = first
      .slice()
      .reverse()
      .filter((r) => r["Entry ID"] !== "E-2");

    const rebuilt = build(month(), previous);

    expect(rebuilt.map((r) => r["Entry ID"])).toEqual(["E-1", "E-2", "E-3", "E-4"]);
    expect(row(rebuilt, "E-1")).toMatchObject({
      "Notice Status": "Sent",
      "Badge Status": "Issued",
      "Credly Badge ID": "b-111",
      "Claim State": "pending",
    });
    expect(row(rebuilt, "E-4")).toMatchObject({
      Decision: "Badge",
      "Notice Status": "Failed",
      "Last Error": "Mail quota reached",
    });
    expect(row(rebuilt, "E-2")).toMatchObject({ Decision: "Vendor badge", "Notice Status": "", "Badge Status": "" });
  });

  it("refreshes the decision of a row not yet acted on, once the entry is fixed", () => {
    const first = build(month());
    row(first, "E-3")["Notice Status"] = "Not needed";
    const fixed = month().map((e) => (e.entryId === "E-3" ? { ...e, email: "cy@school.org" } : e));
    const rebuilt = build(fixed, first);
    expect(row(rebuilt, "E-3")).toMatchObject({
      Decision: "Badge",
      Reason: "",
      "Student Email": "cy@school.org",
      "Notice Status": "",
    });
  });

  it("does not change a row whose notice was sent, even if its entry changed", () => {
    const first = build(month());
    row(first, "E-1")["Notice Status"] = "Sent";
    const edited = month().map((e) => (e.entryId === "E-1" ? { ...e, credential: "Nope" } : e));
    const rebuilt = build(edited, first);
    expect(row(rebuilt, "E-1")).toMatchObject({ Decision: "Badge", Credential: "Welding Technician" });
  });

  it("keeps an issued row whose entry was deleted from Entries, and drops an untouched one", () => {
    const first = build(month());
    row(first, "E-4")["Badge Status"] = "Issued";
    const rebuilt = build(
      month().filter((e) => e.entryId !== "E-4" && e.entryId !== "E-2"),
      first,
    );
    expect(rebuilt.map((r) => r["Entry ID"])).toEqual(["E-1", "E-3", "E-4"]);
  });
});

describe("the summary block", () => {
  it("counts decisions per site and the backlog, as plain values of one width", () => {
    const rows = build(month());
    row(rows, "E-1")["Notice Status"] = "Sent";
    row(rows, "E-1")["Badge Status"] = "Issued";
    row(rows, "E-1")["Claim State"] = "accepted";
    expect(reportSummary("2026-11", rows)).toEqual([
      ["Badges November 2026", "", "", "", "", ""],
      ["Site", "Entries", "Badge", "Vendor badge", "Needs fix", "Already badged"],
      ["All sites", 4, 2, 1, 1, 0],
      ["Tulsa Tech", 3, 2, 1, 0, 0],
      ["Moore Norman", 1, 0, 0, 1, 0],
      ["Notices sent", 1, "", "", "", ""],
      ["Badges issued", 1, "", "", "", ""],
      ["Backlog: Badge rows not yet issued", 1, "", "", "", ""],
      ["Claimed (accepted)", 1, "", "", "", ""],
    ]);
  });
});
