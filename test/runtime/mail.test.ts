import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { outboxOf } from "../../local/runtime/mail/outbox";
import { parseMessage } from "../../local/runtime/mail/rfc822";
import { quotaDay } from "../../local/runtime/quota";
import { scriptRuntime, TEST_MANIFEST } from "./harness";

const SEND = `
  function notice(to) {
    MailApp.sendEmail({ to: to, subject: "Your badge is on its way", body: "Hello", htmlBody: "<p>Hello</p>",
      name: "CTE Badging", replyTo: "badges@agency.example" });
    return MailApp.getRemainingDailyQuota();
  }
  function short(to) { MailApp.sendEmail(to, "Subject", "Body"); }
  function withCopies() { MailApp.sendEmail("a@school.example", "S", "B", { cc: "b@school.example, c@school.example", bcc: "d@school.example" }); }
  function fourStrings() { MailApp.sendEmail("a@school.example", "reply@agency.example", "S", "B"); }
  function many(n) {
    var list = [];
    for (var i = 0; i < n; i++) list.push("s" + i + "@school.example");
    MailApp.sendEmail(list.join(","), "S", "B");
  }
`;

/** A raw RFC 822 message as the product's sendFromAlias builds it, web-safe base64. */
function rawMessage(from: string, to: string, subject: string, text: string, html: string): string {
  const b = "bd-test";
  const word = (s: string) => `=?UTF-8?B?${Buffer.from(s).toString("base64")}?=`;
  const lines = [
    `From: ${word("Agencia de Educación")} <${from}>`,
    `To: ${to}`,
    "Reply-To: help@agency.example",
    `Subject: ${word(subject)}`,
    "MIME-Version: 1.0",
    `Content-Type: multipart/alternative; boundary="${b}"`,
    "",
    `--${b}`,
    "Content-Type: text/plain; charset=UTF-8",
    "Content-Transfer-Encoding: base64",
    "",
    Buffer.from(text).toString("base64"),
    `--${b}`,
    "Content-Type: text/html; charset=UTF-8",
    "Content-Transfer-Encoding: base64",
    "",
    Buffer.from(html).toString("base64"),
    `--${b}--`,
  ];
  return Buffer.from(lines.join("\r\n")).toString("base64url");
}

const GMAIL = (raw: string) =>
  `function viaGmail() { return Gmail.Users.Messages.send({ raw: ${JSON.stringify(raw)} }, "me").labelIds[0]; }`;

describe("MailApp", () => {
  it("keeps every message whole in the outbox", () => {
    const runtime = scriptRuntime(SEND, { edition: "consumer" });
    const record = runtime.run("notice", { event: "jane@school.example" });
    expect(record.value).toBe(99);
    expect(outboxOf(runtime).messages).toEqual([
      expect.objectContaining({
        transport: "MailApp",
        from: runtime.user,
        name: "CTE Badging",
        replyTo: "badges@agency.example",
        to: ["jane@school.example"],
        subject: "Your badge is on its way",
        text: "Hello",
        html: "<p>Hello</p>",
      }),
    ]);
    expect(record.endedAt - record.startedAt).toBe(runtime.costs.mailMs);
  });

  it("counts each of to, cc and bcc against the daily quota", () => {
    const runtime = scriptRuntime(SEND, { edition: "consumer" });
    runtime.run("withCopies");
    const [message] = outboxOf(runtime).messages;
    expect([message.to, message.cc, message.bcc]).toEqual([
      ["a@school.example"],
      ["b@school.example", "c@school.example"],
      ["d@school.example"],
    ]);
    expect(outboxOf(runtime).remainingDailyQuota()).toBe(96);
  });

  it("reads the four-string form as (to, replyTo, subject, body)", () => {
    const runtime = scriptRuntime(SEND);
    runtime.run("fourStrings");
    expect(outboxOf(runtime).messages[0]).toMatchObject({ replyTo: "reply@agency.example", subject: "S", text: "B" });
  });

  it("the daily mail quota throws Google's text (and resets the next Pacific day)", () => {
    const runtime = scriptRuntime(SEND, {
      limits: { mailRecipientsPerDay: 2 },
      start: new Date("2026-11-02T06:00:00Z"),
    });
    expect(runtime.run("short", { event: "a@school.example" }).ok).toBe(true);
    expect(runtime.run("short", { event: "b@school.example" }).ok).toBe(true);
    const refused = runtime.run("short", { event: "c@school.example" });
    expect(refused.error).toBe("Service invoked too many times for one day: email.");
    expect(outboxOf(runtime).messages).toHaveLength(2);
    runtime.clock.setAtLeast(new Date("2026-11-02T08:00:00Z").getTime());
    expect(quotaDay(runtime.clock.now())).toBe("2026-11-02");
    expect(runtime.run("short", { event: "c@school.example" }).ok).toBe(true);
  });

  it("refuses more than 50 recipients in one message", () => {
    const runtime = scriptRuntime(SEND);
    expect(runtime.run("many", { event: 50 }).ok).toBe(true);
    expect(runtime.run("many", { event: 51 }).error).toBe("Limit Exceeded: Email Recipients Per Message.");
  });

  it("refuses an address that is not an e-mail address", () => {
    const runtime = scriptRuntime(SEND);
    expect(runtime.run("short", { event: "jane@@school.org" }).error).toBe("Invalid email: jane@@school.org");
    expect(outboxOf(runtime).messages).toHaveLength(0);
  });

  it("writes the outbox as .eml files a mail client can read", () => {
    const runtime = scriptRuntime(SEND);
    runtime.run("notice", { event: "josé@school.example" });
    const [file] = outboxOf(runtime).writeEml(mkdtempSync(path.join(tmpdir(), "eml-")));
    const eml = readFileSync(file, "utf8");
    expect(eml).toContain('From: "CTE Badging" <specialist@agency.example>');
    expect(eml).toContain("Content-Type: multipart/alternative");
    const parsed = parseMessage(eml);
    expect(parsed.headers.get("subject")).toBe("Your badge is on its way");
    expect([parsed.text, parsed.html]).toEqual(["Hello", "<p>Hello</p>"]);
  });
});

describe("Gmail advanced service", () => {
  it("sends a raw message from a configured send-as alias into the same outbox", () => {
    const runtime = scriptRuntime(
      GMAIL(rawMessage("badges@cte.example", "ana@school.example", "Tu insignia ✓", "Hola", "<p>Hola</p>")),
    );
    outboxOf(runtime).setAliases(runtime.user, ["badges@cte.example"]);
    expect(runtime.run("viaGmail").value).toBe("SENT");
    expect(outboxOf(runtime).messages[0]).toMatchObject({
      transport: "Gmail",
      from: "badges@cte.example",
      name: "Agencia de Educación",
      replyTo: "help@agency.example",
      to: ["ana@school.example"],
      subject: "Tu insignia ✓",
      text: "Hola",
      html: "<p>Hola</p>",
    });
    expect(outboxOf(runtime).remainingDailyQuota()).toBe(1499);
  });

  it("refuses a From that is not one of the account's send-as aliases", () => {
    const runtime = scriptRuntime(GMAIL(rawMessage("someone@else.example", "ana@school.example", "S", "T", "H")));
    expect(runtime.run("viaGmail").error).toBe(
      "API call to gmail.users.messages.send failed with error: From address someone@else.example is not a send-as alias of specialist@agency.example",
    );
    expect(outboxOf(runtime).messages).toHaveLength(0);
  });

  it("shares the recipient quota with MailApp", () => {
    const runtime = scriptRuntime(
      SEND + GMAIL(rawMessage("specialist@agency.example", "ana@school.example", "S", "T", "H")),
      {
        limits: { mailRecipientsPerDay: 1 },
      },
    );
    expect(runtime.run("short", { event: "a@school.example" }).ok).toBe(true);
    expect(runtime.run("viaGmail").error).toBe("Service invoked too many times for one day: email.");
  });

  it("is absent when the manifest does not enable it", () => {
    const runtime = scriptRuntime("function has() { return typeof Gmail; }", {
      manifest: { ...TEST_MANIFEST, dependencies: {} },
    });
    expect(runtime.run("has").value).toBe("undefined");
  });
});
