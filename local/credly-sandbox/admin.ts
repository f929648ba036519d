import type { ApiAnswer } from "./api";
import { errorJson } from "./credly-json";
import type { FaultPlan } from "./faults";
import type { RequestLog } from "./request-log";
import type { SandboxSeed } from "./seed";
import type { CredlyStore } from "./store";

/**
 * The earner's side and the test controls, under /_admin/ — no part of Credly's API, never
 * subject to faults or auth, never in the request log.
 *
 *   POST   /_admin/reset                 { seed? }  back to the last seed given (or to a new one)
 *   POST   /_admin/badges/{id}/accept              the earner claims the badge
 *   POST   /_admin/badges/{id}/reject              the earner declines it
 *   POST   /_admin/auto-accept           { email } later badges to this address arrive accepted
 *   GET    /_admin/badges                          every badge of every organization
 *   GET    /_admin/state                           organizations, templates, badges, auto-accept
 *   GET    /_admin/requests    DELETE /_admin/requests
 *   GET    /_admin/faults      PUT    /_admin/faults  { FaultPlan }
 */
export interface AdminControls {
  store: CredlyStore;
  log: RequestLog;
  faults: () => FaultPlan;
  setFaults: (plan: FaultPlan) => void;
  resetFaults: () => void;
}

const ok = (body: unknown, status = 200): ApiAnswer => ({ status, body: body as ApiAnswer["body"] });
const bad = (status: number, message: string): ApiAnswer => ({ status, body: errorJson(message) });

export function handleAdmin(method: string, path: string, body: unknown, c: AdminControls): ApiAnswer {
  const input = (body ?? {}) as Record<string, unknown>;
  const route = `${method} ${path.replace(/^\/_admin/, "").replace(/\/badges\/[^/]+\//, "/badges/:id/")}`;
  switch (route) {
    case "POST /reset": {
      const seed = input.seed as SandboxSeed | undefined;
      c.store.reset(seed);
      c.log.clear();
      c.resetFaults();
      return ok({ reset: true });
    }
    case "POST /badges/:id/accept":
    case "POST /badges/:id/reject": {
      const id = path.split("/")[3];
      const badge = c.store.badgeAnywhere(id);
      if (!badge) return bad(404, `Badge not found: ${id}`);
      if (badge.state !== "pending") return bad(409, `Badge ${id} is ${badge.state}, not pending`);
      return ok(c.store.setState(badge, path.endsWith("/accept") ? "accepted" : "rejected"));
    }
    case "POST /auto-accept": {
      if (typeof input.email !== "string" || input.email === "") return bad(422, "email is required");
      c.store.addAutoAccept(input.email);
      return ok({ autoAccept: c.store.autoAcceptList() });
    }
    case "GET /badges":
      return ok(c.store.allBadges());
    case "GET /state":
      return ok({ seed: c.store.seed(), badges: c.store.allBadges(), autoAccept: c.store.autoAcceptList() });
    case "GET /requests":
      return ok(c.log.all());
    case "DELETE /requests":
      c.log.clear();
      return ok({ cleared: true });
    case "GET /faults":
      return ok(c.faults());
    case "PUT /faults":
      try {
        c.setFaults(input as FaultPlan);
      } catch (error) {
        return bad(422, (error as Error).message);
      }
      return ok(c.faults());
    default:
      return bad(404, `No admin route ${method} ${path}`);
  }
}
