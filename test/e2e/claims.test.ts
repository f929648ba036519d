/**
 * After the badges went out: students accept or reject them in Credly, the specialist refreshes
 * claim states (and the weekly trigger keeps doing it), syncs templates, and revokes one badge.
 * The built bundle, against the Credly sandbox over real HTTP.
 */
import { DEMO_SEED_FILE, readSeed, type SandboxSeed } from "../../local/credly-sandbox/seed";
import { runUntil, spreadsheetOf, triggersOf, urlFetchOf } from "../../local/runtime";
import type { ClaimRefreshResult } from "../../src/app/claims";
import type { IssueResult } from "../../src/app/issuing";
import type { SyncResult } from "../../src/app/templates-sync";
import { credlyBadges, ISSUE_DAY, MONTH, prepareMonth, REPORT, students, TEMPLATE_ONE } from "./badge-month";
import { DEMO_ORG, type World, world } from "./harness";

jest.setTimeout(120_000);

const badgeRows = (w: World) => w.rows(REPORT, "Entry ID").filter((r) => r.Decision === "Badge");
const gets = (w: World) => urlFetchOf(w.runtime).requests.filter((r) => r.method === "GET");

/** The demo organization's own template for other programs, which BadgeDesk never issues. */
const OTHER_PROGRAM = "5a1c0d2e-2222-4c3b-8d9e-0000000000aa";
/** Other earners' badges changed today, while the month's refresh is due. */
const OTHERS_CHANGED_TODAY = 60;

/**
 * The organization as years of use leave it: `count` badges that are not this month's, for other
 * earners and mostly other templates, mostly accepted long ago; the last OTHERS_CHANGED_TODAY
 * are pending, to be claimed during the test.
 */
function busyOrganization(count: number): SandboxSeed {
  const demo = readSeed(DEMO_SEED_FILE);
  const states = [
    "accepted",
    "accepted",
    "accepted",
    "accepted",
    "accepted",
    "rejected",
    "revoked",
    "pending",
  ] as const;
  const badges = Array.from({ length: count }, (_, i) => {
    const issued = new Date(Date.UTC(2023, 0, 1) + i * 6 * 3600_000);
    const recent = i >= count - OTHERS_CHANGED_TODAY;
    const state = recent ? "pending" : states[i % states.length];
    return {
      id: `other-${i}`,
      organization_id: DEMO_ORG,
      badge_template_id: i % 4 === 0 ? TEMPLATE_ONE : OTHER_PROGRAM,
      recipient_email: `earner${i}@elsewhere.example`,
      issued_to_first_name: "Other",
      issued_to_last_name: `Earner${i}`,
      issued_at: issued.toISOString(),
      state,
      updated_at: new Date(issued.getTime() + 3 * 24 * 3600_000).toISOString(),
    };
  });
  const other = { ...demo.templates[0], id: OTHER_PROGRAM, name: "Other Program", allow_duplicate_badges: true };
  return { ...demo, templates: [...demo.templates, other], badges };
}

const claimGets = (w: World) => gets(w).filter((r) => /\/badges\?/.test(r.url));

describe("Refresh claim states", () => {
  let w: World;
  afterEach(async () => {
    await w?.close();
  });

  /** 120 badges of the month issued in an organization holding 3,000 others; four students chose. */
  async function monthAmongThousands(): Promise<(entry: string) => string> {
    w = await world({ start: ISSUE_DAY, credly: { seed: busyOrganization(3000) }, settings: { noticeDelayDays: 0 } });
    prepareMonth(w, students(120));
    expect(w.run("issueBadgesForMonth", MONTH) as IssueResult).toMatchObject({ issued: 120 });
    const ledger = w.rows("Ledger");
    return (entry) => String(ledger.find((r) => r["Entry ID"] === entry)!["Credly Badge ID"]);
  }

  async function othersClaimToday() {
    for (let i = 3000 - OTHERS_CHANGED_TODAY; i < 3000; i++) await w.sandbox!.admin.accept(`other-${i}`);
  }

  async function studentsChoose(idOf: (entry: string) => string) {
    for (const entry of ["E-0001", "E-0002", "E-0003"]) await w.sandbox!.admin.accept(idOf(entry));
    await w.sandbox!.admin.reject(idOf("E-0004"));
  }

  it("reads only the badges whose state changed since the month was issued, not the whole organization", async () => {
    const idOf = await monthAmongThousands();
    await studentsChoose(idOf);
    await othersClaimToday();
    const before = claimGets(w).length;

    const result = w.run("refreshClaimStates") as ClaimRefreshResult;

    expect(result).toMatchObject({
      checked: 120,
      changed: 4,
      accepted: 3,
      rejected: 1,
      stillPending: 116,
      unchecked: 0,
    });
    // Reading every badge of the organization would be ceil(3,120 / 50) = 63 pages. Only the 64
    // changes since the month was issued are read (newest first, 50 a page): two pages, and the
    // second ends among the changes of long ago.
    const read = claimGets(w).slice(before);
    expect(read.length).toBeLessThanOrEqual(3);
    expect(result.pages).toBe(read.length);
    expect(read[0].url).toContain(`filter=${encodeURIComponent("state::accepted,rejected,revoked")}`);
    expect(read[0].url).toContain("sort=-updated_at");
    // Later pages are Credly's next_page_url, rebuilt onto the configured address.
    expect(read.slice(1).every((r) => r.url.startsWith(`${w.sandbox!.url}/v1/`) && r.url.includes("page="))).toBe(true);
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
    expect(next).toMatchObject({ checked: 116, changed: 1, accepted: 1, stillPending: 115, unchecked: 0 });
    expect(next.pages).toBeLessThanOrEqual(3);
  });

  it("rides out a 429 and a 503 during the refresh and still ends with the right states", async () => {
    const idOf = await monthAmongThousands();
    await studentsChoose(idOf);
    await w.sandbox!.admin.setFaults({ script: ["429", "503"], methods: ["GET"], retryAfterSeconds: 2 });
    const before = claimGets(w).length;

    const result = w.run("refreshClaimStates") as ClaimRefreshResult;

    expect(result).toMatchObject({
      checked: 120,
      changed: 4,
      accepted: 3,
      rejected: 1,
      stillPending: 116,
      unchecked: 0,
    });
    const faults = (await w.sandbox!.admin.requests()).map((r) => r.fault).filter((f) => f !== null);
    expect(faults).toEqual(["429", "503"]);
    expect(claimGets(w).length - before).toBeLessThanOrEqual(2 + 2);
    expect(new Map(w.rows("Ledger").map((r) => [r["Entry ID"], r["Claim State"]])).get("E-0004")).toBe("rejected");
  });

  it("says honestly how many badges it could not check when Credly keeps failing, and checks them next time", async () => {
    const idOf = await monthAmongThousands();
    await othersClaimToday();
    await studentsChoose(idOf);
    // The first page answers; every later read is a 503.
    await w.sandbox!.admin.setFaults({ script: ["none"], rates: { "503": 1 }, methods: ["GET"] });
    const e5Before = w.rows("Ledger").find((r) => r["Entry ID"] === "E-0005")!;

    const result = w.run("refreshClaimStates") as ClaimRefreshResult;

    // The four students' choices are the newest changes, on the first page; the rest are unknown.
    expect(result).toMatchObject({ checked: 120, accepted: 3, rejected: 1, stillPending: 0, unchecked: 116 });
    expect(result.message).toMatch(
      /Could not read all of Credly's answers \(.*503.*\): 116 badges left unchecked, next refresh tries again/,
    );
    expect(String(w.rows("Log").at(-1)?.Outcome)).toContain("116 badges left unchecked");
    expect(JSON.stringify(result)).not.toMatch(/missing|not found/i);
    const e5 = w.rows("Ledger").find((r) => r["Entry ID"] === "E-0005")!;
    // Left as it was: neither "pending" confirmed nor a check time the next refresh would start from.
    expect(e5).toEqual(e5Before);

    await w.sandbox!.admin.setFaults({});
    expect(w.run("refreshClaimStates") as ClaimRefreshResult).toMatchObject({
      checked: 116,
      changed: 0,
      stillPending: 116,
      unchecked: 0,
    });
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

  it("follows Credly's pages through 125 templates, and every one of them lands in Credentials", async () => {
    const demo = readSeed(DEMO_SEED_FILE);
    const programs = Array.from({ length: 120 }, (_, i) => ({
      ...demo.templates[0],
      id: `5a1c0d2e-3333-4c3b-8d9e-${String(i + 1).padStart(12, "0")}`,
      name: `Program ${String(i + 1).padStart(3, "0")}`,
    }));
    w = await world({
      start: ISSUE_DAY,
      credly: { seed: { ...demo, templates: [...demo.templates, ...programs] } },
      settings: { noticeDelayDays: 0 },
    });
    w.run("setUpWorkbook");
    // A person named three of them by Credential (one on each page of 50), without ids.
    const named = ["Program 007", "Program 064", "Program 118"];
    w.type(
      "Credentials",
      named.map((name) => ({ Credential: name, Vendor: "CareerTech", "Badge Issuer": "Agency", Active: "Yes" })),
    );
    const before = gets(w).length;

    const result = w.run("syncBadgeTemplates") as SyncResult;

    expect(result).toMatchObject({ templates: 125, filled: 3, added: 122 });
    const read = gets(w).slice(before);
    expect(read.length).toBeGreaterThanOrEqual(3);
    expect(read.every((r) => r.url.includes("/badge_templates"))).toBe(true);
    expect(read.slice(1).map((r) => new URL(r.url).searchParams.get("page"))).toEqual(["2", "3"]);
    const rows = w.rows("Credentials");
    const idsInSheet = rows.map((r) => r["Credly Template ID"]);
    for (const t of [...demo.templates, ...programs]) expect(idsInSheet.filter((id) => id === t.id)).toHaveLength(1);
    expect(rows).toHaveLength(125);
    const byName = new Map(rows.map((r) => [r.Credential, r]));
    for (const [n, name] of named.entries()) {
      expect(byName.get(name)).toMatchObject({ "Credly Template ID": programs[[6, 63, 117][n]].id, Active: "Yes" });
    }
    expect(byName.get("Program 120")).toMatchObject({ Active: "No", "Badge Issuer": "Agency" });
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
