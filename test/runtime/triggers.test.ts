import { fireFormSubmit, runUntil, TOO_MANY_TRIGGERS, triggersOf } from "../../local/runtime";
import { scriptRuntime } from "./harness";

const SCRIPT = `
  function monthly() {
    return ScriptApp.newTrigger("cycle").timeBased().onMonthDay(1).atHour(6).inTimezone("America/Chicago").create().getUniqueId();
  }
  function hourly(handler) { return ScriptApp.newTrigger(handler).timeBased().everyHours(1).create().getUniqueId(); }
  function continuation(ms) { return ScriptApp.newTrigger("resume").timeBased().after(ms).create().getUniqueId(); }
  function cycle(e) { return Utilities.formatDate(new Date(), "America/Chicago", "yyyy-MM-dd HH:mm:ss"); }
  function resume(e) { return e.triggerUid; }
  function keep(e) { return "kept"; }
  function drop(e) { return "dropped"; }
  function echo(e) { return e; }
  function list() {
    return ScriptApp.getProjectTriggers().map(function (t) {
      return [t.getUniqueId(), t.getHandlerFunction(), String(t.getEventType()), t.getEventType() === ScriptApp.EventType.CLOCK];
    });
  }
  function remove(id) {
    ScriptApp.getProjectTriggers().forEach(function (t) { if (t.getUniqueId() === id) ScriptApp.deleteTrigger(t); });
  }
  function many(n) {
    for (var i = 0; i < n; i++) ScriptApp.newTrigger("keep").timeBased().everyDays(1).atHour(3).create();
  }
  function echoAt(when) { return ScriptApp.newTrigger("echo").timeBased().at(new Date(when)).create().getUniqueId(); }
  function onSubmit() {
    return ScriptApp.newTrigger("intake").forSpreadsheet("sheet-1").onFormSubmit().create().getUniqueId();
  }
  function intake(e) {
    return { who: Session.getActiveUser().getEmail(), as: Session.getEffectiveUser().getEmail(), uid: e.triggerUid, named: e.namedValues };
  }
  function ghost() { return ScriptApp.newTrigger("noSuchFunction").timeBased().after(1000).create().getUniqueId(); }
`;

const CHICAGO_HOUR = new Intl.DateTimeFormat("en-US", {
  timeZone: "America/Chicago",
  hourCycle: "h23",
  hour: "numeric",
});

describe("ScriptApp triggers and the scheduler", () => {
  it("onMonthDay(1).atHour(6) in America/Chicago fires once a month across a DST change", () => {
    const runtime = scriptRuntime(SCRIPT, { start: new Date("2026-10-15T12:00:00Z") });
    runtime.run("monthly");
    const fired = runUntil(runtime, new Date("2027-04-15T12:00:00Z"));
    // Chicago leaves daylight time on 1 Nov 2026 (the day of a fire) and returns on 14 Mar 2027.
    const stamps = fired.map((r) => r.value as string);
    expect(stamps.map((s) => s.slice(0, 10))).toEqual([
      "2026-11-01",
      "2026-12-01",
      "2027-01-01",
      "2027-02-01",
      "2027-03-01",
      "2027-04-01",
    ]);
    for (const record of fired) {
      expect(record.ok).toBe(true);
      expect(Number(CHICAGO_HOUR.format(new Date(record.startedAt)))).toBe(6);
    }
    // Google keeps the slot it picked inside the hour.
    expect(new Set(stamps.map((s) => s.slice(14, 19))).size).toBe(1);
  });

  it("a deleted trigger never fires", () => {
    const runtime = scriptRuntime(SCRIPT);
    runtime.run("hourly", { event: "keep" });
    const dropId = runtime.run("hourly", { event: "drop" }).value as string;
    runtime.run("remove", { event: dropId });
    const fired = runUntil(runtime, new Date(runtime.clock.now() + 24 * 3_600_000));
    expect(fired.length).toBeGreaterThanOrEqual(24);
    expect(fired.every((r) => r.functionName === "keep")).toBe(true);
    expect(triggersOf(runtime).map((t) => t.handler)).toEqual(["keep"]);
  });

  it("after(ms) fires once and the spent trigger stays listed until deleted", () => {
    const runtime = scriptRuntime(SCRIPT);
    const created = runtime.clock.now();
    const id = runtime.run("continuation", { event: 5 * 60_000 }).value as string;
    const fired = runUntil(runtime, new Date(created + 3 * 86_400_000));
    expect(fired.map((r) => r.value)).toEqual([id]);
    expect(fired[0].startedAt - created).toBeGreaterThanOrEqual(5 * 60_000);
    expect(fired[0].origin).toBe("trigger");
    expect(runtime.run("list").value).toEqual([[id, "resume", "CLOCK", true]]);
    runtime.run("remove", { event: id });
    expect(runtime.run("list").value).toEqual([]);
  });

  it("more than 20 triggers throws Google's message", () => {
    const runtime = scriptRuntime(SCRIPT);
    const record = runtime.run("many", { event: 21 });
    expect(record.error).toBe(TOO_MANY_TRIGGERS);
    expect(record.error).toBe(
      "This script has too many triggers. Triggers must be deleted from the script before more can be added.",
    );
    expect(runtime.run("list").value).toHaveLength(20);
    // The limit is per user: a colleague still has room.
    expect(runtime.run("many", { event: 1, user: "colleague@agency.example" }).ok).toBe(true);
  });

  it("getProjectTriggers lists only the calling user's triggers", () => {
    const runtime = scriptRuntime(SCRIPT);
    runtime.run("hourly", { event: "keep", user: "specialist@agency.example" });
    runtime.run("hourly", { event: "drop", user: "colleague@agency.example" });
    const mine = runtime.run("list", { user: "specialist@agency.example" }).value as string[][];
    expect(mine.map((t) => t[1])).toEqual(["keep"]);
  });

  it("a time trigger's event carries triggerUid and day-of-month", () => {
    const runtime = scriptRuntime(SCRIPT, { start: new Date("2026-11-02T12:00:00Z") });
    const id = runtime.run("echoAt", { event: Date.parse("2026-11-30T23:15:07Z") }).value as string;
    const [record] = runUntil(runtime, new Date("2026-12-02T00:00:00Z"));
    expect(record.user).toBe("specialist@agency.example");
    expect(record.value).toEqual({
      authMode: "FULL",
      "day-of-month": 30,
      "day-of-week": 1,
      hour: 23,
      minute: 15,
      month: 11,
      second: 7,
      timezone: "UTC",
      triggerUid: id,
      "week-of-year": 49,
      year: 2026,
    });
  });

  it("a trigger whose handler is missing fails that run and the others still fire", () => {
    const runtime = scriptRuntime(SCRIPT);
    runtime.run("ghost");
    const keepId = runtime.run("continuation", { event: 60 * 60_000 }).value as string;
    const fired = runUntil(runtime, new Date(runtime.clock.now() + 2 * 3_600_000));
    expect(fired.map((r) => [r.functionName, r.ok])).toEqual([
      ["noSuchFunction", false],
      ["resume", true],
    ]);
    expect(fired[0].error).toBe("Script function not found: noSuchFunction");
    expect(fired[1].value).toBe(keepId);
    expect(runtime.executions).toContain(fired[0]);
  });

  it("a form submission runs each onFormSubmit trigger as its owner", () => {
    const runtime = scriptRuntime(SCRIPT);
    const id = runtime.run("onSubmit").value as string;
    const [record] = fireFormSubmit(runtime, { namedValues: { Credential: ["OSHA 10"] } });
    expect(record.value).toEqual({
      who: "",
      as: "specialist@agency.example",
      uid: id,
      named: { Credential: ["OSHA 10"] },
    });
    const [byColleague] = fireFormSubmit(runtime, { namedValues: {} }, { actor: "instructor@agency.example" });
    expect((byColleague.value as { who: string }).who).toBe("instructor@agency.example");
    expect(fireFormSubmit(runtime, { namedValues: {} }, { sourceId: "another-sheet" })).toEqual([]);
  });
});
