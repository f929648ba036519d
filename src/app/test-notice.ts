import type { Services } from "./ports";
import type { Settings } from "./settings";

export interface TestSent {
  ok: boolean;
  message: string;
}

/**
 * Mails a rendered notice to the person at the keyboard, never the student, subject marked
 * [Test], through the same sender as the real notices (so the alias and reply-to are tried too).
 * It spends the same mail quota as a notice.
 */
export function mailTestNotice(
  services: Pick<Services, "users" | "mailer">,
  settings: Settings,
  notice: { subject: string; text: string; html: string },
): TestSent {
  const me = services.users.active();
  if (!me)
    return { ok: false, message: "Google does not tell BadgeDesk your address, so there is nowhere to send the test." };
  services.mailer.send({
    to: me,
    subject: `[Test] ${notice.subject}`,
    textBody: notice.text,
    htmlBody: notice.html,
    name: settings.senderName,
    replyTo: settings.replyTo || undefined,
    from: settings.aliasFrom || undefined,
  });
  return { ok: true, message: `Test sent to ${me}. Mail quota left today: ${services.mailer.remainingDailyQuota()}.` };
}
