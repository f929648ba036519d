import { seededRandom, stableUuid } from "../../../local/demo/random";

describe("seededRandom", () => {
  it("gives the same sequence for the same seed and another for another seed", () => {
    const draw = (seed: number) => {
      const rng = seededRandom(seed);
      return Array.from({ length: 20 }, () => rng.next());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it("keeps int within both ends, and reaches both", () => {
    const rng = seededRandom(7);
    const seen = new Set(Array.from({ length: 2000 }, () => rng.int(1, 3)));
    expect([...seen].sort()).toEqual([1, 2, 3]);
  });

  it("shuffles a copy holding the same items", () => {
    const items = [1, 2, 3, 4, 5, 6, 7, 8];
    const shuffled = seededRandom(1).shuffle(items);
    expect(items).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect([...shuffled].sort()).toEqual(items);
    expect(shuffled).not.toEqual(items);
  });

  it("picks by weight, never an item of weight zero", () => {
    const rng = seededRandom(3);
    const picks = Array.from({ length: 1000 }, () => rng.weighted(["a", "b", "c"], [1, 0, 3]));
    expect(picks).not.toContain("b");
    expect(picks.filter((p) => p === "c").length).toBeGreaterThan(picks.filter((p) => p === "a").length * 2);
  });

  it("makes well-formed version-4 UUIDs, the same for the same text", () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(seededRandom(9).uuid()).toMatch(uuid);
    expect(stableUuid("OSHA 10")).toMatch(uuid);
    expect(stableUuid("OSHA 10")).toBe(stableUuid("OSHA 10"));
    expect(stableUuid("OSHA 10")).not.toBe(stableUuid("OSHA 30"));
  });
});
