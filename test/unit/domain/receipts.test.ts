import { prefilledAnswers, prefilledLink, prefillTemplate } from "../../../src/domain/prefill";
import { composeDigest, composeReceipt, type ReceiptEntry } from "../../../src/domain/receipts";

const FORM = "https://docs.google.com/forms/d/e/FORM1/viewform";
const from = { agencyName: "CareerTech", senderName: "Badging Team" };

const entry = (over: Partial<ReceiptEntry> = {}): ReceiptEntry => ({
  entryId: "E-1",
  student: "Ana Okafor",
  credential: "ServSafe Food Handler",
  dateEarned: "2026-10-13",
  problems: [],
  link: "",
  ...over,
});

describe("pre-filled correction links", () => {
  const markerUrl = `${FORM}?usp=pp_url&entry.11=m-name&entry.12=m-email&entry.13=2001-02-03&entry.14=m-fix`;
  const markers = { Name: "m-name", Email: "m-email", Date: "2001-02-03", Fix: "m-fix", Missing: "m-missing" };

  it("reads each question's entry.N from one marker link, leaving out questions the form lacks", () => {
    const template = prefillTemplate(markerUrl, markers);
    expect(template).toEqual({
      base: `${FORM}?usp=pp_url`,
      names: { Name: "entry.11", Email: "entry.12", Date: "entry.13", Fix: "entry.14" },
    });
  });

  it("makes a link whose answers read back exactly, spaces, @ and & included, blanks left out", () => {
    const template = prefillTemplate(markerUrl, markers);
    const link = prefilledLink(template, { Name: "Zoë O'Neil & co", Email: "zoe+1@school.org", Date: "", Fix: "E-7" });
    expect(prefilledAnswers(link)).toEqual([
      ["usp", "pp_url"],
      ["entry.11", "Zoë O'Neil & co"],
      ["entry.12", "zoe+1@school.org"],
      ["entry.14", "E-7"],
    ]);
    expect([...new URL(link).searchParams.entries()]).toEqual(prefilledAnswers(link));
  });
});

describe("an instructor's receipt", () => {
  it("counts what was recorded and what needs a fix in the subject", () => {
    const bad = entry({
      entryId: "E-2",
      student: "Ben Okafor",
      problems: ["Student Email is empty"],
      link: "https://x/?a=1&b=2",
    });
    const message = composeReceipt({ ...from, instructorName: "Dana", recorded: [entry(), bad], corrections: [] });
    expect(message.subject).toBe("CareerTech badges: 2 entries recorded, 1 needs a fix");
    expect(message.textBody).toContain("1 of them needs a fix before a badge can be issued:");
    expect(message.textBody).toContain("    Correct it: https://x/?a=1&b=2");
    expect(message.htmlBody).toContain('<a href="https://x/?a=1&amp;b=2">Correct this entry</a>');
  });

  it("escapes every text in the HTML part", () => {
    const odd = entry({
      student: 'Zoë "<b>"',
      credential: "A&B",
      problems: ['Student Last Name "<script>" has no letters'],
      link: "l",
    });
    const message = composeReceipt({ ...from, instructorName: "<Dana>", recorded: [odd], corrections: [] });
    expect(message.htmlBody).not.toMatch(/<b>|<script>|<Dana>/);
    expect(message.htmlBody).toContain("Zoë &quot;&lt;b&gt;&quot; — A&amp;B");
    expect(message.htmlBody).toContain("Hello &lt;Dana&gt;,");
  });

  it("says a refused correction's reason, and asks for a reply when there is no link to give", () => {
    const message = composeReceipt({
      ...from,
      instructorName: "",
      recorded: [entry({ problems: ["Credential is empty"] })],
      corrections: [{ entry: entry({ entryId: "E-9" }), corrected: false, reason: "entry E-9 is already badged." }],
    });
    expect(message.subject).toBe("CareerTech badges: 1 entry recorded, 1 needs a fix, 1 correction refused");
    expect(message.textBody).toContain("It needs a fix before a badge can be issued:");
    expect(message.textBody).toContain("Entry E-9: not corrected — entry E-9 is already badged.");
    expect(message.textBody).toContain("Reply to this e-mail with the correct details.");
    expect(message.textBody.startsWith("Hello,")).toBe(true);
  });
});

describe("the monthly digest", () => {
  it("lists each open entry with its problems and link, under the month's name", () => {
    const message = composeDigest({
      ...from,
      instructorName: "Dana",
      month: "2026-10",
      entries: [entry({ problems: ['Date Earned "2026-12-01" is in the future'], link: "https://form/1" })],
    });
    expect(message.subject).toBe("CareerTech badges: 1 entry from October 2026 still needs a fix");
    expect(message.textBody).toContain(
      "This entry you reported in October 2026 cannot be badged until it is corrected:",
    );
    expect(message.textBody).toContain('    Date Earned "2026-12-01" is in the future.');
    expect(message.textBody).toContain("    Correct it: https://form/1");
  });
});
