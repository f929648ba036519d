import { badgeRequest } from "../../../src/domain/badge-request";
import { earnerId, fnv1a64 } from "../../../src/domain/earner-id";
import { maskEmail } from "../../../src/domain/email";
import { entry } from "../support/domain-fixtures";
import { at, CHICAGO, formatDate } from "../support/format-date";

describe("the Credly issue request", () => {
  it("carries the student, the template and Entered At in the spreadsheet's zone", () => {
    expect(
      badgeRequest(entry({ firstName: "  Ana  María ", email: "Ana@School.org" }), "tpl-weld", CHICAGO, formatDate),
    ).toEqual({
      recipient_email: "ana@school.org",
      issued_to_first_name: "Ana María",
      issued_to_last_name: "Doe",
      badge_template_id: "tpl-weld",
      issued_at: "2026-11-03 09:41:00 -0600",
      issuer_earner_id: earnerId("ana@school.org"),
      locale: "en",
    });
  });

  it("writes a summer stamp with the daylight-time offset", () => {
    const request = badgeRequest(entry({ enteredAt: at("2026-07-03T09:41", -5) }), "t", CHICAGO, formatDate);
    expect(request.issued_at).toBe("2026-07-03 09:41:00 -0500");
  });

  it("asks for Credly's Spanish e-mail when the entry's language is es", () => {
    expect(badgeRequest(entry({ language: "es" }), "t", CHICAGO, formatDate).locale).toBe("es-US");
  });

  it("refuses an entry without Entered At", () => {
    expect(() => badgeRequest(entry({ entryId: "E-9", enteredAt: "" }), "t", CHICAGO, formatDate)).toThrow(
      "Entry E-9 has no Entered At",
    );
  });
});

describe("the earner id", () => {
  it("is 64-bit FNV-1a (published test vectors)", () => {
    expect(fnv1a64("")).toBe("cbf29ce484222325");
    expect(fnv1a64("a")).toBe("af63dc4c8601ec8c");
    expect(fnv1a64("foobar")).toBe("85944171f73967e8");
  });

  it("is the same for the same student however the address was typed, and differs between students", () => {
    expect(earnerId(" Jane@School.org ")).toBe(earnerId("jane@school.org"));
    expect(earnerId("jane@example.org")).toBe("bd-3e359b09da20f14b");
    expect(earnerId("jane@school.org")).not.toBe(earnerId("jane2@school.org"));
  });

  it("hashes Unicode addresses by their UTF-8 bytes", () => {
    expect(fnv1a64("josé@escuela.mx")).toBe("439e0add2fadc9a2");
  });
});

describe("masking an e-mail for the Log", () => {
  it.each([
    ["jane@example.org", "j***@example.org"],
    ["j@example.org", "j***@example.org"],
    ["@example.org", "***@example.org"],
    ["not an address", "***"],
  ])("%s → %s", (email, masked) => {
    expect(maskEmail(email)).toBe(masked);
  });
});
