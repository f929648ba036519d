/**
 * Issue #15, corrections and the monthly digest: an instructor follows the link in their receipt,
 * fixes a mistyped address, and the entry is fixed in place and badged in its month's run; a
 * correction from someone else, or for a badge already issued, is refused with the reason; on the
 * 1st, only instructors with entries still open hear about them. Through the built bundle, the
 * monthly trigger and the Credly sandbox.
 */
import { demoSandboxSeed } from "../../local/demo";
import { outboxOf, runUntil } from "../../local/runtime";
import { SPECIALIST, type World, world } from "./harness";
import { DANA, digestsTo, followLink, linkFor, receiptsTo } from "./instructor-mail";
import { submit, workbookWithForm } from "./intake-world";

const START = new Date("2026-10-14T15:00:00Z");
const SAM = "s.ramirez@moorenorman.example.edu";
const PAT = "p.nguyen@autrytech.example.edu";
const HOUR = 60 * 60 * 1000;

const entryOf = (w: World, first: string) => {
  const row = w.rows("Entries").find((r) => r["Student First Name"] === first);
  if (!row) throw new Error(`No entry for ${first}`);
  return row;
};

const reportRow = (w: World, entryId: unknown) =>
  w.rows("Badges 2026-10", "Entry ID").find((r) => r["Entry ID"] === entryId);

describe("correcting an entry from the receipt's link", () => {
  let w: World;
  afterEach(() => w.close());

  it("fixes the entry in place, badges it in its month's run, refuses what it must, and digests only open problems", async () => {
    w = await world({
      start: START,
      credly: { seed: { ...demoSandboxSeed(1), badges: [] } },
      settings: { noticeDelayDays: 0 },
    });
    const formId = workbookWithForm(w);
    w.run("scheduleMonthlyRun");

    submit(w, formId, { first: "Ana", last: "Okafor", email: "ana.okafor@school.example" });
    submit(w, formId, { first: "Ben", last: "Okafor", email: "ben.okafor@tulsatech.c0m" });
    submit(w, formId, { first: "Carla", last: "Okafor", email: "carla.okafor@school.example", earned: "2026-12-01" });
    const sam = { instructor: "Sam Ramirez", site: "Moore Norman" };
    submit(w, formId, { ...sam, first: "Zed", last: "Lee", email: "zed.lee@school.example" }, { respondentEmail: SAM });
    const pat = { instructor: "Pat Nguyen", site: "Autry Tech" };
    submit(w, formId, { ...pat, first: "Eve", last: "Park", email: "eve.park@school.c0m" }, { respondentEmail: PAT });
    runUntil(w.runtime, new Date(START.getTime() + HOUR));
    const [danasReceipt] = receiptsTo(w, DANA);
    expect(danasReceipt.subject).toBe("CareerTech badges: 3 entries recorded, 2 need a fix");

    // Dana follows Ben's link a week later and fixes the address.
    const ben = entryOf(w, "Ben");
    const benLink = linkFor(danasReceipt, "Ben Okafor");
    runUntil(w.runtime, new Date("2026-10-20T15:00:00Z"));
    const prefilled = followLink(w, benLink, { "Student Email": "ben.okafor@school.example" }, DANA);
    expect(prefilled).toMatchObject({
      "Student First Name": "Ben",
      "Student Email": "ben.okafor@tulsatech.c0m",
      "Correcting Entry ID": ben["Entry ID"],
    });
    expect(w.rows("Entries")).toHaveLength(5);
    const fixed = entryOf(w, "Ben");
    expect(fixed["Entry ID"]).toBe(ben["Entry ID"]);
    expect((fixed["Entered At"] as Date).getTime()).toBe((ben["Entered At"] as Date).getTime());
    expect(fixed["Student Email"]).toBe("ben.okafor@school.example");
    const corrected = w.rows("Log").filter((r) => r.Action === "Correct entry");
    expect(corrected).toHaveLength(1);
    expect(corrected[0].Outcome).toContain('Student Email "b***@tulsatech.c0m" → "b***@school.example"');
    expect(corrected[0].Outcome).toContain("d***@tulsatech.example.edu");
    expect(corrected[0].Outcome).not.toContain(DANA);

    // Sam, handed Dana's receipt, cannot change her entry.
    const carla = entryOf(w, "Carla");
    followLink(w, linkFor(danasReceipt, "Carla Okafor"), { "Date Earned": "2026-10-12" }, SAM);
    expect(entryOf(w, "Carla")["Date Earned"]).toEqual(carla["Date Earned"]);

    // Pat fixes Eve's address too.
    followLink(w, linkFor(receiptsTo(w, PAT)[0], "Eve Park"), { "Student Email": "eve.park@school.example" }, PAT);
    runUntil(w.runtime, new Date("2026-10-21T15:00:00Z"));
    const danasSecond = receiptsTo(w, DANA)[1];
    expect(danasSecond.subject).toBe("CareerTech badges: 1 correction made");
    expect(danasSecond.text).toContain(
      `Ben Okafor — ServSafe Food Handler — earned 2026-10-01 (entry ${ben["Entry ID"]}): corrected.`,
    );
    expect(receiptsTo(w, SAM)[1].text).toContain(
      `Entry ${carla["Entry ID"]}: not corrected — entry ${carla["Entry ID"]} was reported by another instructor; only they can correct it.`,
    );

    // The 1st: October's run badges Ben at his corrected address, in October's report.
    runUntil(w.runtime, new Date("2026-11-03T15:00:00Z"));
    expect(reportRow(w, ben["Entry ID"])).toMatchObject({
      "Student Email": "ben.okafor@school.example",
      Decision: "Badge",
      "Notice Status": "Sent",
      "Badge Status": "Issued",
    });
    expect(reportRow(w, carla["Entry ID"])).toMatchObject({ Decision: "Needs fix" });
    const badges = (await w.sandbox?.admin.badges()) ?? [];
    expect(badges.map((b) => b.recipient_email).sort()).toEqual([
      "ana.okafor@school.example",
      "ben.okafor@school.example",
      "eve.park@school.example",
      "zed.lee@school.example",
    ]);

    // Only Dana still has an open problem: only she gets the digest, listing Carla alone.
    const [digest, ...moreDigests] = digestsTo(w, DANA);
    expect(moreDigests).toEqual([]);
    expect(digest.subject).toBe("CareerTech badges: 1 entry from October 2026 still needs a fix");
    expect(digest.text).toContain('Date Earned "2026-12-01" is in the future.');
    expect(digest.text).not.toContain("Ben Okafor");
    expect(linkFor(digest, "Carla Okafor")).toContain(`=${carla["Entry ID"]}`);
    const studentMail = outboxOf(w.runtime).messages.filter((m) => m.to.some((to) => to.endsWith("@school.example")));
    expect(Math.max(...studentMail.map((m) => m.at))).toBeLessThan(digest.at);
    expect(digestsTo(w, SAM)).toEqual([]);
    expect(digestsTo(w, PAT)).toEqual([]);
    const summary = outboxOf(w.runtime).messages.find(
      (m) => m.to.includes(SPECIALIST) && m.subject.startsWith("BadgeDesk: October 2026 done"),
    );
    expect(summary?.text).toContain("Needs fix, by site:\n  Tulsa Tech: 1");

    // Ben's badge is out: his old link is refused, and his entry stays as badged.
    followLink(w, benLink, { "Student Email": "ben.o@school.example" }, DANA);
    runUntil(w.runtime, new Date("2026-11-04T15:00:00Z"));
    expect(entryOf(w, "Ben")["Student Email"]).toBe("ben.okafor@school.example");
    expect(w.rows("Entries")).toHaveLength(5);
    const refusal = receiptsTo(w, DANA).at(-1);
    expect(refusal?.subject).toBe("CareerTech badges: 1 correction refused");
    expect(refusal?.text).toContain(`entry ${ben["Entry ID"]} is already badged, so it cannot be changed.`);

    // Carla's date, fixed from the digest: the October report follows (its row was not acted on).
    followLink(w, linkFor(digest, "Carla Okafor"), { "Date Earned": "2026-10-12" }, DANA);
    expect(reportRow(w, carla["Entry ID"])).toMatchObject({ Decision: "Badge", Reason: "" });
    expect(w.rows("Badges 2026-10", "Entry ID")).toHaveLength(5);

    const failed = w.runtime.executions.filter((e) => !e.ok).map((e) => `${e.functionName}: ${e.error}`);
    expect(failed).toEqual([]);
  });
});
