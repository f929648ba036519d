/**
 * Issue #7, the texts the specialist edits: a change typed into the Templates sheet is what the
 * students receive and what both previews show, merge fields filled and escaped.
 */
import { spreadsheetOf } from "../../local/runtime";
import { escapeHtml } from "../../src/domain/merge";
import type { World } from "./harness";
import { entry, MONTH, monthWith, notices } from "./notice-world";

const FIRST = "Ana & <Jo>";
const SITE = 'Tulsa <Tech> & "Co"';
const SUBJECT = "{{firstName}}, your {{agencyName}} badge is coming";
const OLD_LINE = "<p>Questions? Reply to this e-mail.</p>";
const NEW_LINE = "<p>Questions? Ask {{senderName}} at {{site}}.</p>";

/** The specialist edits the English notice's Subject and one line of its HTML Body, as typed text. */
function editEnglishNotice(w: World): void {
  const book = spreadsheetOf(w.runtime);
  const values = book.values("Templates");
  const headers = values[0].map(String);
  const row = values.findIndex((r) => r[0] === "notice" && r[1] === "en");
  expect(row).toBeGreaterThan(0);
  const html = String(values[row][headers.indexOf("HTML Body")]);
  expect(html).toContain(OLD_LINE);
  book.setValues("Templates", row + 1, headers.indexOf("Subject") + 1, [[SUBJECT]], { asEntered: true });
  book.setValues("Templates", row + 1, headers.indexOf("HTML Body") + 1, [[html.replace(OLD_LINE, NEW_LINE)]], {
    asEntered: true,
  });
}

describe("a notice edited in the Templates sheet", () => {
  let w: World;
  afterEach(() => w.close());

  it("reaches the student with the merge fields filled, and escaped in the HTML body", async () => {
    w = await monthWith([entry("E-1", FIRST, "Ruiz", "ana@school.example.edu", { Site: SITE })], {
      settings: { agencyName: "CareerTech", senderName: "Jordan Lee" },
    });
    editEnglishNotice(w);

    expect(w.run("sendNotices", MONTH)).toMatchObject({ sent: 1, failed: 0 });
    const [message] = notices(w);
    expect(message.subject).toBe(`${FIRST}, your CareerTech badge is coming`);
    expect(message.html).toContain(`<p>Questions? Ask Jordan Lee at ${escapeHtml(SITE)}.</p>`);
    expect(message.html).not.toContain(OLD_LINE);
    expect(message.html).not.toContain("<Tech>");
    expect(message.html).toContain(`Hi ${escapeHtml(FIRST)},`);
    // The Text Body was not edited: it stays the shipped text.
    expect(message.text).toContain("Questions? Reply to this e-mail.");
  });

  it("is what the Preview dialog and the Send notices dialog show", async () => {
    w = await monthWith([entry("E-1", FIRST, "Ruiz", "ana@school.example.edu", { Site: SITE })], {
      settings: { agencyName: "CareerTech", senderName: "Jordan Lee" },
    });
    editEnglishNotice(w);

    const preview = w.run("getNoticePreview", "ana@school.example.edu") as {
      en: { ok: boolean; subject: string; html: string };
      es: { ok: boolean; subject: string };
    };
    expect(preview.en).toMatchObject({ ok: true, subject: `${FIRST}, your CareerTech badge is coming` });
    expect(preview.en.html).toContain(`<p>Questions? Ask Jordan Lee at ${escapeHtml(SITE)}.</p>`);
    expect(preview.es.subject).toBe("Tu insignia digital de CareerTech está en camino");

    const plan = w.run("getNoticePlan", MONTH) as { preview: { subject: string; html: string } };
    expect(plan.preview.subject).toBe(`${FIRST}, your CareerTech badge is coming`);
    expect(plan.preview.html).toContain(`Ask Jordan Lee at ${escapeHtml(SITE)}.`);
  });
});
