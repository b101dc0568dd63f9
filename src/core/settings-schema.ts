import * as v from "valibot";

/**
 * The stored settings' shape, checked on every read. Objects are loose: a
 * field this version does not know (written by another part of the product,
 * or a later minor change) is kept as it was and written back, never dropped.
 * A value of the wrong type anywhere makes the whole store "damaged", so it is
 * never half-read and then saved over.
 */
const num = v.pipe(v.number(), v.finite());
const band = v.looseObject({ kind: v.picklist(["percent", "absolute"]), value: num });
const status = v.string();

const standard = v.looseObject({
  expected: num,
  counts: v.array(status),
  excludeFromBase: v.optional(v.array(status)),
});

const mapping = v.looseObject({
  kind: v.optional(v.string()),
  headerRow: v.optional(num),
  headerText: v.optional(v.array(v.string())),
  columns: v.optional(v.record(v.string(), v.nullable(v.string()))),
});

const dataset = v.looseObject({
  label: v.optional(v.string()),
  mapping: v.optional(mapping),
  standard: v.optional(v.nullable(standard)),
  tolerance: v.optional(band),
  staticBand: v.optional(band),
  longTrend: v.optional(v.picklist(["same-period-last-year", "mean-of-previous-4", "same-period-mean"])),
  spc: v.optional(v.boolean()),
  statusLabels: v.optional(v.record(v.string(), status)),
  planName: v.optional(v.string()),
});

const matrix = v.looseObject({
  likelihoodLabels: v.array(v.string()),
  impactLabels: v.array(v.string()),
  bands: v.array(v.looseObject({ name: v.string(), minScore: num, colour: v.optional(v.string()) })),
  cellBands: v.optional(v.array(v.array(v.string()))),
});

const item = v.looseObject({
  status: v.string(),
  score: v.optional(num),
  value: v.optional(v.nullable(num)),
  likelihood: v.optional(num),
  impact: v.optional(num),
  trend: v.optional(v.string()),
  target: v.optional(v.nullable(num)),
  commentaryHash: v.optional(v.string()),
});

/** Every rule a period was worked out with (records stored before this held only the standard, a tolerance and a matrix's name). */
const rules = v.looseObject({
  standard: v.nullable(standard),
  tolerance: v.optional(band),
  staticBand: v.optional(band),
  longTrend: v.optional(v.picklist(["same-period-last-year", "mean-of-previous-4", "same-period-mean"])),
  spc: v.optional(v.boolean()),
  area: v.optional(v.string()),
  matrix: v.optional(v.union([v.string(), matrix])),
  levelsSource: v.optional(v.string()),
  statusLabels: v.optional(v.record(v.string(), status)),
});

/** Items stored column by column (see history-codec.ts). */
const column = v.looseObject({
  // Any values: checked only to be a list, not value by value (a check per value was most of the time a save's read-back took).
  v: v.optional(v.custom<unknown[]>((x) => Array.isArray(x))),
  dict: v.optional(v.array(v.string())),
  i: v.optional(v.array(v.pipe(v.number(), v.integer()))),
  p: v.optional(v.string()),
  w: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  s: v.optional(v.string()),
  ref: v.optional(v.string()),
  x: v.optional(v.array(v.tuple([v.pipe(v.number(), v.integer(), v.minValue(0)), v.unknown()]))),
  absent: v.optional(v.array(v.pipe(v.number(), v.integer()))),
});
export const compactItems = v.looseObject({
  keys: v.array(v.tuple([v.pipe(v.number(), v.integer(), v.minValue(0)), v.pipe(v.number(), v.integer(), v.minValue(0))])),
  cols: v.record(v.string(), column),
});

const recordFields = {
  period: v.string(),
  summary: v.looseObject({ base: num, counted: num, percent: v.nullable(num), statusCounts: v.record(v.string(), num) }),
  items: v.union([v.record(v.string(), item), compactItems]),
  itemsTrimmed: v.optional(v.looseObject({ count: num, on: v.string() })),
  rules,
  storedAt: v.optional(v.string()),
};
const superseded = v.looseObject({ ...recordFields, replacedAt: v.string() });
const periodRecord = v.looseObject({ ...recordFields, superseded: v.optional(v.array(superseded)) });

export const storedSettings = v.looseObject({
  version: v.pipe(v.number(), v.integer()),
  datasets: v.optional(v.record(v.string(), dataset)),
  riskMatrix: v.optional(v.nullable(matrix)),
  ownArea: v.optional(v.string()),
  ownedSheets: v.optional(v.record(v.string(), v.string())),
  sourceFormats: v.optional(v.array(v.looseObject({ sheet: v.string(), ref: v.string(), formulas: v.array(v.string()) }))),
  /** Dataset id → the item keys its compact records index into: front-coded in one string (format 3), or a list (format 2). */
  historyKeys: v.optional(v.record(v.string(), v.union([v.array(v.string()), v.string()]))),
  history: v.optional(v.record(v.string(), v.record(v.string(), periodRecord))),
  returns: v.optional(v.array(v.looseObject({
    period: v.string(), dataset: v.string(), directorate: v.string(), sheet: v.string(), made: v.string(),
    collected: v.optional(v.string()), from: v.optional(v.string()),
  }))),
});

/** Where in the stored JSON the first problem is, and what it is, in a few words. */
export function firstProblem(issues: v.BaseIssue<unknown>[]): string {
  const issue = issues[0];
  const path = v.getDotPath(issue);
  return `${path ? `at '${path}': ` : ""}${issue.message}`;
}
