import { type Execution, emulate } from "../execution";
import { bareAddress, isEmailAddress, splitAddresses } from "../mail/addresses";
import { type MailModel, mailModel, record, type SentMessage } from "../mail/outbox";
import { type Runtime, registerServices } from "../runtime";

type MailAppApi = Pick<GoogleAppsScript.Mail.MailApp, "sendEmail" | "getRemainingDailyQuota">;
type Params = GoogleAppsScript.Mail.MailAdvancedParameters;

/** The recipients of one message: what the daily quota and the per-message limit count. */
export interface Recipients {
  to: string[];
  cc: string[];
  bcc: string[];
}

/**
 * Checks and charges one message's recipients against the quotas shared by MailApp and the Gmail
 * service: at most `recipientsPerMessage` (50) per message and `mailRecipientsPerDay` (100 / 1,500)
 * per user per quota day, to + cc + bcc each counted (apps-script.md, Limits). Then records it.
 */
export function sendThrough(
  exec: Execution,
  runtime: Runtime,
  model: MailModel,
  message: Omit<SentMessage, "id" | "at" | "user">,
): SentMessage {
  const all = [...message.to, ...message.cc, ...message.bcc];
  if (all.length === 0) throw exec.makeError("Failed to send email: no recipient");
  for (const entry of all) {
    // Google's text for an address it cannot parse (S).
    if (!isEmailAddress(bareAddress(entry))) throw exec.makeError(`Invalid email: ${entry}`);
  }
  // Google's text for too many recipients in one message (S).
  if (all.length > exec.limits.recipientsPerMessage)
    throw exec.makeError("Limit Exceeded: Email Recipients Per Message.");
  if (!model.quota.take(exec.user, all.length))
    throw exec.makeError("Service invoked too many times for one day: email.");
  exec.charge(runtime.costs.mailMs);
  return record(model, { ...message, at: runtime.clock.now(), user: exec.user });
}

/** Normalises MailApp.sendEmail's four call shapes into one parameter object. */
function asParams(args: unknown[]): Params {
  const [first, second, third, fourth] = args;
  if (typeof first === "object" && first !== null) return first as Params;
  if (typeof fourth === "string") {
    return { to: String(first), replyTo: String(second), subject: String(third), body: fourth };
  }
  return { ...((fourth as Params | undefined) ?? {}), to: String(first), subject: String(second), body: String(third) };
}

registerServices((exec, runtime) => {
  const model = mailModel(runtime);
  const impl: MailAppApi = {
    sendEmail(...args: unknown[]) {
      const params = asParams(args);
      if (params.attachments?.length || params.inlineImages) {
        throw exec.makeError("not emulated: MailApp.sendEmail attachments / inlineImages");
      }
      // MailApp has no `from` option: mail leaves from the account running the script (V).
      // noReply would send from a Workspace no-reply address; it is kept as the account's here.
      sendThrough(exec, runtime, model, {
        transport: "MailApp",
        from: exec.user,
        name: params.name,
        replyTo: params.replyTo,
        to: splitAddresses(params.to),
        cc: splitAddresses(params.cc),
        bcc: splitAddresses(params.bcc),
        subject: params.subject ?? "",
        text: params.body ?? "",
        html: params.htmlBody,
      });
    },
    getRemainingDailyQuota: () => model.quota.remaining(exec.user),
  } as MailAppApi;
  return { MailApp: emulate(exec, "MailApp", impl as GoogleAppsScript.Mail.MailApp) };
});
