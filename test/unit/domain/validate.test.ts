import type { Cell } from "../../../src/app/ports";
import type { RawEntry } from "../../../src/domain/entry";
import { validateEntry } from "../../../src/domain/validate";
import { catalog, entry, TODAY } from "../support/domain-fixtures";
import { at } from "../support/format-date";

const problems = (overrides: Partial<RawEntry>) => validateEntry(entry(overrides), catalog, TODAY);

describe("entry rules: every bad input gets a reason that names the field", () => {
  const cases: Array<[string, Partial<RawEntry>, string[]]> = [
    // e-mail
    [
      "a space inside the e-mail",
      { email: "jane doe@school.org" },
      ['Student Email "jane doe@school.org" is not an e-mail address'],
    ],
    [
      "two addresses with a comma",
      { email: "jane@school.org, jim@school.org" },
      ['Student Email "jane@school.org, jim@school.org" holds more than one address'],
    ],
    [
      "two addresses with a space",
      { email: "jane@school.org jim@school.org" },
      ['Student Email "jane@school.org jim@school.org" holds more than one address'],
    ],
    [
      "two addresses run together",
      { email: "jane@school.orgjim@school.org" },
      ['Student Email "jane@school.orgjim@school.org" is not an e-mail address'],
    ],
    ["a doubled @", { email: "jane@@school.org" }, ['Student Email "jane@@school.org" is not an e-mail address']],
    ["no @", { email: "janeschool.org" }, ['Student Email "janeschool.org" is not an e-mail address (no @)']],
    ["a trailing dot", { email: "jane@school.org." }, ['Student Email "jane@school.org." is not an e-mail address']],
    [
      "consecutive dots in the domain",
      { email: "jane@school..org" },
      ['Student Email "jane@school..org" is not an e-mail address'],
    ],
    [
      "consecutive dots in the name",
      { email: "jane..doe@school.org" },
      ['Student Email "jane..doe@school.org" is not an e-mail address'],
    ],
    ["a leading dot", { email: ".jane@school.org" }, ['Student Email ".jane@school.org" is not an e-mail address']],
    [
      "a domain without a dot",
      { email: "jane@localhost" },
      ['Student Email "jane@localhost" is not an e-mail address'],
    ],
    [
      "a display name",
      { email: "Jane <jane@school.org>" },
      ['Student Email "jane <jane@school.org>" is not an e-mail address'],
    ],
    [
      "a hyphen starting a domain label",
      { email: "jane@-school.org" },
      ['Student Email "jane@-school.org" is not an e-mail address'],
    ],
    [
      "digits in the top-level domain",
      { email: "jane@school.c0m" },
      ['Student Email "jane@school.c0m" is not an e-mail address'],
    ],
    [
      "an accented local part",
      { email: "josé@school.org" },
      ['Student Email "josé@school.org" is not an e-mail address'],
    ],
    ["an empty e-mail", { email: "   " }, ["Student Email is empty"]],
    ["plus-addressing", { email: "jane+badges@school.org" }, []],
    ["an IDN domain", { email: "ana@escuela.méxico" }, []],
    ["an IDN domain in punycode", { email: "ana@xn--bcher-kva.de" }, []],
    ["capitals and spaces around", { email: "  Jane.Doe@School.ORG " }, []],
    // names
    ["an empty first name", { firstName: "" }, ["Student First Name is empty"]],
    ["a last name of spaces", { lastName: "   " }, ["Student Last Name is empty"]],
    ["an ALL-CAPS name", { firstName: "JANE", lastName: "O'BRIEN" }, []],
    ["apostrophes, straight and curly", { firstName: "D’Angelo", lastName: "O'Neil" }, []],
    ["hyphens", { firstName: "Mary-Kate", lastName: "Smith-Jones" }, []],
    ["Unicode names", { firstName: "Nguyễn", lastName: "李" }, []],
    ["a name beginning with a hyphen (kept; the sheet writer neutralises it)", { firstName: "-Jane" }, []],
    // Odd names are kept (stored as text, escaped in HTML): refusing them would hide a student.
    ["a formula as a name (kept as text)", { lastName: '=HYPERLINK("http://x.io","Doe")' }, []],
    ["a name beginning with + (kept as text)", { firstName: "+Jane" }, []],
    ["a name beginning with @ (kept as text)", { firstName: "@jane" }, []],
    ["HTML in a name (kept, escaped wherever shown)", { firstName: "<b>Jane</b>" }, []],
    [
      "a name with a control character pasted in",
      { firstName: "Ja\u0008ne" },
      ['Student First Name "Ja\u0008ne" has an invisible control character'],
    ],
    ["a name with no letters", { lastName: "--" }, ['Student Last Name "--" has no letters']],
    [
      "a very long name",
      { firstName: "A".repeat(101) },
      [`Student First Name "${"A".repeat(59)}…" is longer than 100 characters`],
    ],
    // dates
    ["a date cell", { dateEarned: at("2026-11-02T00:00", -6) }, []],
    ["an ISO date as text", { dateEarned: "2026-11-03" }, []],
    ["a US date as text", { dateEarned: "11/3/2026" }, []],
    ["a month name", { dateEarned: "November 3, 2026" }, []],
    ["today", { dateEarned: TODAY }, []],
    [
      "the 30th of February",
      { dateEarned: "2026-02-30" },
      ['Date Earned "2026-02-30" is not a date (write it like 2026-11-03 or 11/3/2026)'],
    ],
    [
      "a day-first date that is no US date",
      { dateEarned: "13/45/2026" },
      ['Date Earned "13/45/2026" is not a date (write it like 2026-11-03 or 11/3/2026)'],
    ],
    [
      "a two-digit year",
      { dateEarned: "11/3/26" },
      ['Date Earned "11/3/26" is not a date (write it like 2026-11-03 or 11/3/2026)'],
    ],
    [
      "a word",
      { dateEarned: "yesterday" },
      ['Date Earned "yesterday" is not a date (write it like 2026-11-03 or 11/3/2026)'],
    ],
    ["a future date as text", { dateEarned: "12/2/2026" }, ['Date Earned "12/2/2026" is in the future']],
    ["a future date cell", { dateEarned: at("2026-12-02T00:00", -6) }, ['Date Earned "2026-12-02" is in the future']],
    ["no date", { dateEarned: "" }, ["Date Earned is empty"]],
    // credentials
    [
      "a misspelled credential",
      { credential: "Welding Technicain" },
      ['Credential "Welding Technicain" is not on the Credentials list'],
    ],
    ["a credential in other case and spacing", { credential: "  welding   TECHNICIAN " }, []],
    [
      "an inactive credential",
      { credential: "Florist Assistant" },
      ['Credential "Florist Assistant" is not active on the Credentials list'],
    ],
    [
      "an agency credential without a template",
      { credential: "Veterinary Assistant" },
      ['Credential "Veterinary Assistant" has no Credly Template ID on the Credentials list'],
    ],
    ["a vendor credential without a template", { credential: "comptia a+" }, []],
    [
      "a credential without a Badge Issuer",
      { credential: "Small Gas Engine Technician" },
      ['Credential "Small Gas Engine Technician" has no Badge Issuer (Agency or Vendor) on the Credentials list'],
    ],
    ["no credential", { credential: "" }, ["Credential is empty"]],
    // language and stamps
    ["Spanish written out", { language: "Español" }, []],
    ["a language we cannot send", { language: "fr" }, ['Language "fr" is not en or es']],
    [
      "Entered At typed over with text",
      { enteredAt: "last week" },
      ['Entered At "last week" is not a date (clear it and BadgeDesk stamps it)'],
    ],
  ];

  it.each(cases)("%s", (_name, overrides, expected) => {
    expect(problems(overrides)).toEqual(expected);
  });

  it("lists every problem of one entry, in column order", () => {
    expect(problems({ firstName: "", email: "jane@@school.org", dateEarned: "someday" })).toEqual([
      "Student First Name is empty",
      'Student Email "jane@@school.org" is not an e-mail address',
      'Date Earned "someday" is not a date (write it like 2026-11-03 or 11/3/2026)',
    ]);
  });
});

describe("normalising an entry keeps what was typed", () => {
  it("lower-cases and trims the e-mail", () => {
    expect(entry({ email: "  Jane.Doe@School.ORG " }).email).toBe("jane.doe@school.org");
  });

  it("collapses spaces, tabs and line breaks inside names but keeps capitals and accents", () => {
    const e = entry({ firstName: "  Ana \t  MARÍA ", lastName: "de la\nCruz" });
    expect([e.firstName, e.lastName]).toEqual(["Ana MARÍA", "de la Cruz"]);
  });

  it.each<[string, Cell, string]>([
    ["ISO", "2026-11-03", "2026-11-03"],
    ["US", "11/3/2026", "2026-11-03"],
    ["US with dashes", "11-03-2026", "2026-11-03"],
    ["year first with slashes", "2026/11/3", "2026-11-03"],
    ["month name first", "Nov. 3 2026", "2026-11-03"],
    ["day first with month name", "3 November 2026", "2026-11-03"],
    ["a date cell at midnight in Chicago", at("2026-11-03T00:00", -6), "2026-11-03"],
  ])("reads a %s date earned as its calendar day", (_name, cell, day) => {
    expect(entry({ dateEarned: cell }).dateEarned).toBe(day);
  });

  it.each<[Cell, string]>([
    ["es", "es"],
    ["ES-us", "es"],
    ["Spanish", "es"],
    ["", "en"],
    ["English", "en"],
  ])("reads Language %p as %s", (cell, language) => {
    expect(entry({ language: cell }).language).toBe(language);
  });
});
