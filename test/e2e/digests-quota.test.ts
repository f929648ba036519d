/**
 * Issue #15: "receipts and digests count against the same daily quota as notices; notices to
 * students come first." On a consumer account (100 recipients a day) in a month whose notices need
 * the whole day's quota, the needs-fix digests wait for a day the notices leave room.
 */
import { credentialsSheet, generateMonth } from "../../local/demo";
import { outboxOf, quotaDay, runUntil, spreadsheetOf } from "../../local/runtime";
import { type Row, type World, world } from "./harness";

const MONTH = "2026-11";
const FIRST_OF_DECEMBER = new Date("2026-12-01T14:00:00Z");
const isDigest = (subject: string) => /still needs? a fix/.test(subject);

describe("needs-fix digests on a day the notices need the whole mail quota", () => {
  let w: World;
  afterEach(() => w.close());

  it("wait for the day the notices leave room, taking none of the quota the students need", async () => {
    w = await world({ start: FIRST_OF_DECEMBER, edition: "consumer" });
    w.run("setUpWorkbook");
    spreadsheetOf(w.runtime).setValues("Credentials", 1, 1, credentialsSheet());
    w.type("Entries", generateMonth({ seed: 1, month: MONTH, students: 450 }).entries as unknown as Row[]);
    w.run("buildMonthlyReport");
    const report = w.rows(`Badges ${MONTH}`, "Entry ID");
    expect(report.some((r) => r.Decision === "Needs fix")).toBe(true);

    expect(w.run("sendNotices", MONTH)).toMatchObject({ sent: 100, stoppedFor: "quota", quotaLeft: 0 });
    // The specialist asks for the digests the same morning, from the menu.
    spreadsheetOf(w.runtime).ui.answers.push({ button: "OK", text: MONTH });
    const queued = w.run("sendNeedsFixDigestsFromMenu") as { instructors: number; entries: number };
    expect(queued.instructors).toBeGreaterThan(0);

    runUntil(w.runtime, new Date("2026-12-06T00:00:00Z"));
    const sent = outboxOf(w.runtime).messages;
    const digests = sent.filter((m) => isDigest(m.subject));
    const notices = sent.filter((m) => !isDigest(m.subject));
    expect(digests).toHaveLength(queued.instructors);
    expect(
      w.rows(`Badges ${MONTH}`, "Entry ID").filter((r) => r.Decision === "Badge" && r["Notice Status"] !== "Sent"),
    ).toEqual([]);

    // Enough students for two whole days of notices and part of a third.
    expect(notices.length).toBeGreaterThan(200);
    expect(notices.length + digests.length).toBeLessThanOrEqual(300);
    const noticeDays = [...new Set(notices.map((m) => quotaDay(m.at)))].sort();
    expect(noticeDays).toEqual(["2026-12-01", "2026-12-02", "2026-12-03"]);
    // The first two days' quota went whole to the students, though the digests were queued on the
    // first morning; they went on the third day, in what the last notices left of its quota.
    for (const day of noticeDays.slice(0, 2)) {
      expect(notices.filter((m) => quotaDay(m.at) === day)).toHaveLength(100);
      expect(digests.filter((m) => quotaDay(m.at) === day)).toEqual([]);
    }
    expect(new Set(digests.map((m) => quotaDay(m.at)))).toEqual(new Set(["2026-12-03"]));
    expect(notices.filter((m) => quotaDay(m.at) === "2026-12-03")).toHaveLength(notices.length - 200);
  });
});
