import type { Services, Users } from "./ports";
import { loadSettings, type Settings } from "./settings";

export class NotAnOperator extends Error {}

/**
 * Sending, issuing, revoking and changing settings are for operators only. With no operators
 * set, only the account that owns the script (the effective user of a menu run) may act.
 */
export function requireOperator(users: Users, settings: Settings, action: string): void {
  const who = users.active().toLowerCase();
  const allowed = settings.operators.length
    ? settings.operators.map((o) => o.trim().toLowerCase())
    : [users.effective().toLowerCase()];
  if (who && allowed.includes(who)) return;
  throw new NotAnOperator(
    `${who || "This account"} may not ${action}: only BadgeDesk operators can (Settings → Operators).`,
  );
}

/** Why the person at the keyboard may not `action`, in words; "" when they may. */
export function operatorRefusal(services: Pick<Services, "users" | "scriptProperties">, action: string): string {
  try {
    requireOperator(services.users, loadSettings(services.scriptProperties), action);
    return "";
  } catch (error) {
    if (error instanceof NotAnOperator) return error.message;
    throw error;
  }
}
