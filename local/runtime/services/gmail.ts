import { emulate } from "../execution";
import { bareAddress, displayName, splitAddresses } from "../mail/addresses";
import { mailModel } from "../mail/outbox";
import { parseMessage } from "../mail/rfc822";
import { type Runtime, registerServices } from "../runtime";
import { sendThrough } from "./mail";
import { scriptArray, scriptObject } from "./realm-values";

type MessagesApi = Pick<GoogleAppsScript.Gmail.Collection.Users.MessagesCollection, "send">;

/** True when the manifest enables the Gmail advanced service under the symbol `Gmail`. */
function gmailEnabled(runtime: Runtime): boolean {
  const dependencies = runtime.manifest.dependencies as
    | { enabledAdvancedServices?: Array<{ userSymbol?: string }> }
    | undefined;
  return (dependencies?.enabledAdvancedServices ?? []).some((s) => s.userSymbol === "Gmail");
}

/** Advanced services report API errors in this shape (S: GoogleJsonResponseException texts). */
function apiError(reason: string): string {
  return `API call to gmail.users.messages.send failed with error: ${reason}`;
}

/**
 * The Gmail advanced service, only `Users.Messages.send`: the product's way to send from a
 * send-as alias with the gmail.send scope. The raw message is read back (web-safe base64 of an
 * RFC 822 text) and kept in the same outbox as MailApp's, counted against the same recipient quota
 * (a local choice: Gmail's own sending limits are separate and larger).
 *
 * A From that is neither the account nor one of its send-as aliases is refused with a clear error.
 * Gmail itself is reported to rewrite such a From to the account's address silently (S); refusing
 * makes the mistake visible in tests instead.
 */
registerServices((exec, runtime, realm) => {
  if (!gmailEnabled(runtime)) return {};
  const model = mailModel(runtime);
  const messages: MessagesApi = {
    send(resource: GoogleAppsScript.Gmail.Schema.Message, userId: string) {
      if (userId !== "me" && userId.toLowerCase() !== exec.user.toLowerCase()) {
        throw exec.makeError(apiError(`Delegation denied for ${exec.user}`));
      }
      if (!resource?.raw)
        throw exec.makeError(apiError("Invalid argument: 'raw' RFC822 payload message string required"));
      const raw = Buffer.from(String(resource.raw).replace(/-/g, "+").replace(/_/g, "/"), "base64").toString("utf8");
      const parsed = parseMessage(raw);
      const fromHeader = parsed.headers.get("from") ?? exec.user;
      const from = bareAddress(fromHeader);
      const own = [exec.user.toLowerCase(), ...(model.aliases.get(exec.user.toLowerCase()) ?? [])];
      if (!own.includes(from)) {
        throw exec.makeError(apiError(`From address ${from} is not a send-as alias of ${exec.user}`));
      }
      const sent = sendThrough(exec, runtime, model, {
        transport: "Gmail",
        from,
        name: displayName(fromHeader),
        replyTo: parsed.headers.get("reply-to"),
        to: splitAddresses(parsed.headers.get("to")),
        cc: splitAddresses(parsed.headers.get("cc")),
        bcc: splitAddresses(parsed.headers.get("bcc")),
        subject: parsed.headers.get("subject") ?? "",
        text: parsed.text,
        html: parsed.html,
      });
      return scriptObject(realm, { id: sent.id, threadId: sent.id, labelIds: scriptArray(realm, ["SENT"]) });
    },
  };
  const messagesCollection = emulate(
    exec,
    "Gmail.Users.Messages",
    messages as GoogleAppsScript.Gmail.Collection.Users.MessagesCollection,
  );
  const users = emulate(exec, "Gmail.Users", {
    Messages: messagesCollection,
  } as GoogleAppsScript.Gmail.Collection.UsersCollection);
  return { Gmail: emulate(exec, "Gmail", { Users: users } as GoogleAppsScript.Gmail) };
});
