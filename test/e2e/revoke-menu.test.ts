/**
 * "Revoke selected badge…" from the menu: the specialist selects a row holding an Entry ID, gives
 * a reason and says Yes. A No, a blank reason or a Cancel sends nothing to Credly and changes no
 * cell. Through the built bundle, against the Credly sandbox, on a badge the real runs issued.
 */
import { spreadsheetOf, type UiAnswer } from "../../local/runtime";
import { credlyBadges, ISSUE_DAY, MONTH, prepareMonth, REPORT, students } from "./badge-month";
import { type World, world } from "./harness";

const ENTRY = "E-0002";

/** A month with its badges issued; the specialist's selection on ENTRY's row of the report tab. */
async function issuedMonth(): Promise<World> {
  const w = await world({ start: ISSUE_DAY, credly: true, settings: { noticeDelayDays: 0 } });
  prepareMonth(w, students(3));
  expect(w.run("issueBadgesForMonth", MONTH)).toMatchObject({ issued: 3 });
  const values = spreadsheetOf(w.runtime).values(REPORT);
  const row = values.findIndex((r) => r[0] === ENTRY) + 1;
  expect(row).toBeGreaterThan(1);
  spreadsheetOf(w.runtime).select(REPORT, row, 3);
  return w;
}

/** What a revoke could touch: Credly's requests and badges, the Ledger, the report tab, the Log. */
async function snapshot(w: World) {
  const requests = await w.sandbox!.admin.requests();
  return {
    revokeRequests: requests.filter((r) => JSON.stringify(r).includes("revoke")).length,
    badges: (await credlyBadges(w.sandbox!)).map((b) => ({ id: b.id, state: b.state })),
    ledger: w.rows("Ledger"),
    report: w.rows(REPORT, "Entry ID"),
    log: w.rows("Log").length,
  };
}

function revokeFromMenu(w: World, answers: UiAnswer[]) {
  const ui = spreadsheetOf(w.runtime).ui;
  ui.answers.push(...answers);
  const asked = ui.alerts.length;
  w.run("revokeSelectedBadge");
  expect(ui.answers).toEqual([]);
  return ui.alerts.slice(asked);
}

describe("Revoke selected badge… from the menu", () => {
  let w: World;
  afterEach(async () => {
    await w?.close();
  });

  it.each<[string, UiAnswer[], number]>([
    ["answered No", [{ button: "OK", text: "Entered for the wrong student" }, { button: "NO" }], 2],
    ["given a blank reason", [{ button: "OK", text: "   " }], 1],
    ["cancelled at the reason", [{ button: "CANCEL" }], 1],
  ])("%s, sends nothing to Credly and changes nothing", async (_case, answers, questions) => {
    w = await issuedMonth();
    const before = await snapshot(w);
    expect(before.ledger.find((r) => r["Entry ID"] === ENTRY)?.["Credly Badge ID"]).not.toBe("");

    const asked = revokeFromMenu(w, answers);
    expect(asked).toHaveLength(questions);
    expect(asked[0].prompt).toContain(`Entry ID ${ENTRY}`);
    expect(await snapshot(w)).toEqual(before);
    expect(before.badges.every((b) => b.state !== "revoked")).toBe(true);
  });

  it("answered Yes with a reason, revokes the selected row's badge and tells the specialist", async () => {
    w = await issuedMonth();
    const badgeId = String(w.rows("Ledger").find((r) => r["Entry ID"] === ENTRY)?.["Credly Badge ID"]);
    const asked = revokeFromMenu(w, [{ button: "OK", text: "Entered for the wrong student" }, { button: "YES" }]);
    expect(asked.map((a) => a.kind)).toEqual(["prompt", "alert", "alert"]);
    expect(asked[2].prompt).toContain(`Badge ${badgeId} (Entry ID ${ENTRY}) is revoked`);
    const badges = await credlyBadges(w.sandbox!);
    expect(badges.filter((b) => b.state === "revoked").map((b) => b.id)).toEqual([badgeId]);
    expect(w.rows(REPORT, "Entry ID").find((r) => r["Entry ID"] === ENTRY)?.["Claim State"]).toBe("revoked");
  });
});
