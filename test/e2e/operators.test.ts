/**
 * Issue #10, who may act: with Operators set to the specialist, anyone else who reaches the entry
 * points a page or a menu calls — send notices, issue badges, revoke a badge — is refused with a
 * message naming Operators, and nothing goes out: no e-mail, no request to Credly, no report or
 * Ledger cell changed. The specialist then does each of them. The built bundle, the Credly sandbox.
 */
import { outboxOf, spreadsheetOf, type UiAnswer } from "../../local/runtime";
import {
  credlyBadges,
  ISSUE_DAY,
  MONTH,
  REPORT,
  type Student,
  students,
  TEMPLATE_ONE,
  TEMPLATE_TWO,
} from "./badge-month";
import { SPECIALIST, type World, world } from "./harness";

jest.setTimeout(120_000);

const INTRUDER = "intruder@agency.example";
const REFUSAL = (action: string) =>
  `${INTRUDER} may not ${action}: only BadgeDesk operators can (Settings → Operators).`;

/** The month's report built by the specialist; no notice sent yet. */
function reportedMonth(w: World, list: readonly Student[]): void {
  w.run("setUpWorkbook");
  w.type(
    "Credentials",
    [
      ["Welding Technician", TEMPLATE_ONE],
      ["Florist Assistant", TEMPLATE_TWO],
    ].map(([name, template]) => ({
      Credential: name,
      Vendor: "CareerTech",
      "Badge Issuer": "Agency",
      "Credly Template ID": template,
      Active: "Yes",
    })),
  );
  w.type(
    "Entries",
    list.map((s) => ({
      "Entry ID": s.entryId,
      "Entered At": s.enteredAt,
      "Student First Name": s.first,
      "Student Last Name": s.last,
      "Student Email": s.email,
      Credential: s.credential,
      "Date Earned": new Date(Date.UTC(2026, 10, 2, 6)),
      Program: "Trade and Industrial",
      Site: "Central Tech",
      "Instructor Name": "Pat Instructor",
      "Instructor Email": "pat@centraltech.example",
      Source: "Form",
    })),
  );
  w.run("buildMonthlyReport");
}

/** Everything a refused action could have touched. */
async function snapshot(w: World) {
  return {
    mail: outboxOf(w.runtime).messages.length,
    credlyRequests: (await w.sandbox!.admin.requests()).length,
    badges: (await credlyBadges(w.sandbox!)).map((b) => ({ id: b.id, state: b.state })),
    report: w.rows(REPORT, "Entry ID"),
    ledger: w.rows("Ledger"),
  };
}

/** The intruder calls `functionName` as a page or menu would (answering any question asked). */
function intruderCalls(w: World, functionName: string, args: unknown[], answers: UiAnswer[] = []) {
  const ui = spreadsheetOf(w.runtime).ui;
  ui.answers.push(...answers);
  const record = w.runtime.run(functionName, { user: INTRUDER, event: args[0], args: args.slice(1) });
  expect(ui.answers).toEqual([]);
  return record;
}

/**
 * The intruder clicks an operators' menu item: it refuses at once, in an alert, before it asks
 * anything (no month, no reason, no confirmation).
 */
function intruderClicks(w: World, functionName: string): string {
  const ui = spreadsheetOf(w.runtime).ui;
  const before = ui.alerts.length;
  const record = w.runtime.run(functionName, { user: INTRUDER });
  expect(record.ok).toBe(true);
  const shown = ui.alerts.slice(before);
  expect(shown.map((a) => a.kind)).toEqual(["alert"]);
  return shown[0].prompt;
}

describe("Operators set to the specialist", () => {
  let w: World;
  beforeAll(async () => {
    w = await world({ start: ISSUE_DAY, credly: true, settings: { noticeDelayDays: 0, operators: [SPECIALIST] } });
    reportedMonth(w, students(4));
  });
  afterAll(() => w?.close());

  it("refuses another user's Send notices, from the page and from the menu, and no notice goes", async () => {
    const before = await snapshot(w);
    // The Send notices dialog's button calls sendNotices; the menu's "Run the cycle now" sends them too.
    const fromPage = intruderCalls(w, "sendNotices", [MONTH]);
    expect(fromPage.ok).toBe(false);
    expect(fromPage.error).toContain(REFUSAL("send notices"));
    expect(intruderClicks(w, "runCycleNow")).toContain(REFUSAL("run the monthly cycle"));
    expect(await snapshot(w)).toEqual(before);
    expect(before.report.map((r) => r["Notice Status"])).not.toContain("Sent");
  });

  it("lets the specialist send the notices", () => {
    expect(w.run("sendNotices", MONTH)).toMatchObject({ sent: 4, stoppedFor: null });
    expect(w.rows(REPORT, "Entry ID").map((r) => r["Notice Status"])).toEqual(["Sent", "Sent", "Sent", "Sent"]);
  });

  it("refuses another user's Issue badges, from the page and from the menu, and nothing reaches Credly", async () => {
    const before = await snapshot(w);
    const fromPage = intruderCalls(w, "issueBadgesForMonth", [MONTH]);
    expect(fromPage.ok).toBe(false);
    expect(fromPage.error).toContain(REFUSAL("issue badges"));
    expect(intruderClicks(w, "issueBadgesFromMenu")).toContain(REFUSAL("issue badges"));
    expect(await snapshot(w)).toEqual(before);
    expect(before.badges).toEqual([]);
  });

  it("lets the specialist issue the badges", async () => {
    expect(w.run("issueBadgesForMonth", MONTH)).toMatchObject({ issued: 4 });
    expect((await credlyBadges(w.sandbox!)).map((b) => b.state)).toEqual(["pending", "pending", "pending", "pending"]);
  });

  it("refuses another user's Revoke badge, from the page and from the menu, and the badge stands", async () => {
    const before = await snapshot(w);
    const fromPage = intruderCalls(w, "revokeBadge", ["E-0002", "Entered for the wrong student"]);
    const row = spreadsheetOf(w.runtime)
      .values(REPORT)
      .findIndex((r) => r[0] === "E-0002");
    spreadsheetOf(w.runtime).select(REPORT, row + 1, 3);
    expect(fromPage.ok).toBe(false);
    expect(fromPage.error).toContain(REFUSAL("revoke badges"));
    expect(intruderClicks(w, "revokeSelectedBadge")).toContain(REFUSAL("revoke badges"));
    expect(await snapshot(w)).toEqual(before);
    expect(before.badges.map((b) => b.state)).not.toContain("revoked");
  });

  it("lets the specialist revoke the badge", async () => {
    const badgeId = String(w.rows("Ledger").find((r) => r["Entry ID"] === "E-0002")?.["Credly Badge ID"]);
    expect(w.run("revokeBadge", "E-0002", "Entered for the wrong student")).toMatchObject({
      entryId: "E-0002",
      badgeId,
      state: "revoked",
    });
    const revoked = (await credlyBadges(w.sandbox!)).filter((b) => b.state === "revoked");
    expect(revoked.map((b) => b.id)).toEqual([badgeId]);
    expect(w.rows(REPORT, "Entry ID").find((r) => r["Entry ID"] === "E-0002")?.["Claim State"]).toBe("revoked");
  });
});
