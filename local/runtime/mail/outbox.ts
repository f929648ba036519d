import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DailyQuota } from "../quota";
import type { Runtime } from "../runtime";
import { toEml } from "./eml";

/** One message that left the script: kept whole, so tests can read what a student received. */
export interface SentMessage {
  /** "m1", "m2"… in sending order. */
  id: string;
  /** Virtual time it was sent. */
  at: number;
  transport: "MailApp" | "Gmail";
  /** The account that sent it (the execution's user). */
  user: string;
  /** The From address: the user, or a send-as alias on the Gmail path. */
  from: string;
  name?: string;
  replyTo?: string;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  text: string;
  html?: string;
}

/** The host's view of the mail that left the runtime. */
export interface Outbox {
  readonly messages: SentMessage[];
  /** The "Send mail as" addresses of `user` (Gmail settings), for the Gmail advanced service. */
  setAliases(user: string, addresses: string[]): void;
  aliasesOf(user: string): string[];
  /** Recipients `user` may still mail today (default: the runtime's user). */
  remainingDailyQuota(user?: string): number;
  /** Writes one .eml file per message into `dir`; returns the paths. */
  writeEml(dir: string): string[];
}

export interface MailModel {
  messages: SentMessage[];
  aliases: Map<string, string[]>;
  /** Recipients (to + cc + bcc) per user per quota day, shared by MailApp and Gmail. */
  quota: DailyQuota;
}

export function mailModel(runtime: Runtime): MailModel {
  return runtime.model<MailModel>("mail", () => ({
    messages: [],
    aliases: new Map(),
    quota: new DailyQuota(runtime, () => runtime.limits.mailRecipientsPerDay),
  }));
}

/** The outbox of `runtime`: every message sent so far, MailApp and Gmail alike. */
export function outboxOf(runtime: Runtime): Outbox {
  const model = mailModel(runtime);
  return {
    messages: model.messages,
    setAliases: (user, addresses) => {
      model.aliases.set(
        user.toLowerCase(),
        addresses.map((a) => a.toLowerCase()),
      );
    },
    aliasesOf: (user) => model.aliases.get(user.toLowerCase()) ?? [],
    remainingDailyQuota: (user = runtime.user) => model.quota.remaining(user),
    writeEml(dir) {
      mkdirSync(dir, { recursive: true });
      return model.messages.map((message) => {
        const file = path.join(dir, `${message.id}.eml`);
        writeFileSync(file, toEml(message));
        return file;
      });
    },
  };
}

/** Adds a sent message to the outbox and returns it. */
export function record(model: MailModel, message: Omit<SentMessage, "id">): SentMessage {
  const sent = { id: `m${model.messages.length + 1}`, ...message };
  model.messages.push(sent);
  return sent;
}
