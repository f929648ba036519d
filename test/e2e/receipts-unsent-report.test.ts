/**
 * Students' notices come first in the mail quota even before anyone has pressed Send: when the
 * month's report is built and its notices are still waiting, an instructor's receipt does not take
 * the quota those notices will need (consumer account, 100 recipients a day).
 */
import { generateMonth } from "../../local/demo";
import { outboxOf, quotaDay, runUntil, spreadsheetOf } from "../../local/runtime";
import { type Row, type World, world } from "./harness";
import { DANA, receiptsTo } from "./instructor-mail";
import { submit, workbookWithForm } from "./intake-world";

const MONTH = "2026-11";

describe("a receipt while a built report's notices wait to be sent", () => {
  let w: World;
  afterEach(() => w.close());

  it("waits until the students' notices have had the quota", async () => {
    w = await world({ start: new Date("2026-12-01T14:00:00Z"), edition: "consumer" });
    const formId = workbookWithForm(w);
    w.type("Entries", generateMonth({ seed: 2, month: MONTH, students: 200 }).entries as unknown as Row[]);
    spreadsheetOf(w.runtime).ui.answers.push({ button: "OK", text: MONTH });
    w.run("buildMonthlyReport");
    const waiting = w.rows(`Badges ${MONTH}`, "Entry ID").filter((r) => r.Decision === "Badge");
    expect(waiting.length).toBeGreaterThan(100);

    // The report is built, nobody has pressed Send yet; an instructor reports a credential.
    submit(w, formId, { first: "Ana", last: "Okafor", email: "ana.okafor@school.example", earned: "2026-11-30" });
    runUntil(w.runtime, new Date("2026-12-01T20:00:00Z"));
    expect(receiptsTo(w, DANA)).toEqual([]);

    // The specialist sends the notices: they get the whole day's quota, then the next day's.
    expect(w.run("sendNotices", MONTH)).toMatchObject({ sent: 100, stoppedFor: "quota" });
    runUntil(w.runtime, new Date("2026-12-05T00:00:00Z"));
    const notices = outboxOf(w.runtime).messages.filter((m) => !m.to.includes(DANA));
    const [receipt] = receiptsTo(w, DANA);
    expect(receipt).toBeDefined();
    // Every notice went on or before the receipt's day, and no day's notices were cut for it.
    const lastNoticeDay =
      notices
        .map((m) => quotaDay(m.at))
        .sort()
        .at(-1) ?? "";
    expect(quotaDay(receipt.at) >= lastNoticeDay).toBe(true);
    const firstDay = notices.filter((m) => quotaDay(m.at) === "2026-12-01");
    expect(firstDay).toHaveLength(100);
  });
});
