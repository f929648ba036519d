import { emulate } from "../execution";
import type { ValidationRule } from "./cells";
import { type Ctx, rangeOf } from "./context";
import { DataValidationCriteria } from "./enums";
import type { ChartRecord, ConditionalRuleRecord, SheetModel } from "./model";

type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type DataValidationBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
type ConditionalFormatRule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
type ConditionalFormatRuleBuilder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
type EmbeddedChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
type EmbeddedChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;

// Builders run in the script's own process (no round trip to Sheets): they cost a trivial call.
function trivial(ctx: Ctx): void {
  ctx.exec.charge(ctx.exec.costs.trivialMs);
}

const validationRefs = new WeakMap<object, ValidationRule>();

/** The rule behind a DataValidation the script hands back to setDataValidation. */
export function validationOf(handle: unknown): ValidationRule | undefined {
  return typeof handle === "object" && handle !== null ? validationRefs.get(handle) : undefined;
}

export function dataValidation(ctx: Ctx, rule: ValidationRule): DataValidation {
  const impl: Pick<
    DataValidation,
    "getAllowInvalid" | "getCriteriaType" | "getCriteriaValues" | "getHelpText" | "copy"
  > = {
    getAllowInvalid: () => rule.allowInvalid,
    getCriteriaType: () => DataValidationCriteria[rule.criteria],
    getCriteriaValues() {
      if (rule.criteria === "VALUE_IN_LIST") return [ctx.realm.Array.from(rule.values ?? []), rule.showDropdown];
      return [rangeFromA1(ctx, rule.rangeA1 ?? ""), rule.showDropdown];
    },
    getHelpText: () => "",
    copy: () => validationBuilder(ctx, { ...rule }),
  };
  const handle = emulate(ctx.exec, "DataValidation", impl, "LIMITED") as unknown as DataValidation;
  validationRefs.set(handle, rule);
  return handle;
}

function rangeFromA1(ctx: Ctx, a1: string) {
  return ctx.spreadsheet().getRange(a1);
}

export function validationBuilder(
  ctx: Ctx,
  start: ValidationRule = { criteria: "VALUE_IN_LIST", values: [], showDropdown: true, allowInvalid: true },
): DataValidationBuilder {
  const rule: ValidationRule = { ...start };
  const impl: Pick<
    DataValidationBuilder,
    "requireValueInList" | "requireValueInRange" | "setAllowInvalid" | "build" | "getAllowInvalid" | "getCriteriaType"
  > = {
    requireValueInList(values: string[], showDropdown = true) {
      trivial(ctx);
      Object.assign(rule, { criteria: "VALUE_IN_LIST", values: [...values], showDropdown, rangeA1: undefined });
      return builder;
    },
    requireValueInRange(range: GoogleAppsScript.Spreadsheet.Range, showDropdown = true) {
      trivial(ctx);
      const ref = rangeOf(ctx, range);
      Object.assign(rule, {
        criteria: "VALUE_IN_RANGE",
        rangeA1: ctx.model.a1(ref.sheet, ref.grid),
        showDropdown,
        values: undefined,
      });
      return builder;
    },
    setAllowInvalid(allow: boolean) {
      trivial(ctx);
      rule.allowInvalid = allow;
      return builder;
    },
    getAllowInvalid: () => rule.allowInvalid,
    getCriteriaType: () => DataValidationCriteria[rule.criteria],
    build() {
      trivial(ctx);
      return dataValidation(ctx, { ...rule });
    },
  };
  const builder = emulate(ctx.exec, "DataValidationBuilder", impl, "LIMITED") as unknown as DataValidationBuilder;
  return builder;
}

const conditionalRefs = new WeakMap<object, ConditionalRuleRecord>();

export function conditionalRuleOf(ctx: Ctx, handle: unknown): ConditionalRuleRecord {
  const rule = typeof handle === "object" && handle !== null ? conditionalRefs.get(handle) : undefined;
  if (!rule) throw ctx.exec.makeError("Invalid argument: rules");
  return rule;
}

export function conditionalRule(ctx: Ctx, rule: ConditionalRuleRecord): ConditionalFormatRule {
  const impl: Pick<ConditionalFormatRule, "getRanges" | "copy"> = {
    getRanges: () => ctx.realm.Array.from(rule.ranges, (a1) => rangeFromA1(ctx, a1)),
    copy: () => conditionalRuleBuilder(ctx, rule),
  };
  const handle = emulate(ctx.exec, "ConditionalFormatRule", impl, "LIMITED") as unknown as ConditionalFormatRule;
  conditionalRefs.set(handle, rule);
  return handle;
}

export function conditionalRuleBuilder(
  ctx: Ctx,
  start: ConditionalRuleRecord = { ranges: [] },
): ConditionalFormatRuleBuilder {
  const rule: ConditionalRuleRecord = { ...start, ranges: [...start.ranges] };
  const impl: Pick<ConditionalFormatRuleBuilder, "whenTextEqualTo" | "setBackground" | "setRanges" | "build"> = {
    whenTextEqualTo(text: string) {
      trivial(ctx);
      rule.whenTextEqualTo = text;
      return builder;
    },
    setBackground(color: string | null) {
      trivial(ctx);
      rule.background = color ?? undefined;
      return builder;
    },
    setRanges(ranges: GoogleAppsScript.Spreadsheet.Range[]) {
      trivial(ctx);
      rule.ranges = ranges.map((r) => {
        const ref = rangeOf(ctx, r);
        return ctx.model.a1(ref.sheet, ref.grid);
      });
      return builder;
    },
    build() {
      trivial(ctx);
      return conditionalRule(ctx, { ...rule, ranges: [...rule.ranges] });
    },
  };
  const builder = emulate(
    ctx.exec,
    "ConditionalFormatRuleBuilder",
    impl,
    "LIMITED",
  ) as unknown as ConditionalFormatRuleBuilder;
  return builder;
}

const chartRefs = new WeakMap<object, { sheet: SheetModel; record: ChartRecord }>();

export function chartOf(ctx: Ctx, handle: unknown): { sheet: SheetModel; record: ChartRecord } {
  const ref = typeof handle === "object" && handle !== null ? chartRefs.get(handle) : undefined;
  if (!ref) throw ctx.exec.makeError("Invalid argument: chart");
  return ref;
}

export function embeddedChart(ctx: Ctx, sheet: SheetModel, record: ChartRecord): EmbeddedChart {
  const impl: Pick<EmbeddedChart, "getChartId" | "getRanges" | "getOptions" | "modify"> = {
    getChartId: () => (sheet.charts.some((c) => c.id === record.id) ? record.id : null),
    getRanges: () => ctx.realm.Array.from(record.ranges, (a1) => rangeFromA1(ctx, a1)),
    getOptions: () => ({ get: (option: string) => record.options[option] }) as GoogleAppsScript.Charts.ChartOptions,
    modify: () => chartBuilder(ctx, sheet, record),
  };
  const handle = emulate(ctx.exec, "EmbeddedChart", impl, "LIMITED") as unknown as EmbeddedChart;
  chartRefs.set(handle, { sheet, record });
  return handle;
}

export function chartBuilder(ctx: Ctx, sheet: SheetModel, start?: ChartRecord): EmbeddedChartBuilder {
  const record: ChartRecord = start
    ? { ...start, ranges: [...start.ranges], options: { ...start.options }, position: { ...start.position } }
    : {
        id: ctx.model.newObjectId(),
        type: "COLUMN",
        ranges: [],
        options: {},
        position: { row: 1, column: 1, offsetX: 0, offsetY: 0 },
      };
  const impl: Pick<EmbeddedChartBuilder, "setChartType" | "addRange" | "setPosition" | "setOption" | "build"> = {
    setChartType(type: GoogleAppsScript.Charts.ChartType) {
      trivial(ctx);
      record.type = String(type);
      return builder;
    },
    addRange(range: GoogleAppsScript.Spreadsheet.Range) {
      trivial(ctx);
      const ref = rangeOf(ctx, range);
      record.ranges.push(ctx.model.a1(ref.sheet, ref.grid));
      return builder;
    },
    setPosition(row: number, column: number, offsetX: number, offsetY: number) {
      trivial(ctx);
      record.position = { row, column, offsetX, offsetY };
      return builder;
    },
    setOption(option: string, value: unknown) {
      trivial(ctx);
      record.options[option] = value;
      return builder;
    },
    build() {
      trivial(ctx);
      return embeddedChart(ctx, sheet, {
        ...record,
        ranges: [...record.ranges],
        options: { ...record.options },
        position: { ...record.position },
      });
    },
  };
  const builder = emulate(ctx.exec, "EmbeddedChartBuilder", impl, "LIMITED") as unknown as EmbeddedChartBuilder;
  return builder;
}
