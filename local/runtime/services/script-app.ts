import { createHash } from "node:crypto";
import type { Execution } from "../execution";
import { emulate } from "../execution";
import { type Realm, type Runtime, registerServices } from "../runtime";
import { type ClockSpec, recurrenceOf } from "./clock-schedule";
import { scriptArray, scriptObject } from "./realm-values";
import {
  type TriggerEventType,
  type TriggerRecord,
  type TriggerSourceName,
  type TriggerStore,
  triggerStore,
} from "./trigger-model";
import { instantOf, resolveZone } from "./zoned-time";

type S = typeof GoogleAppsScript.Script;
type ScriptAppApi = Pick<
  GoogleAppsScript.Script.ScriptApp,
  | "AuthMode"
  | "EventType"
  | "TriggerSource"
  | "WeekDay"
  | "newTrigger"
  | "getProjectTriggers"
  | "getUserTriggers"
  | "deleteTrigger"
  | "getScriptId"
>;
type TriggerApi = Pick<
  GoogleAppsScript.Script.Trigger,
  "getUniqueId" | "getHandlerFunction" | "getEventType" | "getTriggerSource" | "getTriggerSourceId"
>;
type TriggerBuilderApi = Pick<GoogleAppsScript.Script.TriggerBuilder, "timeBased" | "forSpreadsheet" | "forForm">;
type ClockBuilderApi = Pick<
  GoogleAppsScript.Script.ClockTriggerBuilder,
  | "after"
  | "at"
  | "atDate"
  | "atHour"
  | "create"
  | "everyDays"
  | "everyHours"
  | "everyMinutes"
  | "everyWeeks"
  | "inTimezone"
  | "nearMinute"
  | "onMonthDay"
  | "onWeekDay"
>;
type SheetBuilderApi = Pick<
  GoogleAppsScript.Script.SpreadsheetTriggerBuilder,
  "onOpen" | "onEdit" | "onFormSubmit" | "onChange" | "create"
>;
type FormBuilderApi = Pick<GoogleAppsScript.Script.FormTriggerBuilder, "onOpen" | "onFormSubmit" | "create">;

/** Google's text when a user's 21st trigger is created (quotas page: 20 triggers per user per script). */
export const TOO_MANY_TRIGGERS =
  "This script has too many triggers. Triggers must be deleted from the script before more can be added.";

const WEEKDAYS = ["SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"] as const;
// ClockTriggerBuilder reference: the only intervals Google accepts.
const MINUTE_INTERVALS = [1, 5, 10, 15, 30];
const HOUR_INTERVALS = [1, 2, 4, 6, 8, 12];

function names<T extends string>(...values: T[]): Record<T, T> {
  return Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;
}

/** Enum values are their names, so `t.getEventType() === ScriptApp.EventType.CLOCK` holds. */
const ENUMS = {
  AuthMode: names("NONE", "CUSTOM_FUNCTION", "LIMITED", "FULL"),
  EventType: names("CLOCK", "ON_OPEN", "ON_EDIT", "ON_FORM_SUBMIT", "ON_CHANGE", "ON_EVENT_UPDATED"),
  TriggerSource: names("SPREADSHEETS", "CLOCK", "FORMS", "DOCUMENTS", "CALENDAR"),
  WeekDay: names(...WEEKDAYS),
};

/** The id of a spreadsheet or form handed in as an object (it has getId) or as its id. */
function sourceIdOf(source: unknown): string {
  if (typeof source === "string") return source;
  const getId = (source as { getId?: () => string } | null)?.getId;
  if (typeof getId !== "function") throw new TypeError("Expected a spreadsheet, a form or an id");
  return String(getId.call(source));
}

class ScriptAppSession {
  /** Trigger objects handed to the script → the trigger they stand for (for deleteTrigger). */
  private readonly handed = new WeakMap<object, string>();

  constructor(
    readonly exec: Execution,
    readonly runtime: Runtime,
    readonly realm: Realm,
    readonly store: TriggerStore,
  ) {}

  fail(message: string): never {
    throw this.exec.makeError(message);
  }

  trivial(): void {
    this.exec.charge(this.exec.costs.trivialMs);
  }

  trigger(record: TriggerRecord): GoogleAppsScript.Script.Trigger {
    const impl: TriggerApi = {
      getUniqueId: () => record.id,
      getHandlerFunction: () => record.handler,
      getEventType: () => record.eventType as unknown as GoogleAppsScript.Script.EventType,
      getTriggerSource: () => record.source as unknown as GoogleAppsScript.Script.TriggerSource,
      // A time-driven trigger has no source document: null (I).
      getTriggerSourceId: () => record.sourceId as string,
    };
    const api = emulate(this.exec, "Trigger", impl) as GoogleAppsScript.Script.Trigger;
    this.handed.set(api, record.id);
    return api;
  }

  create(record: Omit<TriggerRecord, "id" | "owner" | "createdAt" | "deleted" | "spent" | "cursor">) {
    this.exec.charge(this.exec.costs.triggerMs);
    const owner = this.exec.user;
    if (this.store.ownedBy(owner).length >= this.exec.limits.triggersPerUser) this.fail(TOO_MANY_TRIGGERS);
    const now = this.exec.clock.now();
    const full: TriggerRecord = {
      ...record,
      id: this.store.newId(),
      owner,
      createdAt: now,
      deleted: false,
      spent: false,
      cursor: now,
    };
    this.store.triggers.push(full);
    return this.trigger(full);
  }

  idOf(trigger: unknown): string | undefined {
    return typeof trigger === "object" && trigger !== null ? this.handed.get(trigger) : undefined;
  }
}

function clockBuilder(s: ScriptAppSession, handler: string): GoogleAppsScript.Script.ClockTriggerBuilder {
  const spec: ClockSpec = {};
  let atDate: [number, number, number] | undefined;
  const intIn = (value: number, min: number, max: number, what: string) => {
    if (!Number.isInteger(value) || value < min || value > max) s.fail(`Invalid argument: ${what}`);
    return value;
  };
  const impl: ClockBuilderApi = {
    after(ms) {
      s.trivial();
      // A trigger's time is a whole millisecond (a Date); the virtual clock carries fractions of the
      // cost table's per-cell charges, so round up: never earlier than asked.
      spec.once = Math.ceil(s.exec.clock.now() + Math.max(0, Number(ms)));
      return api;
    },
    at(date) {
      s.trivial();
      spec.once = (date as Date).getTime();
      return api;
    },
    atDate(year, month, day) {
      s.trivial();
      // Midnight of that day in the trigger's zone, resolved at create().
      spec.once = Number.NaN;
      atDate = [year, month, day];
      return api;
    },
    atHour(hour) {
      s.trivial();
      spec.atHour = intIn(hour, 0, 23, "hour");
      return api;
    },
    everyMinutes(n) {
      s.trivial();
      if (!MINUTE_INTERVALS.includes(n)) s.fail("Invalid argument: minutes. Accepted values are 1, 5, 10, 15 and 30.");
      spec.everyMinutes = n;
      return api;
    },
    everyHours(n) {
      s.trivial();
      if (!HOUR_INTERVALS.includes(n)) s.fail("Invalid argument: hours. Accepted values are 1, 2, 4, 6, 8 and 12.");
      spec.everyHours = n;
      return api;
    },
    everyDays(n) {
      s.trivial();
      spec.everyDays = intIn(n, 1, 366, "days");
      return api;
    },
    everyWeeks(n) {
      s.trivial();
      spec.everyWeeks = intIn(n, 1, 52, "weeks");
      return api;
    },
    onWeekDay(day) {
      s.trivial();
      const index = WEEKDAYS.indexOf(String(day) as (typeof WEEKDAYS)[number]);
      if (index < 0) s.fail("Invalid argument: day");
      spec.weekDay = index;
      return api;
    },
    onMonthDay(day) {
      s.trivial();
      spec.monthDay = intIn(day, 1, 31, "day");
      return api;
    },
    nearMinute(minute) {
      s.trivial();
      spec.nearMinute = intIn(minute, 0, 59, "minute");
      return api;
    },
    inTimezone(timezone) {
      s.trivial();
      if (resolveZone(String(timezone)).id !== String(timezone)) s.fail("Invalid argument: timezone");
      spec.timeZone = String(timezone);
      return api;
    },
    create() {
      const timeZone = spec.timeZone ?? s.runtime.manifest.timeZone;
      if (atDate) spec.once = instantOf(resolveZone(timeZone), atDate[0], atDate[1], atDate[2]);
      // I: Google refuses a builder with no schedule; its exact text is not documented.
      if (recurrenceOf(spec) === null)
        s.fail(
          "The trigger has no schedule: call everyMinutes, everyHours, everyDays, everyWeeks, onWeekDay, onMonthDay, after or at before create().",
        );
      return s.create({
        handler,
        eventType: "CLOCK",
        source: "CLOCK",
        sourceId: null,
        clock: { ...spec },
        timeZone,
      });
    },
  };
  const api = emulate(s.exec, "ClockTriggerBuilder", impl) as GoogleAppsScript.Script.ClockTriggerBuilder;
  return api;
}

function eventBuilder<T extends object>(
  s: ScriptAppSession,
  className: string,
  handler: string,
  source: TriggerSourceName,
  sourceId: string,
  kinds: Record<string, TriggerEventType>,
): T {
  let eventType: TriggerEventType | undefined;
  const impl: Record<string, () => unknown> = {
    create() {
      // I: the text Google gives for a builder with no event chosen is not documented.
      if (!eventType) s.fail(`Choose the event (${Object.keys(kinds).join(", ")}) before create().`);
      return s.create({ handler, eventType, source, sourceId, timeZone: s.runtime.manifest.timeZone });
    },
  };
  for (const [member, type] of Object.entries(kinds)) {
    impl[member] = () => {
      s.trivial();
      eventType = type;
      return api;
    };
  }
  const api = emulate(s.exec, className, impl) as T;
  return api;
}

function triggerBuilder(s: ScriptAppSession, handler: string): GoogleAppsScript.Script.TriggerBuilder {
  const impl: TriggerBuilderApi = {
    timeBased: () => {
      s.trivial();
      return clockBuilder(s, handler);
    },
    forSpreadsheet: (sheet: unknown) => {
      s.trivial();
      return eventBuilder<SheetBuilderApi>(s, "SpreadsheetTriggerBuilder", handler, "SPREADSHEETS", sourceIdOf(sheet), {
        onOpen: "ON_OPEN",
        onEdit: "ON_EDIT",
        onFormSubmit: "ON_FORM_SUBMIT",
        onChange: "ON_CHANGE",
      }) as GoogleAppsScript.Script.SpreadsheetTriggerBuilder;
    },
    forForm: (form: unknown) => {
      s.trivial();
      return eventBuilder<FormBuilderApi>(s, "FormTriggerBuilder", handler, "FORMS", sourceIdOf(form), {
        onOpen: "ON_OPEN",
        onFormSubmit: "ON_FORM_SUBMIT",
      }) as GoogleAppsScript.Script.FormTriggerBuilder;
    },
  } as TriggerBuilderApi;
  return emulate(s.exec, "TriggerBuilder", impl) as GoogleAppsScript.Script.TriggerBuilder;
}

/** ScriptApp needs the script.scriptapp scope: FULL only (no triggers from a simple trigger). */
registerServices((exec, runtime, realm) => {
  const s = new ScriptAppSession(exec, runtime, realm, triggerStore(runtime));
  const impl: ScriptAppApi = {
    AuthMode: scriptObject(realm, ENUMS.AuthMode) as unknown as S["AuthMode"],
    EventType: scriptObject(realm, ENUMS.EventType) as unknown as S["EventType"],
    TriggerSource: scriptObject(realm, ENUMS.TriggerSource) as unknown as S["TriggerSource"],
    WeekDay: scriptObject(realm, ENUMS.WeekDay) as unknown as typeof GoogleAppsScript.Base.Weekday,
    newTrigger(functionName) {
      s.trivial();
      return triggerBuilder(s, String(functionName));
    },
    // I: listing has no measured cost; charged as a trivial call until the cost table has a row.
    getProjectTriggers() {
      s.trivial();
      return scriptArray(
        realm,
        s.store.ownedBy(exec.user).map((t) => s.trigger(t)),
      );
    },
    getUserTriggers(document: unknown) {
      s.trivial();
      const id = sourceIdOf(document);
      return scriptArray(
        realm,
        s.store
          .ownedBy(exec.user)
          .filter((t) => t.sourceId === id)
          .map((t) => s.trigger(t)),
      );
    },
    deleteTrigger(trigger) {
      exec.charge(exec.costs.triggerMs);
      const id = s.idOf(trigger);
      const record = s.store.live().find((t) => t.id === id && t.owner === exec.user);
      // I: deleting a trigger that is already gone is a quiet no-op here.
      if (record) record.deleted = true;
    },
    getScriptId() {
      s.trivial();
      return createHash("sha256").update(runtime.distDir).digest("base64url").slice(0, 57);
    },
  } as ScriptAppApi;
  return { ScriptApp: emulate(exec, "ScriptApp", impl, "FULL") };
});
