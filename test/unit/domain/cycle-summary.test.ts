import { composeCycleSummary, summaryCounts } from "../../../src/domain/cycle-summary";
import type { ReportRow } from "../../../src/domain/report";

function row(change: Partial<ReportRow>): ReportRow {
  return {
    "Entry ID": "E-1",
    "Entered At": new Date("2026-11-03T15:41:00Z"),
    Student: "Jane Doe",
    "Student Email": "jane@school.org",
    Credential: "Welding Technician",
    Vendor: "CareerTech",
    Site: "Tulsa Tech",
    Decision: "Badge",
    Reason: "",
    "Notice Status": "Sent",
    "Notice Sent At": "",
    "Badge Status": "Issued",
    "Badge Issued At": "",
    "Credly Badge ID": "b-1",
    "Claim State": "pending",
    "Last Error": "",
    ...change,
  };
}

const ROWS: ReportRow[] = [
  row({ "Entry ID": "E-1" }),
  row({ "Entry ID": "E-2", "Badge Status": "Failed", "Last Error": "Credly said 422: template archived" }),
  row({ "Entry ID": "E-3", Decision: "Needs fix", Site: "Moore Norman", "Notice Status": "", "Badge Status": "" }),
  row({ "Entry ID": "E-4", Decision: "Needs fix", Site: "Moore Norman", "Notice Status": "", "Badge Status": "" }),
  row({ "Entry ID": "E-5", Decision: "Needs fix", Site: "Tulsa Tech", "Notice Status": "", "Badge Status": "" }),
  row({ "Entry ID": "E-6", Decision: "Vendor badge", "Notice Status": "Not needed", "Badge Status": "" }),
];

describe("the monthly summary for the specialist", () => {
  it("counts decisions, notices, badges and the backlog from the report's rows", () => {
    expect(summaryCounts(ROWS)).toMatchObject({
      entries: 6,
      decisions: { Badge: 2, "Vendor badge": 1, "Needs fix": 3, "Already badged": 0 },
      notices: { sent: 2, failed: 0, notNeeded: 1 },
      badges: { issued: 1, failed: 1, backlog: 1 },
      needsFix: [
        { site: "Moore Norman", count: 2 },
        { site: "Tulsa Tech", count: 1 },
      ],
      failures: [{ entryId: "E-2", error: "Credly said 422: template archived" }],
    });
  });

  it("names the month, lists needs-fix sites and failures, and links the report tab", () => {
    const message = composeCycleSummary({
      month: "2026-11",
      rows: ROWS,
      reportUrl: "https://docs.google.com/spreadsheets/d/abc/edit#gid=42",
      slices: 3,
      startedAt: "2026-12-01T12:10:00.000Z",
    });
    expect(message.subject).toBe("BadgeDesk: November 2026 done: 1 badges issued, 2 notices sent");
    expect(message.textBody).toContain("Decision: Needs fix: 3");
    expect(message.textBody).toContain("  Moore Norman: 2");
    expect(message.textBody).toContain("  E-2: Credly said 422: template archived");
    expect(message.textBody).toContain("The report: https://docs.google.com/spreadsheets/d/abc/edit#gid=42");
    expect(message.htmlBody).toContain('<a href="https://docs.google.com/spreadsheets/d/abc/edit#gid=42">');
  });

  it("escapes what people typed before it goes into the HTML", () => {
    const message = composeCycleSummary({
      month: "2026-11",
      rows: [row({ Decision: "Needs fix", Site: "<b>Tech</b>" })],
      reportUrl: "u",
      slices: 1,
      startedAt: "",
    });
    expect(message.htmlBody).toContain("&lt;b&gt;Tech&lt;/b&gt;: 1");
    expect(message.htmlBody).not.toContain("<b>Tech</b>");
  });

  it("lists twenty failures and points to the tab for the rest", () => {
    const many = Array.from({ length: 25 }, (_, i) => row({ "Entry ID": `E-${i}`, "Last Error": "timeout" }));
    const message = composeCycleSummary({ month: "2026-11", rows: many, reportUrl: "u", slices: 1, startedAt: "" });
    expect(message.textBody).toContain("… and 5 more in the report tab");
    expect(message.textBody).not.toContain("E-20: timeout");
  });
});
