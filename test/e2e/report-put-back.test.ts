/**
 * People sort, filter and delete rows of a report tab. A Badge row deleted after its notice went
 * and brought back by a rebuild must not earn the student a second notice: its progress went with
 * the row, so it comes back for a person to check, like a row a stopped run left Sending.
 */
import { CATALOG, credentialRows, generateMonth } from "../../local/demo";
import { outboxOf, spreadsheetOf } from "../../local/runtime";
import { type Row, type World, world } from "./harness";

const TAB = "Badges 2026-11";

function buildReport(w: World): void {
  spreadsheetOf(w.runtime).ui.answers.push({ button: "OK", text: "2026-11" });
  w.run("buildMonthlyReport");
}

/** A person deletes the row of `entryId` from the tab (the rows below move up, as in Sheets). */
function deleteRow(w: World, entryId: string): void {
  const book = spreadsheetOf(w.runtime);
  const grid = book.values(TAB);
  const header = grid.findIndex((r) => r[0] === "Entry ID");
  const body = grid.slice(header + 1).filter((r) => r.some((v) => v !== ""));
  const kept = body.filter((r) => r[0] !== entryId);
  book.setValues(TAB, header + 2, 1, [...kept, grid[header].map(() => "")]);
}

describe("a report row deleted by a person and put back by a rebuild", () => {
  let w: World;
  afterAll(() => w?.close());

  it("is surfaced for a person to check instead of getting a second notice", async () => {
    w = await world({ start: new Date("2026-12-01T15:00:00Z") });
    w.run("setUpWorkbook");
    w.type("Credentials", credentialRows(CATALOG) as unknown as Row[]);
    const november = generateMonth({
      month: "2026-11",
      seed: 4,
      entries: 30,
      badEntries: 0,
      timeZone: "America/Chicago",
    });
    w.type("Entries", november.entries as unknown as Row[]);
    buildReport(w);
    w.run("sendNotices", "2026-11");

    const sent = w.rows(TAB, "Entry ID").find((r) => r.Decision === "Badge" && r["Notice Status"] === "Sent");
    if (!sent) throw new Error("no notice went");
    const email = String(sent["Student Email"]);
    const noticesTo = () => outboxOf(w.runtime).messages.filter((m) => m.to.includes(email)).length;
    expect(noticesTo()).toBe(1);

    deleteRow(w, String(sent["Entry ID"]));
    expect(w.rows(TAB, "Entry ID").some((r) => r["Entry ID"] === sent["Entry ID"])).toBe(false);
    buildReport(w);
    const back = w.rows(TAB, "Entry ID").find((r) => r["Entry ID"] === sent["Entry ID"]);
    expect(back).toMatchObject({ Decision: "Badge", "Notice Status": "Sending" });
    expect(String(back?.["Last Error"])).toMatch(/deleted from the tab|may (already )?have (been sent|gone)/);

    w.run("sendNotices", "2026-11");
    expect(noticesTo()).toBe(1);
    // Every other row kept its progress through the deletion and the rebuild.
    const others = w.rows(TAB, "Entry ID").filter((r) => r.Decision === "Badge" && r["Entry ID"] !== sent["Entry ID"]);
    for (const row of others) expect(row["Notice Status"]).toBe("Sent");
  });
});
