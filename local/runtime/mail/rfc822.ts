/** A raw RFC 822 message read back into its parts (what Gmail makes of users.messages.send). */
export interface ParsedMessage {
  headers: Map<string, string>;
  text: string;
  html?: string;
}

/** Decodes RFC 2047 encoded-words (B and Q, any charset Node knows) in a header value. */
export function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g, (_all, charset: string, encoding: string, data: string) => {
      const bytes =
        encoding.toUpperCase() === "B"
          ? Buffer.from(data, "base64")
          : Buffer.from(
              data
                .replace(/_/g, " ")
                .replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
              "latin1",
            );
      return new TextDecoder(charset.toLowerCase()).decode(bytes);
    });
}

function splitHead(raw: string): { head: string; body: string } {
  const match = raw.match(/\r?\n\r?\n/);
  if (!match || match.index === undefined) return { head: raw, body: "" };
  return { head: raw.slice(0, match.index), body: raw.slice(match.index + match[0].length) };
}

function readHeaders(head: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

function param(headerValue: string, name: string): string | undefined {
  return headerValue.match(new RegExp(`${name}="?([^";]+)"?`, "i"))?.[1];
}

function decodeBody(body: string, headers: Map<string, string>): string {
  const encoding = (headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
  const charset = param(headers.get("content-type") ?? "", "charset") ?? "utf-8";
  let bytes: Buffer;
  if (encoding === "base64") bytes = Buffer.from(body.replace(/\s+/g, ""), "base64");
  else if (encoding === "quoted-printable") {
    const unfolded = body.replace(/=\r?\n/g, "");
    bytes = Buffer.from(
      unfolded.replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      "latin1",
    );
  } else bytes = Buffer.from(body, "utf8");
  return new TextDecoder(charset.toLowerCase()).decode(bytes);
}

/** Collects the text/plain and text/html leaves of a (possibly nested) multipart body. */
function collect(headers: Map<string, string>, body: string, into: { text?: string; html?: string }): void {
  const type = (headers.get("content-type") ?? "text/plain").toLowerCase();
  if (type.startsWith("multipart/")) {
    const boundary = param(headers.get("content-type") ?? "", "boundary");
    if (!boundary) return;
    const sections = body.split(`--${boundary}`).slice(1);
    for (const section of sections) {
      if (section.startsWith("--")) break;
      const { head, body: partBody } = splitHead(section.replace(/^\r?\n/, ""));
      collect(readHeaders(head), partBody.replace(/\r?\n$/, ""), into);
    }
  } else if (type.startsWith("text/html")) into.html ??= decodeBody(body, headers);
  else if (type.startsWith("text/plain")) into.text ??= decodeBody(body, headers);
}

/** Reads a raw message: headers (names lower-cased, values decoded) and its text and HTML bodies. */
export function parseMessage(raw: string): ParsedMessage {
  const { head, body } = splitHead(raw);
  const headers = readHeaders(head);
  const parts: { text?: string; html?: string } = {};
  collect(headers, body, parts);
  for (const [name, value] of headers) headers.set(name, decodeWords(value));
  return { headers, text: parts.text ?? "", html: parts.html };
}
