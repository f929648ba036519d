import { type ExecutionRecord, holdLock, LOCK_TIMEOUT, lockHolder } from "../../local/runtime";
import { scriptRuntime } from "./harness";

const SCRIPT = `
  function job() {
    var lock = LockService.getScriptLock();
    if (!lock.tryLock(1000)) return "busy";
    PropertiesService.getScriptProperties().setProperty("step", "working");
    lock.releaseLock();
    return "done";
  }
  function rival(ms) {
    var lock = LockService.getScriptLock();
    var got = lock.tryLock(ms);
    return { got: got, has: lock.hasLock() };
  }
  function hog() { LockService.getScriptLock().waitLock(1000); return "holding"; }
  function waiter(ms) { LockService.getScriptLock().waitLock(ms); return "got it"; }
  function mine() { return LockService.getUserLock().tryLock(0); }
  function holdMine() { LockService.getUserLock().waitLock(0); PropertiesService.getScriptProperties().setProperty("x", "1"); }
`;

describe("LockService", () => {
  it("a lock held by one execution blocks another", () => {
    const runtime = scriptRuntime(SCRIPT);
    let nested: ExecutionRecord | undefined;
    let waitedFrom = 0;
    // While `job` holds the script lock, a second run starts (as a trigger would on Google).
    runtime.beforeCall.push((exec, member) => {
      if (exec.functionName === "job" && member === "Properties.setProperty" && !nested) {
        waitedFrom = runtime.clock.now();
        nested = runtime.run("rival", { event: 5000 });
      }
    });
    const outer = runtime.run("job");
    expect(nested?.value).toEqual({ got: false, has: false });
    // The rival waited its whole timeout: the holder cannot let go while it waits.
    expect((nested?.endedAt ?? 0) - waitedFrom).toBeGreaterThanOrEqual(5000);
    expect(outer.value).toBe("done");
    expect(runtime.run("rival", { event: 0 }).value).toEqual({ got: true, has: true });
  });

  it("releases a lock when its execution ends without releasing it", () => {
    const runtime = scriptRuntime(SCRIPT);
    const hog = runtime.run("hog");
    expect(hog.value).toBe("holding");
    expect(lockHolder(runtime, "script")).toBeNull();
    expect(runtime.run("rival", { event: 0 }).value).toEqual({ got: true, has: true });
  });

  it("waitLock times out with Google's text", () => {
    const runtime = scriptRuntime(SCRIPT);
    holdLock(runtime, "script", runtime.clock.now() + 60_000);
    const record = runtime.run("waiter", { event: 10_000 });
    expect(record.error).toBe(LOCK_TIMEOUT);
    expect(record.error).toBe("Lock timeout: another process was holding the lock for too long.");
    expect(record.endedAt - record.startedAt).toBeGreaterThanOrEqual(10_000);
  });

  it("a wait longer than an outside holder's turn gets the lock when the holder lets go", () => {
    const runtime = scriptRuntime(SCRIPT);
    const releaseAt = runtime.clock.now() + 30_000;
    holdLock(runtime, "script", releaseAt);
    const record = runtime.run("waiter", { event: 60_000 });
    expect(record.value).toBe("got it");
    expect(record.endedAt).toBeGreaterThanOrEqual(releaseAt);
    expect(record.endedAt).toBeLessThan(releaseAt + 1000);
  });

  it("user locks are per user", () => {
    const runtime = scriptRuntime(SCRIPT);
    let others: unknown[] = [];
    runtime.beforeCall.push((exec, member) => {
      if (exec.functionName === "holdMine" && member === "Properties.setProperty") {
        others = [
          runtime.run("mine", { user: "a@agency.example" }).value,
          runtime.run("mine", { user: "b@agency.example" }).value,
        ];
      }
    });
    runtime.run("holdMine", { user: "a@agency.example" });
    expect(others).toEqual([false, true]);
  });
});
