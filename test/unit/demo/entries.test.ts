import {
  CATALOG,
  type DemoMonth,
  ENTRIES_HEADERS,
  type EntryRow,
  generateMonth,
  MISTAKE_KINDS,
  toRows,
} from "../../../local/demo";

const ZONE = "America/Chicago";

/** "YYYY-MM-DD HH:mm:ss" of an instant as a clock in `timeZone` reads it. */
function local(date: Date, timeZone = ZONE): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

const catalog = new Map(CATALOG.map((c) => [c.credential.toLowerCase(), c]));
const inCatalog = (credential: string) => catalog.get(credential.trim().toLowerCase());
const intentOf = (demo: DemoMonth, entry: EntryRow) => demo.intents[demo.entries.indexOf(entry)];
const kindOf = (demo: DemoMonth, entry: EntryRow) => intentOf(demo, entry)?.kind;

describe("generateMonth", () => {
  const demo = generateMonth({ seed: 1, month: "2026-11" });

  it("gives the same data for the same seed and different data for another", () => {
    expect(generateMonth({ seed: 1, month: "2026-11" })).toEqual(demo);
    const other = generateMonth({ seed: 2, month: "2026-11" });
    expect(other.entries.map((e) => e["Student Email"])).not.toEqual(demo.entries.map((e) => e["Student Email"]));
    expect(other.entries[0]["Entry ID"]).not.toBe(demo.entries[0]["Entry ID"]);
  });

  it("writes rows keyed by exactly the Entries headers, in a sheet's header order", () => {
    const headers = [
      "Entry ID",
      "Entered At",
      "Student First Name",
      "Student Last Name",
      "Student Email",
      "Credential",
      "Date Earned",
      "Program",
      "Site",
      "Instructor Name",
      "Instructor Email",
      "Source",
      "Language",
    ];
    for (const entry of demo.entries) expect(Object.keys(entry).sort()).toEqual([...headers].sort());
    const rows = toRows(ENTRIES_HEADERS, demo.entries);
    expect(rows[0]).toEqual(headers);
    expect(rows).toHaveLength(demo.entries.length + 1);
  });

  it("reports several hundred students at about 1.5 credentials each, some with three", () => {
    const clean = generateMonth({ seed: 5, month: "2026-11", badEntries: 0 });
    const perStudent = new Map<string, number>();
    for (const e of clean.entries) perStudent.set(e["Student Email"], (perStudent.get(e["Student Email"]) ?? 0) + 1);
    expect(perStudent.size).toBe(400);
    expect(clean.entries.length / perStudent.size).toBeGreaterThan(1.35);
    expect(clean.entries.length / perStudent.size).toBeLessThan(1.65);
    expect([...perStudent.values()]).toContain(3);
  });

  it("makes about half the entries vendor-badged credentials", () => {
    const vendor = demo.entries.filter((e) => inCatalog(e.Credential)?.badgeIssuer === "Vendor").length;
    expect(vendor / demo.entries.length).toBeGreaterThan(0.4);
    expect(vendor / demo.entries.length).toBeLessThan(0.6);
  });

  it("has Spanish-speaking students with Language es, and names with accents", () => {
    const spanish = demo.entries.filter((e) => e.Language === "es");
    expect(spanish.length).toBeGreaterThan(10);
    expect(demo.entries.every((e) => e.Language === "es" || e.Language === "en")).toBe(true);
    expect(demo.entries.some((e) => /[áéíóúñ]/.test(e["Student Last Name"] + e["Student First Name"]))).toBe(true);
  });

  it("uses every source an entry can come from, and unique Entry IDs", () => {
    expect(new Set(demo.entries.map((e) => e.Source))).toEqual(new Set(["Form", "Typed", "Import"]));
    expect(new Set(demo.entries.map((e) => e["Entry ID"])).size).toBe(demo.entries.length);
    for (const e of demo.entries) expect(e["Entry ID"]).toMatch(/^E-[0-9A-Z]+$/);
  });

  it("keeps every entry inside the requested month as the spreadsheet's zone reads it", () => {
    for (const e of demo.entries) expect(local(e["Entered At"]).slice(0, 7)).toBe("2026-11");
    const march = generateMonth({ seed: 3, month: "2027-03", timeZone: "Asia/Tokyo", students: 200 });
    for (const e of march.entries) expect(local(e["Entered At"], "Asia/Tokyo").slice(0, 7)).toBe("2027-03");
    const springForward = generateMonth({ seed: 3, month: "2027-03", students: 200 });
    for (const e of springForward.entries) expect(local(e["Entered At"]).slice(0, 7)).toBe("2027-03");
  });

  it("puts some entries on the last evening of the month and right after midnight on the 1st", () => {
    const stamps = demo.entries.map((e) => local(e["Entered At"]));
    expect(stamps.filter((s) => s >= "2026-11-30 23:00:00").length).toBe(demo.expected.lastEvening);
    expect(stamps.filter((s) => s <= "2026-11-01 00:30:00").length).toBe(demo.expected.justAfterMidnight);
    expect(demo.expected.lastEvening).toBeGreaterThan(0);
    expect(demo.expected.justAfterMidnight).toBeGreaterThan(0);
  });

  it("dates a clean entry's earning at local midnight, a few days before it was entered", () => {
    for (const e of demo.entries.filter((x) => kindOf(demo, x) === "clean")) {
      const earned = e["Date Earned"] as Date;
      expect(local(earned).slice(11)).toBe("00:00:00");
      expect(earned.getTime()).toBeLessThanOrEqual(e["Entered At"].getTime());
      expect(e["Entered At"].getTime() - earned.getTime()).toBeLessThan(12 * 86_400_000);
    }
  });

  it("lists entries oldest first, earlier months before the requested one", () => {
    const backlog = generateMonth({ seed: 4, month: "2026-11", students: 300, historicalMonths: 2 });
    const times = backlog.entries.map((e) => e["Entered At"].getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const months = backlog.entries.map((e) => local(e["Entered At"]).slice(0, 7));
    expect(backlog.expected.history.map((m) => [m.month, months.filter((x) => x === m.month).length])).toEqual([
      ["2026-09", backlog.expected.history[0].entries],
      ["2026-10", backlog.expected.history[1].entries],
    ]);
    expect(months.filter((m) => m === "2026-11")).toHaveLength(backlog.expected.entries);
    expect(backlog.expected.totalEntries).toBe(backlog.entries.length);
  });
});

describe("generateMonth's bad entries", () => {
  const demo = generateMonth({ seed: 8, month: "2026-11" });
  const ofKind = (kind: string) => demo.entries.filter((e) => kindOf(demo, e) === kind);

  it("has a few dozen, of every kind", () => {
    const bad = demo.entries.filter((e) => kindOf(demo, e) !== "clean");
    expect(bad.length).toBeGreaterThanOrEqual(24);
    expect(bad.length).toBeLessThanOrEqual(60);
    for (const kind of MISTAKE_KINDS) expect(ofKind(kind).length).toBeGreaterThan(0);
  });

  it("breaks the e-mail addresses the way people do", () => {
    for (const e of ofKind("email-missing-at")) expect(e["Student Email"]).not.toContain("@");
    for (const e of ofKind("email-two-at")) expect(e["Student Email"].split("@").length).toBeGreaterThan(2);
    for (const e of ofKind("email-space")) expect(e["Student Email"]).toMatch(/\S \S/);
    for (const e of ofKind("email-two-addresses")) expect(e["Student Email"]).toMatch(/@.+, .+@/);
    for (const e of ofKind("email-trailing-dot")) expect(e["Student Email"]).toMatch(/\.$/);
  });

  it("keeps a mistyped school domain a well-formed address, decided as usual", () => {
    for (const e of ofKind("email-domain-typo")) {
      expect(e["Student Email"]).toMatch(/^[a-z0-9.]+@[a-z]+\.[a-z]+\.example\.edu$/);
      expect(intentOf(demo, e)?.decision).not.toBe("Needs fix");
    }
  });

  it("leaves names blank, or beginning with = or +, or holding HTML", () => {
    for (const e of ofKind("blank-first-name")) expect(e["Student First Name"].trim()).toBe("");
    for (const e of ofKind("blank-last-name")) expect(e["Student Last Name"].trim()).toBe("");
    for (const e of ofKind("formula-name"))
      expect([e["Student First Name"][0], e["Student Last Name"][0]].some((c) => c === "=" || c === "+")).toBe(true);
    for (const e of ofKind("html-name")) expect(e["Student First Name"]).toMatch(/<[a-z]+>/);
  });

  it("names credentials misspelled, inactive, without a template, or merely in other case", () => {
    for (const e of ofKind("credential-misspelled")) expect(inCatalog(e.Credential)).toBeUndefined();
    for (const e of ofKind("credential-inactive")) expect(inCatalog(e.Credential)?.active).toBe(false);
    for (const e of ofKind("credential-no-template")) {
      expect(inCatalog(e.Credential)).toMatchObject({ badgeIssuer: "Agency", templateId: "", active: true });
    }
    for (const e of ofKind("credential-other-case")) {
      expect(CATALOG.map((c) => c.credential)).not.toContain(e.Credential);
      expect(inCatalog(e.Credential)).toBeDefined();
      expect(intentOf(demo, e)?.decision).not.toBe("Needs fix");
    }
  });

  it("dates some earnings in the future and some as odd text", () => {
    for (const e of ofKind("date-earned-future")) {
      expect((e["Date Earned"] as Date).getTime()).toBeGreaterThan(e["Entered At"].getTime());
    }
    for (const e of ofKind("date-earned-text")) {
      expect(typeof e["Date Earned"]).toBe("string");
      expect(Number.isNaN(Date.parse(e["Date Earned"] as string))).toBe(true);
    }
  });

  it("enters the same student and credential twice, the second later", () => {
    for (const again of ofKind("duplicate-entry")) {
      const first = demo.entries.find(
        (e) => e !== again && e["Student Email"] === again["Student Email"] && e.Credential === again.Credential,
      );
      expect(first).toBeDefined();
      expect(first!["Entered At"].getTime()).toBeLessThan(again["Entered At"].getTime());
      expect(intentOf(demo, first!)).toEqual({ kind: "clean", decision: "Badge" });
      expect(intentOf(demo, again)?.decision).toBe("Already badged");
    }
  });

  it("counts what a report should decide, adding up to every entry", () => {
    const { byDecision, byKind, entries } = demo.expected;
    expect(Object.values(byDecision).reduce((a, b) => a + b, 0)).toBe(entries);
    expect(Object.values(byKind).reduce((a, b) => a + b, 0)).toBe(entries);
    expect(demo.intents).toHaveLength(entries);
    const decided = (d: string) => demo.entries.filter((e) => intentOf(demo, e)?.decision === d).length;
    expect(byDecision["Needs fix"]).toBe(decided("Needs fix"));
    expect(byDecision["Already badged"]).toBe(byKind["duplicate-entry"] + byKind["already-badged-in-credly"]);
    expect(byDecision.Badge).toBeGreaterThan(200);
  });

  it("honours an exact number of bad entries, none at all included", () => {
    const none = generateMonth({ seed: 8, month: "2026-11", badEntries: 0 });
    expect(none.expected.byKind.clean).toBe(none.entries.length);
    expect(generateMonth({ seed: 8, month: "2026-11", badEntries: 5 }).expected.byKind.clean).toBe(
      generateMonth({ seed: 8, month: "2026-11", badEntries: 5 }).entries.length - 5,
    );
  });
});

describe("benchmark sizes", () => {
  it.each([500, 1_500, 5_000])("has exactly %i students when asked", (students) => {
    const month = generateMonth({ seed: 9, month: "2026-05", students, badEntries: 0 });
    expect(new Set(month.entries.map((e) => e["Student Email"])).size).toBe(students);
    expect(month.expected.students).toBe(students);
  });

  it("has exactly 50,000 entries when asked, bad ones and duplicates included", () => {
    const month = generateMonth({ seed: 9, month: "2026-05", entries: 50_000 });
    expect(month.entries).toHaveLength(50_000);
    expect(month.expected.byKind["duplicate-entry"]).toBeGreaterThan(0);
  });

  it("generates 100,000 entries in under two seconds", () => {
    generateMonth({ seed: 1, month: "2026-04", entries: 1_000 });
    const started = performance.now();
    const month = generateMonth({ seed: 10, month: "2026-05", entries: 100_000 });
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(month.entries).toHaveLength(100_000);
  });
});
