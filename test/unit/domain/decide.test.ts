import { badgeKey, decide, decideMonth } from "../../../src/domain/decide";
import { DECISION } from "../../../src/domain/words";
import { catalog, entry, TODAY } from "../support/domain-fixtures";
import { at } from "../support/format-date";

const none = new Set<string>();

describe("deciding an entry", () => {
  it("badges a valid agency credential", () => {
    expect(decide(entry(), catalog, none, none, TODAY)).toEqual({ decision: "Badge", reason: "" });
  });

  it("leaves a vendor's credential to the vendor and says who", () => {
    expect(decide(entry({ credential: "CompTIA A+" }), catalog, none, none, TODAY)).toEqual({
      decision: "Vendor badge",
      reason: "CompTIA issues its own badge",
    });
  });

  it("joins every problem with '; ' under Needs fix", () => {
    expect(decide(entry({ email: "jane@@school.org", credential: "Weldin" }), catalog, none, none, TODAY)).toEqual({
      decision: "Needs fix",
      reason:
        'Student Email "jane@@school.org" is not an e-mail address; Credential "Weldin" is not on the Credentials list',
    });
  });

  it("does not badge again what the Ledger already holds for the same e-mail, whatever its case", () => {
    const ledger = new Set([badgeKey("JANE@school.org", "tpl-weld")]);
    expect(decide(entry(), catalog, ledger, none, TODAY)).toEqual({
      decision: "Already badged",
      reason: "The Ledger already holds this badge for jane@school.org",
    });
  });

  it("does not badge again what an earlier report decided to badge", () => {
    const earlier = new Set([badgeKey("jane@school.org", "tpl-weld")]);
    expect(decide(entry(), catalog, none, earlier, TODAY).decision).toBe(DECISION.alreadyBadged);
  });

  it("badges the same student for another credential", () => {
    const ledger = new Set([badgeKey("jane@school.org", "tpl-osha10")]);
    expect(decide(entry(), catalog, ledger, none, TODAY).decision).toBe(DECISION.badge);
  });
});

describe("deciding a month", () => {
  const context = { catalog, ledgerKeys: none, earlierKeys: none, today: TODAY };

  it("badges the first of two same-student same-credential entries and marks the later one", () => {
    const later = entry({ entryId: "E-2", enteredAt: at("2026-11-20T10:00", -6), credential: "welding technician" });
    const first = entry({ entryId: "E-1", enteredAt: at("2026-11-03T09:41", -6), email: "JANE@school.org" });
    const decisions = decideMonth([later, first], context);
    expect(decisions.get("E-1")).toEqual({ decision: "Badge", reason: "" });
    expect(decisions.get("E-2")).toEqual({
      decision: "Already badged",
      reason: "Same student and credential as entry E-1 this month",
    });
  });

  it("badges a corrected second entry when the first one needs a fix", () => {
    const broken = entry({ entryId: "E-1", dateEarned: "someday" });
    const fixed = entry({ entryId: "E-2", enteredAt: at("2026-11-04T09:00", -6) });
    const decisions = decideMonth([broken, fixed], context);
    expect(decisions.get("E-1")?.decision).toBe("Needs fix");
    expect(decisions.get("E-2")?.decision).toBe("Badge");
  });

  it("keeps a decision already acted on, and lets it claim the student and credential first", () => {
    const early = entry({ entryId: "E-1", enteredAt: at("2026-11-03T09:41", -6) });
    const sent = entry({ entryId: "E-2", enteredAt: at("2026-11-20T10:00", -6) });
    const kept = new Map([["E-2", { decision: DECISION.badge, reason: "" }]]);
    const decisions = decideMonth([early, sent], { ...context, kept });
    expect(decisions.get("E-2")?.decision).toBe("Badge");
    expect(decisions.get("E-1")).toEqual({
      decision: "Already badged",
      reason: "Same student and credential as entry E-2 this month",
    });
  });
});
