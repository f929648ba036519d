import type { CyclePhases } from "./cycle";
import { queueNeedsFixDigests } from "./digests";
import { reconcileIntake } from "./intake";
import { issueBadges } from "./issuing";
import { ensureTemplatesSheet } from "./notice-templates";
import { sendNotices } from "./notices";
import { buildMonthlyReport } from "./report";

/** The real phases, each reporting what the cycle's state machine needs. The cycle holds the lock. */
export const cyclePhases: CyclePhases = {
  intake(services) {
    const r = reconcileIntake(services);
    return { phase: "intake", added: r.added, stamped: r.stamped };
  },
  report(services, month) {
    const r = buildMonthlyReport(services, { month });
    queueNeedsFixDigests(services, { month });
    return { phase: "report", total: r.total, counts: r.counts };
  },
  notices(services, month, slice) {
    ensureTemplatesSheet(services.workbook);
    const r = sendNotices(services, { month, budget: slice });
    return {
      phase: "notices",
      sent: r.sent,
      failed: r.failed,
      remaining: r.remaining,
      stoppedFor: r.stoppedFor,
      resumeAfter: r.resumeAfter,
    };
  },
  badges(services, month, slice) {
    const r = issueBadges(services, { month, budget: slice });
    return {
      phase: "badges",
      issued: r.issued,
      alreadyHeld: r.alreadyHeld,
      failed: r.failed,
      remaining: r.remaining,
      waiting: r.waiting,
      nextEligibleAt: r.nextEligibleAt,
      stoppedFor: r.stoppedFor,
      message: r.message,
    };
  },
};
