import type { Entry } from "../../../src/domain/entry";
import { composeMessage, MERGE_FIELDS, type MergeValues } from "../../../src/domain/merge";
import { DEFAULT_NOTICE_TEMPLATES, DEFAULT_VENDOR_NOTE_TEMPLATES } from "../../../src/domain/notice-templates";
import { composeNotice, groupNotices } from "../../../src/domain/notices";
import type { ReportRow } from "../../../src/domain/report";
import { entry } from "../support/domain-fixtures";

const values: MergeValues = {
  firstName: "Jane",
  lastName: "Doe",
  credentials: ["Welding Technician", "OSHA 10"],
  site: "Tulsa Tech",
  agencyName: "CareerTech",
  month: "November 2026",
  senderName: "Sam Rivera",
};

const settings = { agencyName: "CareerTech", senderName: "Sam Rivera", month: "2026-11" };

function composed(template = DEFAULT_NOTICE_TEMPLATES.en, v: MergeValues = values) {
  const result = composeMessage(template, v);
  if (!result.ok) throw new Error(result.errors.join("\n"));
  return result.message;
}

describe("the default notice", () => {
  it.each(["en", "es"] as const)("in %s uses every merge field it names and leaves none unfilled", (language) => {
    const message = composed(DEFAULT_NOTICE_TEMPLATES[language]);
    for (const part of [message.subject, message.html, message.text]) expect(part).not.toMatch(/\{\{|\}\}/);
  });

  it("tells the student what matters before Credly's e-mail arrives", () => {
    const { text, html } = composed();
    expect(text).toContain("Hi Jane,");
    expect(text).toContain("• Welding Technician\n• OSHA 10");
    expect(html).toContain("<ul><li>Welding Technician</li><li>OSHA 10</li></ul>");
    for (const fact of [
      "admin@credly.com",
      "spam",
      "create a free account",
      "sign in",
      "several e-mail addresses",
      "before your school inbox closes",
      "public or private",
      "LinkedIn",
      "employer",
      "job openings",
      "related credentials",
    ]) {
      expect(text).toContain(fact);
    }
  });

  it("has a Spanish version with the same facts", () => {
    const { text, subject } = composed(DEFAULT_NOTICE_TEMPLATES.es);
    expect(subject).toBe("Tu insignia digital de CareerTech está en camino");
    for (const fact of [
      "Hola, Jane:",
      "admin@credly.com",
      "spam",
      "varias direcciones de correo",
      "pública o privada",
      "ofertas de empleo",
    ]) {
      expect(text).toContain(fact);
    }
  });

  it("has a short vendor note in both languages", () => {
    const v = { ...values, credentials: ["CompTIA A+ (CompTIA)"] };
    expect(composed(DEFAULT_VENDOR_NOTE_TEMPLATES.en, v).text).toContain("issues its own digital badge");
    expect(composed(DEFAULT_VENDOR_NOTE_TEMPLATES.es, v).text).toContain("emite su propia insignia digital");
  });
});

describe("merging names into a notice", () => {
  it("escapes a <script> name in the HTML body and keeps it as text in the plain body", () => {
    const message = composed(DEFAULT_NOTICE_TEMPLATES.en, { ...values, firstName: "<script>alert(1)</script>" });
    expect(message.html).toContain("Hi &lt;script&gt;alert(1)&lt;/script&gt;,");
    expect(message.html).not.toContain("<script>");
    expect(message.text).toContain("Hi <script>alert(1)</script>,");
  });

  it("escapes a =HYPERLINK( name so no link or attribute can be made of it", () => {
    const name = '=HYPERLINK("http://evil.example","Jane")';
    const message = composed(DEFAULT_NOTICE_TEMPLATES.en, { ...values, lastName: name, firstName: name });
    expect(message.html).toContain("Hi =HYPERLINK(&quot;http://evil.example&quot;,&quot;Jane&quot;),");
    expect(message.html).not.toContain('"http://evil.example"');
  });

  it("escapes credentials and site in the HTML list", () => {
    const message = composed(DEFAULT_NOTICE_TEMPLATES.en, {
      ...values,
      credentials: ["A&P <Powerplant>"],
      site: "O'Neil's",
    });
    expect(message.html).toContain("<li>A&amp;P &lt;Powerplant&gt;</li>");
    expect(message.html).toContain("O&#39;Neil&#39;s reported");
  });

  it("keeps a value's line break out of the subject", () => {
    const template = { subject: "Badge for {{firstName}}", html: "", text: "" };
    expect(composed(template, { ...values, firstName: "Jane\nBcc: x@y.org" }).subject).toBe(
      "Badge for Jane Bcc: x@y.org",
    );
  });

  it("reports a missing value by name instead of sending a blank", () => {
    const result = composeMessage(DEFAULT_NOTICE_TEMPLATES.en, { ...values, site: "  " });
    expect(result).toEqual({
      ok: false,
      errors: [
        "Merge field {{site}} has no value (used in the HTML body)",
        "Merge field {{site}} has no value (used in the plain-text body)",
      ],
    });
  });

  it("reports an unknown field by name", () => {
    const template = { subject: "Hi {{ firstname }}", html: "<p>{{school}}</p>", text: "{{credentials}}" };
    expect(composeMessage(template, values)).toEqual({
      ok: false,
      errors: ["Unknown merge field {{firstname}} in the subject", "Unknown merge field {{school}} in the HTML body"],
    });
  });

  it("reports an empty credentials list", () => {
    const result = composeMessage(DEFAULT_NOTICE_TEMPLATES.en, { ...values, credentials: [] });
    expect(result.ok).toBe(false);
  });

  it("knows exactly the documented merge fields", () => {
    expect(MERGE_FIELDS).toEqual(["firstName", "lastName", "credentials", "site", "agencyName", "month", "senderName"]);
  });
});

describe("one notice per student per month", () => {
  function reportRow(id: string, email: string, credential: string, decision = "Badge", noticeStatus = ""): ReportRow {
    return {
      "Entry ID": id,
      "Entered At": "",
      Student: "",
      "Student Email": email,
      Credential: credential,
      Vendor: "CompTIA",
      Site: "Tulsa Tech",
      Decision: decision,
      Reason: "",
      "Notice Status": noticeStatus,
      "Notice Sent At": "",
      "Badge Status": "",
      "Badge Issued At": "",
      "Credly Badge ID": "",
      "Claim State": "",
      "Last Error": "",
    };
  }
  const entries = new Map<string, Entry>([
    ["E-1", entry({ entryId: "E-1", email: "jane@school.org" })],
    ["E-2", entry({ entryId: "E-2", email: "bo@school.org", firstName: "Bo", language: "es" })],
    ["E-3", entry({ entryId: "E-3", email: "jane@school.org", credential: "OSHA 10" })],
    ["E-4", entry({ entryId: "E-4", email: "jane@school.org" })],
    ["E-5", entry({ entryId: "E-5", email: "cy@school.org" })],
    ["E-6", entry({ entryId: "E-6", email: "di@school.org", credential: "CompTIA A+" })],
  ]);
  const rows = [
    reportRow("E-1", "jane@school.org", "Welding Technician"),
    reportRow("E-2", "bo@school.org", "Welding Technician", "Badge", "Failed"),
    reportRow("E-3", "jane@school.org", "OSHA 10"),
    reportRow("E-4", "jane@school.org", "Welding Technician", "Already badged"),
    reportRow("E-5", "cy@school.org", "Welding Technician", "Badge", "Sent"),
    reportRow("E-6", "di@school.org", "CompTIA A+", "Vendor badge"),
  ];

  it("groups a student's Badge rows into one notice listing each credential", () => {
    const notices = groupNotices(rows, entries);
    expect(notices.map((n) => [n.email, n.language, n.credentials, n.entryIds])).toEqual([
      ["jane@school.org", "en", ["Welding Technician", "OSHA 10"], ["E-1", "E-3"]],
      ["bo@school.org", "es", ["Welding Technician"], ["E-2"]],
    ]);
  });

  it("composes each in the student's language", () => {
    const [, bo] = groupNotices(rows, entries);
    const result = composeNotice(bo, settings, DEFAULT_NOTICE_TEMPLATES);
    expect(result.ok && result.message.text).toContain("Hola, Bo:");
    expect(result.ok && result.message.text).toContain("informó en noviembre de 2026");
  });

  it("groups vendor-badge rows for the vendor note, naming the vendor", () => {
    expect(groupNotices(rows, entries, "Vendor badge").map((n) => n.credentials)).toEqual([["CompTIA A+ (CompTIA)"]]);
  });
});
