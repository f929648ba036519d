/**
 * Issue #15, receipts: an instructor who reports a class hears back once, a little later, with
 * what was recorded and what needs fixing, and the students' notices keep their share of the
 * day's mail quota. Through the built bundle: the form trigger, the receipts trigger, the outbox.
 */
import { credentialsSheet, generateMonth } from "../../local/demo";
import { outboxOf, quotaDay, runUntil, spreadsheetOf, triggersOf } from "../../local/runtime";
import { type Row, type World, world } from "./harness";
import { bullets, DANA, linkFor, receiptsTo } from "./instructor-mail";
import { submit, workbookWithForm } from "./intake-world";

const START = new Date("2026-10-14T15:00:00Z");
const SAM = "s.ramirez@moorenorman.example.edu";
const MINUTE = 60_000;

const FIRST_NAMES = [
  "Ana",
  "Ben",
  "Carla",
  "Dev",
  "Eli",
  "Fay",
  "Gus",
  "Hana",
  "Ivan",
  "Jade",
  "Kai",
  "Lena",
  "Milo",
  "Nia",
  "Omar",
  "Pia",
  "Quinn",
  "Rosa",
  "Sami",
  "Theo",
  "Uma",
  "Vic",
  "Wren",
  "Xavi",
  "Yara",
];

/** Dana's class: 25 students, three typed wrong in ways the form itself cannot catch. */
function danasClass() {
  return FIRST_NAMES.map((first, i) => ({
    first,
    last: i === 20 ? "<i>Dupont</i>" : "Okafor",
    email:
      i === 1
        ? "ben.okafor@tulsatech.c0m"
        : i === 17
          ? "rosa..okafor@school.example"
          : `${first.toLowerCase()}.okafor@school.example`,
    earned: i === 11 ? "2026-12-01" : "2026-10-13",
  }));
}

function mostReceiptTriggers(w: World): () => number {
  let most = 0;
  w.runtime.endHooks.push(() => {
    const pending = triggersOf(w.runtime).filter((t) => t.handler === "sendInstructorReceipts" && !t.spent);
    most = Math.max(most, pending.length);
  });
  return () => most;
}

const entryIdOf = (w: World, email: string) =>
  String(w.rows("Entries").find((r) => r["Student Email"] === email)?.["Entry ID"]);

describe("an instructor reporting a whole class", () => {
  let w: World;
  afterEach(() => w.close());

  it("gets one receipt for 25 entries sent within 10 minutes, naming the 3 that need a fix and how", async () => {
    w = await world({ start: START });
    const most = mostReceiptTriggers(w);
    const formId = workbookWithForm(w);
    danasClass().forEach((student, i) => {
      submit(w, formId, student, { at: new Date(START.getTime() + i * 24_000) });
      if (i === 12)
        submit(
          w,
          formId,
          { instructor: "Sam Ramirez", site: "Moore Norman", first: "Zed", last: "Lee", email: "zed@school.example" },
          { respondentEmail: SAM },
        );
    });
    expect(w.rows("Entries")).toHaveLength(26);

    runUntil(w.runtime, new Date(START.getTime() + 29 * MINUTE));
    expect(receiptsTo(w, DANA)).toEqual([]);
    runUntil(w.runtime, new Date(START.getTime() + 60 * MINUTE));

    const [receipt, ...more] = receiptsTo(w, DANA);
    expect(more).toEqual([]);
    expect(receipt.at).toBeGreaterThanOrEqual(START.getTime() + 30 * MINUTE);
    expect(receipt.subject).toBe("CareerTech badges: 25 entries recorded, 3 need a fix");
    const recorded = bullets(receipt).filter((b) => b.includes(" — earned "));
    expect(recorded.filter((b) => !b.includes("(entry "))).toHaveLength(25);
    expect(recorded).toContain("Ana Okafor — ServSafe Food Handler — earned 2026-10-13");

    expect(receipt.text).toContain('Student Email "ben.okafor@tulsatech.c0m" is not an e-mail address.');
    expect(receipt.text).toContain('Student Email "rosa..okafor@school.example" is not an e-mail address.');
    expect(receipt.text).toContain('Date Earned "2026-12-01" is in the future.');
    for (const [student, email] of [
      ["Ben Okafor", "ben.okafor@tulsatech.c0m"],
      ["Lena Okafor", "lena.okafor@school.example"],
      ["Rosa Okafor", "rosa..okafor@school.example"],
    ]) {
      const link = linkFor(receipt, student);
      expect(link).toMatch(/^https:\/\/docs\.google\.com\/forms\/d\/e\/.+\/viewform\?usp=pp_url&/);
      expect([...new URL(link).searchParams.values()]).toContain(entryIdOf(w, email));
    }
    expect((receipt.text.match(/Correct it: /g) ?? []).length).toBe(3);

    // A name is the student's, whatever it holds: shown as text, never as markup.
    expect(receipt.html).toContain("Uma &lt;i&gt;Dupont&lt;/i&gt;");
    expect(receipt.html).not.toContain("<i>Dupont");

    const [samsReceipt, ...samsMore] = receiptsTo(w, SAM);
    expect(samsMore).toEqual([]);
    expect(samsReceipt.subject).toBe("CareerTech badges: 1 entry recorded");
    expect(samsReceipt.text).not.toContain("fix");

    // One pending trigger at most, and none left behind.
    expect(most()).toBe(1);
    expect(triggersOf(w.runtime).filter((t) => t.handler === "sendInstructorReceipts")).toEqual([]);
    const log = spreadsheetOf(w.runtime).values("Log").flat().map(String).join("\n");
    expect(log).not.toContain(DANA);
    expect(log).not.toContain(SAM);
    expect(w.rows("Log").filter((r) => r.Action === "Send instructor receipts").length).toBeGreaterThan(0);
  });

  it("sends nothing when receipts are switched off, and still records every entry", async () => {
    w = await world({ start: START, settings: { receiptsEnabled: false } });
    const formId = workbookWithForm(w);
    for (const student of danasClass().slice(0, 5)) submit(w, formId, student);
    runUntil(w.runtime, new Date(START.getTime() + 3 * 60 * MINUTE));
    expect(w.rows("Entries")).toHaveLength(5);
    expect(outboxOf(w.runtime).messages).toEqual([]);
    expect(triggersOf(w.runtime).filter((t) => t.handler === "sendInstructorReceipts")).toEqual([]);
  });
});

describe("receipts on a day the students' notices need the whole mail quota", () => {
  let w: World;
  afterEach(() => w.close());

  it("waits for the quota the notices leave, so no student's notice is put off by a receipt", async () => {
    const firstOfDecember = new Date("2026-12-01T14:00:00Z");
    w = await world({ start: firstOfDecember, edition: "consumer", settings: { receiptWindowMinutes: 0 } });
    w.run("setUpWorkbook");
    spreadsheetOf(w.runtime).setValues("Credentials", 1, 1, credentialsSheet());
    w.type("Entries", generateMonth({ seed: 1, month: "2026-11", students: 400 }).entries as unknown as Row[]);
    const formId = (w.run("createInstructorForm") as { formId: string }).formId;
    w.run("buildMonthlyReport");
    expect(w.run("sendNotices", "2026-11")).toMatchObject({ stoppedFor: "quota" });

    // Just after the quota comes back (midnight Pacific), minutes before the notices go on.
    runUntil(w.runtime, new Date("2026-12-02T08:05:00Z"));
    submit(w, formId, { first: "Ana", last: "Okafor", email: "ana@school.example", earned: "2026-12-01" });
    runUntil(w.runtime, new Date("2026-12-06T00:00:00Z"));

    const [receipt, ...more] = receiptsTo(w, DANA);
    expect(more).toEqual([]);
    const notices = outboxOf(w.runtime).messages.filter((m) => m !== receipt);
    const noticeDays = [...new Set(notices.map((m) => quotaDay(m.at)))].sort();
    expect(noticeDays.length).toBeGreaterThanOrEqual(3);
    // Every day the notices were not done, they had the whole quota; the receipt came after.
    for (const day of noticeDays.slice(0, -1)) {
      expect(notices.filter((m) => quotaDay(m.at) === day)).toHaveLength(100);
    }
    expect(quotaDay(receipt.at) >= (noticeDays.at(-1) as string)).toBe(true);
    const badgeRows = w.rows("Badges 2026-11", "Entry ID").filter((r) => r.Decision === "Badge");
    expect(badgeRows.every((r) => r["Notice Status"] === "Sent")).toBe(true);
  });
});
