import { createHash } from "node:crypto";
import type { Execution } from "../execution";
import { emulate } from "../execution";
import { type Runtime, registerServices } from "../runtime";
import { triggerRunOf } from "./trigger-model";

type SessionApi = Pick<
  GoogleAppsScript.Base.Session,
  "getActiveUser" | "getEffectiveUser" | "getScriptTimeZone" | "getTemporaryActiveUserKey" | "getActiveUserLocale"
>;
type UserApi = Pick<GoogleAppsScript.Base.User, "getEmail">;

function domainOf(email: string): string {
  return email.slice(email.lastIndexOf("@") + 1).toLowerCase();
}

/**
 * Session.getActiveUser's rule (Google's reference): the address is withheld ("") wherever the
 * script runs without that person's own authorisation — a simple trigger, or an installable
 * trigger set off by someone other than its owner — unless that person is in the same Google
 * Workspace domain as the one whose authority runs the script.
 *  - a direct run (menu, google.script.run) in FULL: the user who runs it;
 *  - a time-driven trigger: its owner;
 *  - an installable trigger set off by someone else (an edit, a form response): that person if
 *    they share the owner's domain, else "" (an anonymous form respondent is always "");
 *  - a simple trigger (LIMITED / NONE): the user if they share the script owner's domain, else "".
 */
function activeEmail(exec: Execution, runtime: Runtime): string {
  const run = triggerRunOf(runtime, exec.id);
  if (run) {
    if (!run.actor) return "";
    return run.actor === exec.user || domainOf(run.actor) === domainOf(exec.user) ? run.actor : "";
  }
  if (exec.authMode === "FULL") return exec.user;
  return domainOf(exec.user) === domainOf(runtime.user) ? exec.user : "";
}

function user(exec: Execution, email: string): GoogleAppsScript.Base.User {
  const impl: UserApi = { getEmail: () => email };
  return emulate(exec, "User", impl, "NONE") as GoogleAppsScript.Base.User;
}

registerServices((exec, runtime) => {
  const trivial = () => exec.charge(exec.costs.trivialMs);
  const impl: SessionApi = {
    getActiveUser: () => {
      trivial();
      return user(exec, activeEmail(exec, runtime));
    },
    // The account whose authority the script runs under: the trigger's owner, or the user himself.
    getEffectiveUser: () => {
      trivial();
      return user(exec, exec.user);
    },
    getScriptTimeZone: () => runtime.manifest.timeZone,
    getActiveUserLocale: () => "en",
    // A stable opaque key per user and script. Google rotates it every 30 days; we do not (I).
    getTemporaryActiveUserKey: () =>
      createHash("sha256").update(`${runtime.distDir}\n${exec.user}`).digest("base64").slice(0, 43),
  };
  return { Session: emulate(exec, "Session", impl, "NONE") };
});
