/**
 * Issue #7, who the notices come from: "Sending from the agency's alias is an option that uses the
 * Gmail advanced service (users.messages.send, scope gmail.send) with a verified send-as alias."
 * Through the built bundle: the settings, "Send notices", the outbox and the report tab.
 */
import { outboxOf } from "../../local/runtime";
import { SPECIALIST, type World } from "./harness";
import { entry, MONTH, monthWith, notices, reportRows } from "./notice-world";

const ALIAS = "badges@agency.example";
const REPLY_TO = "badging-team@agency.example";
const SENDER = "Oficina de Insignias — José Núñez";

const STUDENTS = [
  entry("E-1", "María José", "Núñez", "maria@school.example.edu", { Language: "es" }),
  entry("E-2", "Ben", "<b>Ode</b>", "ben@school.example.edu"),
];

const send = (w: World) => w.run("sendNotices", MONTH) as { sent: number; failed: number; errors: string[] };

describe("who the notices come from", () => {
  let w: World;
  afterEach(() => w.close());

  it("come from the agency's verified alias through Gmail, with the sender name, Reply-To and both bodies intact", async () => {
    w = await monthWith(STUDENTS, { settings: { aliasFrom: ALIAS, replyTo: REPLY_TO, senderName: SENDER } });
    outboxOf(w.runtime).setAliases(SPECIALIST, [ALIAS]);

    const preview = (email: string) =>
      w.run("previewNotice", { month: MONTH, email }) as { subject: string; html: string; text: string };
    const previews = new Map(STUDENTS.map((s) => [s["Student Email"], preview(s["Student Email"])]));

    expect(send(w)).toMatchObject({ sent: 2, failed: 0 });
    const sent = notices(w);
    expect(sent).toHaveLength(2);
    for (const message of sent) {
      expect(message).toMatchObject({ transport: "Gmail", from: ALIAS, name: SENDER, replyTo: REPLY_TO });
    }
    const maria = sent.find((m) => m.to[0] === "maria@school.example.edu")!;
    // Non-ASCII in the subject and the sender name survive the RFC 2047 round trip.
    expect(maria.subject).toBe("Tu insignia digital de CareerTech está en camino");
    expect(maria.text).toContain("Hola, María José:");
    expect(maria.html).toContain("María José");
    const ben = sent.find((m) => m.to[0] === "ben@school.example.edu")!;
    expect(ben.subject).toBe("Your digital badge from CareerTech is on its way");
    expect(ben.text).toContain("Hi Ben,");
    expect(ben.html).toContain("Hi Ben,");
    // The bodies are exactly what the preview shows for each student (nothing lost in the MIME parts).
    for (const message of [maria, ben]) {
      const { subject, html, text } = previews.get(message.to[0])!;
      expect({ subject: message.subject, html: message.html, text: message.text }).toEqual({ subject, html, text });
    }
    expect(reportRows(w).map((r) => r["Notice Status"])).toEqual(["Sent", "Sent"]);
  });

  it("with an alias Gmail has not verified, sends nothing and marks each row Failed naming the alias", async () => {
    w = await monthWith(STUDENTS, { settings: { aliasFrom: ALIAS, replyTo: REPLY_TO } });
    outboxOf(w.runtime).setAliases(SPECIALIST, ["someone-else@agency.example"]);

    const result = send(w);
    expect(result).toMatchObject({ sent: 0, failed: 2 });
    expect(outboxOf(w.runtime).messages).toEqual([]);
    for (const row of reportRows(w)) {
      expect(row["Notice Status"]).toBe("Failed");
      expect(String(row["Last Error"])).toContain(ALIAS);
      expect(String(row["Last Error"])).toContain("send-as alias");
    }
    const log = w.rows("Log").find((r) => r.Action === `Send notices ${MONTH}`)!;
    expect(String(log.Outcome)).toContain("send-as alias");

    // Once Gmail has the alias, the next run sends both and clears the error.
    outboxOf(w.runtime).setAliases(SPECIALIST, [ALIAS]);
    expect(send(w)).toMatchObject({ sent: 2, failed: 0 });
    for (const row of reportRows(w)) {
      expect(row["Notice Status"]).toBe("Sent");
      expect(row["Last Error"]).toBe("");
    }
  });

  it("without an alias, go through MailApp from the specialist's account with the Reply-To", async () => {
    w = await monthWith(STUDENTS, { settings: { replyTo: REPLY_TO, senderName: SENDER } });
    expect(send(w)).toMatchObject({ sent: 2, failed: 0 });
    for (const message of notices(w)) {
      expect(message).toMatchObject({ transport: "MailApp", from: SPECIALIST, name: SENDER, replyTo: REPLY_TO });
    }
  });
});
