/**
 * Issuing badges through the built bundle, against the Credly sandbox over real HTTP: the
 * specialist's "Issue badges…" for November, on December 3rd, after the notices went out.
 */
import { DEMO_SEED_FILE, readSeed } from "../../local/credly-sandbox/seed";
import { ExecutionKilled, propertiesOf, urlFetchOf } from "../../local/runtime";
import { ALREADY_HELD, type IssueResult } from "../../src/app/issuing";
import {
  badgesPerStudent,
  credlyBadges,
  ISSUE_DAY,
  MONTH,
  prepareMonth,
  REPORT,
  revokeWriteTokenNow,
  type Student,
  students,
  TEMPLATE_ARCHIVED,
  TEMPLATE_ONE,
} from "./badge-month";
import { DEMO_ORG, SPECIALIST, type World, world } from "./harness";

/** The demo seed's token without write permission. */
const READ_TOKEN = "demo-read-token";

jest.setTimeout(240_000);

const badgeRows = (w: World) => w.rows(REPORT, "Entry ID").filter((r) => r.Decision === "Badge");
const issue = (w: World) => w.run("issueBadgesForMonth", MONTH) as IssueResult;
const posts = (w: World) =>
  urlFetchOf(w.runtime).requests.filter((r) => r.method === "POST" && r.url.endsWith("/badges"));

/** Every row Issued with one badge in Credly, and Ledger rows matching Credly's badges one for one. */
async function expectExactlyOnce(w: World, list: readonly Student[]) {
  const credly = await credlyBadges(w.sandbox!);
  const perStudent = badgesPerStudent(credly);
  for (const s of list) expect(perStudent.get(`${s.email}|${s.templateId}`)).toBe(1);
  expect(credly).toHaveLength(list.length);

  const rows = badgeRows(w);
  expect(rows.map((r) => r["Badge Status"])).toEqual(list.map(() => "Issued"));
  const ledger = w.rows("Ledger");
  expect(ledger).toHaveLength(list.length);
  expect(new Set(ledger.map((r) => r["Entry ID"])).size).toBe(list.length);
  const credlyIds = new Set(credly.map((b) => b.id));
  expect(ledger.every((r) => credlyIds.has(String(r["Credly Badge ID"])))).toBe(true);
  const byEntry = new Map(ledger.map((r) => [r["Entry ID"], r["Credly Badge ID"]]));
  for (const row of rows) expect(row["Credly Badge ID"]).toBe(byEntry.get(row["Entry ID"]));
}

describe("Issue badges", () => {
  let w: World;
  afterEach(async () => {
    await w?.close();
  });

  it("issues a month of 500 badges once each, in fetchAll batches, writing the sheet in batches", async () => {
    w = await world({ start: ISSUE_DAY, credly: true, settings: { noticeDelayDays: 0, batchSize: 50 } });
    const list = students(500);
    prepareMonth(w, list);

    const result = issue(w);

    expect(result).toMatchObject({ issued: 500, failed: 0, remaining: 0, stoppedFor: null, alreadyHeld: 0 });
    expect(result.message).toContain("500 badges issued for November 2026");
    await expectExactlyOnce(w, list);
    const calls = w.runtime.executions.at(-1)!.calls;
    expect(calls["UrlFetchApp.fetchAll"]).toBe(10);
    expect(calls["UrlFetchApp.fetch"] ?? 0).toBe(0);
    expect(posts(w)).toHaveLength(500);
    // Per batch: Issuing, results, Ledger append; then one Log line. At most one write per 50 rows, ×3.
    expect(calls["Range.setValues"]).toBeLessThanOrEqual(3 * 10 + 2);

    const first = JSON.parse(posts(w)[0].body);
    expect(first).toMatchObject({
      recipient_email: "student1@school.example",
      badge_template_id: TEMPLATE_ONE,
      issued_at: "2026-11-03 08:00:00 -0600",
      locale: "es-US",
    });
    expect(first.issuer_earner_id).toMatch(/^bd-[0-9a-f]{16}$/);

    const again = issue(w);
    expect(again).toMatchObject({ issued: 0, remaining: 0 });
    expect(posts(w)).toHaveLength(500);
    expect(w.rows("Log").at(-1)?.Action).toBe("Issue badges");
  });

  it("records a badge the student already holds in Credly instead of issuing a second", async () => {
    const list = students(6);
    const held = list.slice(0, 2);
    w = await world({
      start: ISSUE_DAY,
      credly: {
        seed: {
          ...readSeed(DEMO_SEED_FILE),
          badges: held.map((s) => ({
            id: `held-${s.entryId}`,
            organization_id: DEMO_ORG,
            badge_template_id: s.templateId,
            recipient_email: s.email,
            issued_to_first_name: s.first,
            issued_to_last_name: s.last,
            issued_at: "2025-05-01T12:00:00Z",
            state: "accepted" as const,
          })),
        },
      },
      settings: { noticeDelayDays: 0 },
    });
    prepareMonth(w, list);

    const result = issue(w);

    expect(result).toMatchObject({ issued: 6, alreadyHeld: 2, failed: 0, remaining: 0 });
    const rows = badgeRows(w);
    expect(rows[0]).toMatchObject({
      "Badge Status": "Issued",
      "Credly Badge ID": "held-E-0001",
      "Claim State": "accepted",
    });
    expect(rows[0]["Last Error"]).toBe(ALREADY_HELD);
    await expectExactlyOnce(w, list);
  });

  it("marks a badge Credly refuses as Failed with Credly's words, and issues the rest", async () => {
    const list = students(4, (i) => (i === 2 ? TEMPLATE_ARCHIVED : TEMPLATE_ONE));
    w = await world({ start: ISSUE_DAY, credly: true, settings: { noticeDelayDays: 0 } });
    prepareMonth(w, list);

    const result = issue(w);

    expect(result).toMatchObject({ issued: 3, failed: 1, remaining: 0 });
    const failed = badgeRows(w)[2];
    expect(failed["Badge Status"]).toBe("Failed");
    expect(String(failed["Last Error"])).toContain("Invalid or missing Badge Template ID");
    expect(String(failed.Reason)).toContain("Credly refused the badge");
    expect(issue(w)).toMatchObject({ issued: 0, failed: 0 });
    expect(posts(w)).toHaveLength(4);
  });

  it("finds the badges of a run that died after Credly acted, and never posts them again", async () => {
    w = await world({ start: ISSUE_DAY, credly: true, settings: { noticeDelayDays: 0, batchSize: 50 } });
    const list = students(60);
    prepareMonth(w, list);
    let posted = false;
    w.runtime.beforeCall.push((exec, member) => {
      if (exec.functionName !== "issueBadgesForMonth") return;
      if (posted && member !== "UrlFetchApp.fetchAll") {
        exec.killed = true;
        throw new ExecutionKilled("Exceeded maximum execution time");
      }
      if (member === "UrlFetchApp.fetchAll") posted = true;
    });

    const died = w.attempt("issueBadgesForMonth", MONTH);
    expect(died.error).toBe("Exceeded maximum execution time");
    expect(badgeRows(w).filter((r) => r["Badge Status"] === "Issuing")).toHaveLength(50);
    expect(await credlyBadges(w.sandbox!)).toHaveLength(50);
    w.runtime.beforeCall.length = 0;

    const result = issue(w);

    expect(result).toMatchObject({ issued: 60, reconciled: 50, remaining: 0, failed: 0 });
    expect(posts(w)).toHaveLength(60);
    await expectExactlyOnce(w, list);
  });

  it("waits for the notice delay, and says when the first badge may go", async () => {
    w = await world({ start: ISSUE_DAY, credly: true, settings: { noticeDelayDays: 5 } });
    prepareMonth(w, students(3));

    const result = issue(w);

    expect(result).toMatchObject({ issued: 0, waiting: 3, remaining: 0 });
    // The notices went out on Dec 3 (about 15:00 UTC): five days later.
    expect(result.nextEligibleAt?.slice(0, 13)).toBe("2026-12-08T15");
    expect(posts(w)).toHaveLength(0);
  });

  it("issues exactly one badge per row through 429s, 500s, timeouts and lost answers at 15 %", async () => {
    w = await world({ start: ISSUE_DAY, credly: true, settings: { noticeDelayDays: 0, batchSize: 25 } });
    const list = students(200);
    prepareMonth(w, list);
    await w.sandbox!.admin.setFaults({
      seed: 11,
      rates: { "429": 0.04, "500": 0.04, "act-then-500": 0.04, slow: 0.02, "act-then-drop": 0.01 },
      slowMs: 1500,
    });
    urlFetchOf(w.runtime).setTimeoutMs(400);

    const results: IssueResult[] = [];
    for (let run = 0; run < 30; run++) {
      const result = issue(w);
      results.push(result);
      if (result.remaining === 0) break;
      w.runtime.clock.advance(60_000);
    }

    const faults = (await w.sandbox!.admin.requests()).map((r) => r.fault).filter((f) => f !== null);
    for (const kind of ["429", "500", "act-then-500", "slow", "act-then-drop"]) expect(faults).toContain(kind);
    expect(results.at(-1)).toMatchObject({ remaining: 0, failed: 0 });
    expect(results.reduce((n, r) => n + r.issued, 0)).toBe(200);
    await w.sandbox!.admin.setFaults({});
    await expectExactlyOnce(w, list);
  });

  it("stops before any badge exists when the saved token can only read, and says how to fix it", async () => {
    w = await world({ start: ISSUE_DAY, credly: true, settings: { noticeDelayDays: 0 } });
    const list = students(5);
    prepareMonth(w, list);
    // The demo organization's read-only token: Credly lists with it, and refuses to issue (403).
    propertiesOf(w.runtime).user(SPECIALIST).set("badgedesk.credlyToken", READ_TOKEN);

    const result = issue(w);

    expect(result).toMatchObject({ issued: 0, failed: 0, stoppedFor: "auth", remaining: 5 });
    expect(result.message).toMatch(/\(403\).*a token that can issue badges.*Fix it in Settings/);
    const rows = badgeRows(w);
    expect(rows.map((r) => r["Badge Status"])).toEqual(list.map(() => ""));
    expect(rows.map((r) => r["Credly Badge ID"])).toEqual(list.map(() => ""));
    expect(await credlyBadges(w.sandbox!)).toHaveLength(0);
    expect(w.rows("Ledger")).toHaveLength(0);
    expect(String(w.rows("Log").at(-1)?.Outcome)).toContain("Issuing stopped");
  });

  it("waits as long as Credly's Retry-After asks before posting again, and issues the badge once", async () => {
    w = await world({ start: ISSUE_DAY, credly: true, settings: { noticeDelayDays: 0 } });
    const list = students(1);
    prepareMonth(w, list);
    await w.sandbox!.admin.setFaults({ script: ["429"], methods: ["POST"], retryAfterSeconds: 20 });

    const result = issue(w);

    expect(result).toMatchObject({ issued: 1, failed: 0, remaining: 0 });
    const [first, retry] = posts(w);
    expect(posts(w)).toHaveLength(2);
    expect(first.status).toBe(429);
    expect(retry.status).toBe(201);
    // Virtual time: the runtime's clock, which the script's sleep advances.
    expect(retry.at - first.at).toBeGreaterThanOrEqual(20_000);
    await expectExactlyOnce(w, list);
  });

  it("stops cleanly with the reason when the token is revoked mid-run", async () => {
    w = await world({ start: ISSUE_DAY, credly: true, settings: { noticeDelayDays: 0, batchSize: 20 } });
    const list = students(100);
    prepareMonth(w, list);
    let fetchAlls = 0;
    w.runtime.beforeCall.push((_exec, member) => {
      if (member === "UrlFetchApp.fetchAll" && ++fetchAlls === 3) revokeWriteTokenNow(w.sandbox!);
    });

    const result = issue(w);

    expect(result).toMatchObject({ issued: 40, stoppedFor: "auth", remaining: 60 });
    expect(result.message).toMatch(/Credly refused the token \(401\).*Settings/);
    const rows = badgeRows(w);
    expect(rows.filter((r) => r["Badge Status"] === "Issued")).toHaveLength(40);
    expect(rows.filter((r) => r["Badge Status"] === "")).toHaveLength(60);
    expect(await credlyBadges(w.sandbox!)).toHaveLength(40);
    expect(w.rows("Ledger")).toHaveLength(40);
    expect(String(w.rows("Log").at(-1)?.Outcome)).toContain("Issuing stopped");
  });
});
