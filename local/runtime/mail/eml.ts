import type { SentMessage } from "./outbox";

/** RFC 2047 encoded-word for a header holding non-ASCII text. */
export function encodeWord(text: string): string {
  return /^[\x20-\x7e]*$/.test(text) ? text : `=?UTF-8?B?${Buffer.from(text, "utf8").toString("base64")}?=`;
}

function mailbox(address: string, name?: string): string {
  if (!name) return address;
  const display = /^[\x20-\x7e]*$/.test(name) ? `"${name.replace(/(["\\])/g, "\\$1")}"` : encodeWord(name);
  return `${display} <${address}>`;
}

/** Base64 in lines of 76 characters (RFC 2045). */
function base64Lines(text: string): string {
  return (
    Buffer.from(text, "utf8")
      .toString("base64")
      .match(/.{1,76}/g) ?? []
  ).join("\r\n");
}

function part(type: string, text: string): string[] {
  return [`Content-Type: ${type}; charset=UTF-8`, "Content-Transfer-Encoding: base64", "", base64Lines(text)];
}

/**
 * The message as an RFC 5322 file a mail client opens: multipart/alternative (text, then HTML)
 * when there is an HTML body, UTF-8 throughout. Bcc is kept as a header so the file shows who
 * was blind-copied (a local record, not what a recipient would see).
 */
export function toEml(message: SentMessage): string {
  const boundary = `=_badgedesk_${message.id}`;
  const headers = [
    `From: ${mailbox(message.from, message.name)}`,
    `To: ${message.to.join(", ")}`,
    ...(message.cc.length ? [`Cc: ${message.cc.join(", ")}`] : []),
    ...(message.bcc.length ? [`Bcc: ${message.bcc.join(", ")}`] : []),
    ...(message.replyTo ? [`Reply-To: ${message.replyTo}`] : []),
    `Subject: ${encodeWord(message.subject)}`,
    `Date: ${new Date(message.at).toUTCString().replace("GMT", "+0000")}`,
    `Message-ID: <${message.id}.${message.at}@local.badgedesk>`,
    `X-BadgeDesk-Transport: ${message.transport}`,
    "MIME-Version: 1.0",
  ];
  const body =
    message.html === undefined
      ? part("text/plain", message.text)
      : [
          `Content-Type: multipart/alternative; boundary="${boundary}"`,
          "",
          `--${boundary}`,
          ...part("text/plain", message.text),
          `--${boundary}`,
          ...part("text/html", message.html),
          `--${boundary}--`,
          "",
        ];
  return [...headers, ...body].join("\r\n");
}
