import { badgeOfEntry, type FoundBadge } from "../../../src/domain/badge-match";

const T = "tmpl-1";
const badge = (id: string, over: Partial<FoundBadge> = {}): FoundBadge => ({
  id,
  state: "pending",
  recipient_email: "jane@school.org",
  badge_template: { id: T },
  issued_at: "2026-11-03T15:41:00.000Z",
  ...over,
});
const wanted = { email: "Jane@School.org", templateId: T, issuedAt: new Date("2026-11-03T15:41:00Z") };

describe("which found badge is the entry's", () => {
  it("takes the badge of the same e-mail and template", () => {
    expect(badgeOfEntry([badge("b1")], wanted, new Set())?.id).toBe("b1");
  });

  it("finds nothing when Credly holds no badge for the address and template", () => {
    expect(badgeOfEntry([badge("b1", { recipient_email: "other@school.org" })], wanted, new Set())).toBeNull();
    expect(badgeOfEntry([badge("b1", { badge_template: { id: "tmpl-2" } })], wanted, new Set())).toBeNull();
  });

  it("never takes a revoked badge, nor one the Ledger gives to another entry", () => {
    expect(badgeOfEntry([badge("b1", { state: "revoked" })], wanted, new Set())).toBeNull();
    expect(badgeOfEntry([badge("b1")], wanted, new Set(["b1"]))).toBeNull();
  });

  it("prefers the badge issued at the entry's own Entered At over an older one", () => {
    const older = badge("old", { issued_at: "2025-05-01T12:00:00.000Z" });
    expect(badgeOfEntry([older, badge("new")], wanted, new Set())?.id).toBe("new");
    expect(badgeOfEntry([older], wanted, new Set())?.id).toBe("old");
  });
});
