/**
 * After the badges went out: students accept or reject them in Credly, the specialist refreshes
 * claim states (and the weekly trigger keeps doing it), syncs templates, and revokes one badge.
 * The built bundle, against the Credly sandbox over real HTTP.
 */
import { runUntil, spreadsheetOf, triggersOf, urlFetchOf } from "../../local/runtime";
import type { ClaimRefreshResult } from "../../src/app/claims";
import type { IssueResult } from "../../src/app/issuing";
import type { SyncResult } from "../../src/app/templates-sync";
import { credlyBadges, ISSUE_DAY, MONTH, prepareMonth, REPORT, students, TEMPLATE_ONE } from "./badge-month";
import { type World, world } from "./harness";

jest.setTimeout(120_000);

const badgeRows = (w: World) => w.rows(REPORT, "Entry ID").filter((r) => r.Decision === "Badge");
const gets = (w: World) => urlFetchOf(w.runtime).requests.filter((r) => r.method === "GET");

describe("Refresh claim states", () => {
  let w: World;
  afterEach(async () => {
    await w?.close();
  });

  it("reads the states the students chose in a few paged requests, into the Ledger and the report", async () => {
    w = await world({ start: ISSUE_DAY, credly: true, settings: { noticeDelayDays: 0 } });
    prepareMonth(w, students(120));
    expect(w.run("issueBadgesForMonth", MONTH) as IssueResult).toMatchObject({ issued: 120 });
    const ledger = w.rows("Ledger");
    const idOf = (entry: string) => String(ledger.find((r) => r["Entry ID"] === entry)!["Credly Badge ID"]);
    for (const entry of ["E-0001", "E-0002", "E-0003"]) await w.sandbox!.admin.accept(idOf(entry));
    await w.sandbox!.admin.reject(idOf("E-0004"));
    const before = gets(w).length;

    const result = w.run("refreshClaimStates") as ClaimRefreshResult;

    expect(result).toMatchObject({ checked: 120, changed: 4, accepted: 3, rejected: 1, stillPending: 116, missing: 0 });
    // 120 badges are 3 pages of 50: one GET for the first page, one fetchAll for the other two.
    expect(gets(w).length - before).toBe(3);
    expect(w.runtime.executions.at(-1)!.calls["UrlFetchApp.fetchAll"]).toBe(1);
    const states = new Map(w.rows("Ledger").map((r) => [r["Entry ID"], r["Claim State"]]));
    expect([states.get("E-0001"), states.get("E-0004"), states.get("E-0005")]).toEqual([
      "accepted",
      "rejected",
      "pending",
    ]);
    const report = new Map(badgeRows(w).map((r) => [r["Entry ID"], r["Claim State"]]));
    expect([report.get("E-0003"), report.get("E-0004"), report.get("E-0120")]).toEqual([
      "accepted",
      "rejected",
      "pending",
    ]);
    expect(w.rows("Ledger").every((r) => r["Claim Checked At"] instanceof Date)).toBe(true);

    // Accepted and rejected badges are final: the next refresh checks only the pending ones.
    await w.sandbox!.admin.accept(idOf("E-0005"));
    const next = w.run("refreshClaimStates") as ClaimRefreshResult;
    expect(next).toMatchObject({ checked: 116, changed: 1, accepted: 1, stillPending: 115 });
  });

  it("installs a weekly refresh from the menu, and the trigger keeps the report current", async () => {
    w = await world({ start: ISSUE_DAY, credly: true, settings: { noticeDelayDays: 0 } });
    prepareMonth(w, students(4));
    w.run("issueBadgesForMonth", MONTH);

    w.run("refreshClaimStatesFromMenu");
    expect(spreadsheetOf(w.runtime).ui.alerts.at(-1)?.prompt).toContain("4 still pending");
    expect(triggersOf(w.runtime).filter((t) => t.handler === "refreshClaimStates")).toHaveLength(1);
    w.run("refreshClaimStatesFromMenu");
    expect(triggersOf(w.runtime).filter((t) => t.handler === "refreshClaimStates")).toHaveLength(1);

    const id = String(w.rows("Ledger")[1]["Credly Badge ID"]);
    await w.sandbox!.admin.accept(id);
    runUntil(w.runtime, new Date(ISSUE_DAY.getTime() + 8 * 24 * 3600_000));
    expect(badgeRows(w)[1]["Claim State"]).toBe("accepted");
  });
});

describe("Sync badge templates", () => {
  let w: World;
  afterEach(async () => {
    await w?.close();
  });

  it("fills ids and names from every template page, flags archived ones and keeps every typed row", async () => {
    w = await world({ start: ISSUE_DAY, credly: true, settings: { noticeDelayDays: 0 } });
    prepareMonth(w, students(2));
    const book = spreadsheetOf(w.runtime);
    book.appendRow("Credentials", ["Demo Credential Renewable", "CareerTech", "Agency", "", "Yes"]);
    book.appendRow("Credentials", ["Typed By Hand", "Someone", "Agency", "not-a-template", "No"]);

    const result = w.run("syncBadgeTemplates") as SyncResult;

    expect(result).toMatchObject({ templates: 5, filled: 1, added: 1, archived: 1, unknown: 1 });
    const rows = w.rows("Credentials");
    expect(rows.map((r) => r.Credential)).toEqual(
      expect.arrayContaining(["Welding Technician", "CompTIA A+", "Typed By Hand", "Demo Credential Renewable"]),
    );
    const byName = new Map(rows.map((r) => [r.Credential, r]));
    expect(byName.get("Demo Credential Renewable")?.["Credly Template ID"]).toBe(
      "5a1c0d2e-1111-4c3b-8d9e-000000000003",
    );
    expect(byName.get("Welding Technician")?.["Credly Template Name"]).toBe("Demo Credential One");
    expect(String(byName.get("Small Gas Engine Technician")?.["Credly Template State"])).toContain("archived");
    expect(String(byName.get("Typed By Hand")?.["Credly Template State"])).toContain("Not in Credly");
    // Templates no row names arrive as new rows, inactive until a person decides.
    expect(byName.get("Demo Credential Draft")).toMatchObject({ Active: "No", "Badge Issuer": "Agency" });
    expect(rows).toHaveLength(4 + 2 + 1);

    expect(w.run("syncBadgeTemplates") as SyncResult).toMatchObject({ added: 0, filled: 0, refreshed: 0 });
    expect(w.rows("Credentials")).toHaveLength(7);
  });
});

describe("Revoke a badge", () => {
  let w: World;
  afterEach(async () => {
    await w?.close();
  });

  it("revokes an entry's badge with a reason, recorded in Credly, the Ledger, the report and the Log", async () => {
    w = await world({ start: ISSUE_DAY, credly: true, settings: { noticeDelayDays: 0 } });
    prepareMonth(
      w,
      students(3, () => TEMPLATE_ONE),
    );
    w.run("issueBadgesForMonth", MONTH);

    const noReason = w.attempt("revokeBadge", "E-0002", "  ");
    expect(noReason.ok).toBe(false);
    expect(noReason.error).toContain("Give a reason");

    const result = w.run("revokeBadge", "E-0002", "Entered for the wrong student") as { state: string };

    expect(result.state).toBe("revoked");
    const badge = (await credlyBadges(w.sandbox!)).find((b) => b.recipient_email === "student2@school.example")!;
    expect(badge).toMatchObject({ state: "revoked", revocation_reason: "Entered for the wrong student" });
    expect(w.rows("Ledger").find((r) => r["Entry ID"] === "E-0002")?.["Claim State"]).toBe("revoked");
    expect(badgeRows(w).find((r) => r["Entry ID"] === "E-0002")?.["Claim State"]).toBe("revoked");
    expect(badgeRows(w).find((r) => r["Entry ID"] === "E-0001")?.["Claim State"]).toBe("pending");
    expect(String(w.rows("Log").at(-1)?.Outcome)).toContain("Entered for the wrong student");

    const again = w.attempt("revokeBadge", "E-0002", "twice");
    expect(again.error).toContain("was not revoked");
  });

  it("from the menu, says what to select when the selected row holds no Entry ID", async () => {
    w = await world({ start: ISSUE_DAY, credly: true, settings: { noticeDelayDays: 0 } });
    prepareMonth(w, students(1));
    const book = spreadsheetOf(w.runtime);
    book.activeSheetId = book.requireSheet("Ledger").id;

    const record = w.attempt("revokeSelectedBadge");

    expect(record.ok).toBe(false);
    expect(record.error).toContain('Row 1 of "Ledger" holds no Entry ID');
    expect(urlFetchOf(w.runtime).requests).toHaveLength(0);
  });
});
