import { flat } from "./flat-text";
import { Parsed, ok, fail, Problem } from "./problems";
import { CellValue, isBlank, cellText, normaliseWord } from "./values";
import { formatNumber, formatShown, Shown, truncate } from "./numbers";
import { Polarity } from "./polarity";

/** The status words the report uses. Status is always written as a word. */
export type Status = "Green" | "Amber" | "Red" | "Complete" | "In progress" | "Not started" | "Data only" | "No data" | "Check" | "Not rated";

export const STATUSES: Status[] = ["Green", "Amber", "Red", "Complete", "In progress", "Not started", "Data only", "No data", "Check", "Not rated"];

/** Statuses that are a judgement of delivery (a RAG or done). The others say why there is none. */
export const RAG_STATUSES: Status[] = ["Green", "Amber", "Red", "Complete"];

/**
 * A numeric code written beside each status word so icon sets and filters
 * work on a number: higher is better for the RAG statuses, and the statuses
 * that carry no judgement sit at or below zero.
 */
export const STATUS_CODE: Record<Status, number> = {
  Red: 1, Amber: 2, Green: 3, Complete: 4, "Data only": 0, "No data": -1, Check: -2, "In progress": -3, "Not started": -4, "Not rated": -5,
};

export type Tolerance = { kind: "percent"; value: number } | { kind: "absolute"; value: number };

export const DEFAULT_TOLERANCE: Tolerance = { kind: "percent", value: 5 };

export interface RagInput {
  value: number | null;
  target: number | null;
  polarity: Polarity | null;
  tolerance?: Tolerance;
  /** Pentana-style explicit threshold between Amber and Red; overrides the tolerance. */
  redThreshold?: number | null;
  /** How the sheet shows the numbers, so the reason prints them so ("75.5% against target 80%"). */
  shown?: Shown | null;
  /** How it shows the target (and threshold), where that differs (a 0.0% value against a 0% target). */
  shownTarget?: Shown | null;
}

export interface RagResult {
  status: Status;
  /** One line a reader can check: "Red: 55.07 against target 43.6, 26% adrift, tolerance 5%". */
  why: string;
  problem?: Problem;
}

function toleranceText(t: Tolerance): string {
  return t.kind === "percent" ? `${formatNumber(t.value)}%` : formatNumber(t.value);
}

/**
 * RAG of a measured value against its target. Green meets or beats target;
 * Amber misses but is within tolerance (or the explicit threshold); Red is
 * beyond it. No target → Data only; no value → No data.
 */
export function ragStatus(input: RagInput): RagResult {
  return ragOf(input.value, input.target, input.polarity, input.tolerance, input.redThreshold, input.shown, input.shownTarget);
}

/**
 * ragStatus with its input as arguments: what the per-indicator assessment calls, 50,000 times in a large workbook,
 * where an input object and three closures per call were a quarter of its garbage.
 */
export function ragOf(
  value: number | null,
  target: number | null,
  polarity: Polarity | null,
  given: Tolerance | undefined,
  redThreshold: number | null | undefined,
  shown: Shown | null | undefined,
  shownTarget: Shown | null | undefined,
): RagResult {
  const tolerance = given ?? DEFAULT_TOLERANCE;
  const targetShown = shownTarget === undefined ? shown : shownTarget;
  if (value === null || !Number.isFinite(value)) return { status: "No data", why: "No data: no value for this period" };
  if (target === null || !Number.isFinite(target)) return { status: "Data only", why: flat`Data only: ${formatShown(value, shown)} has no target` };
  if (polarity === null) {
    return {
      status: "Check",
      why: flat`Check: ${formatShown(value, shown)} against target ${formatShown(target, targetShown)}, but no polarity says which way is better`,
      problem: { code: "rag.no-polarity", severity: "error", message: "the indicator has a target but no polarity (Maximise or Minimise), so its RAG cannot be worked out" },
    };
  }
  const v = formatShown(value, shown);
  const t = formatShown(target, targetShown);
  const threshold = redThreshold ?? null;

  // Signed shortfall: how far the value falls short of target in the bad direction.
  const distance = polarity === "Maximise" ? target - value : polarity === "Minimise" ? value - target : Math.abs(value - target);
  // Only Amber and Red say how far adrift (adriftText): in the tolerance's own units so the two compare.
  const absolute = tolerance.kind === "absolute" && threshold === null;

  if (polarity === "Goldilocks") {
    // Within tolerance of target is Green; within twice it (or the threshold's distance) Amber.
    const band = threshold !== null ? null : bandOf(tolerance, target);
    if (band === "zero") return zeroTargetCheck(v, t, distance);
    const greenBand = band ?? 0;
    const amberBand = threshold !== null ? Math.abs(threshold - target) : greenBand * 2;
    if (distance <= greenBand) return { status: "Green", why: flat`Green: ${v} within tolerance of target ${t}` };
    if (distance <= amberBand) return { status: "Amber", why: flat`Amber: ${v} against target ${t}, ${adriftText(value, target, absolute, shown)}` };
    return { status: "Red", why: flat`Red: ${v} against target ${t}, ${adriftText(value, target, absolute, shown)}` };
  }

  if (distance <= 0) return { status: "Green", why: flat`Green: ${v} ${distance === 0 ? "meets" : "beats"} target ${t}` };
  if (threshold !== null) {
    const withinThreshold = polarity === "Maximise" ? value >= threshold : value <= threshold;
    const adrift = adriftText(value, target, absolute, shown);
    return withinThreshold
      ? { status: "Amber", why: flat`Amber: ${v} against target ${t}, ${adrift}, within threshold ${formatShown(threshold, targetShown)}` }
      : { status: "Red", why: flat`Red: ${v} against target ${t}, ${adrift}, beyond threshold ${formatShown(threshold, targetShown)}` };
  }
  const band = bandOf(tolerance, target);
  if (band === "zero") return zeroTargetCheck(v, t, distance);
  const tol = toleranceText(tolerance);
  return distance <= band + 1e-9 * Math.max(1, Math.abs(target))
    ? { status: "Amber", why: flat`Amber: ${v} against target ${t}, ${adriftText(value, target, absolute, shown)}, within tolerance ${tol}` }
    : { status: "Red", why: flat`Red: ${v} against target ${t}, ${adriftText(value, target, absolute, shown)}, tolerance ${tol}` };
}

/** How far adrift: a percentage of target, or in the value's own units against an absolute tolerance (or a zero target). */
function adriftText(value: number, target: number, absolute: boolean, shown: Shown | null | undefined): string {
  return target !== 0 && !absolute
    ? `${formatNumber((Math.abs(value - target) / Math.abs(target)) * 100, 0)}% adrift`
    : `${formatShown(Math.abs(value - target), shown)} adrift`;
}

/** The amber band in the value's own units; a percentage of a zero target is no band at all. */
function bandOf(t: Tolerance, target: number): number | "zero" {
  if (t.kind === "absolute") return Math.abs(t.value);
  return target === 0 ? "zero" : (Math.abs(target) * Math.abs(t.value)) / 100;
}

function zeroTargetCheck(v: string, t: string, distance: number): RagResult {
  if (distance <= 0) return { status: "Green", why: flat`Green: ${v} meets target ${t}` };
  return {
    status: "Check",
    why: flat`Check: ${v} against target ${t}; a percentage tolerance of a zero target gives no amber band`,
    problem: { code: "rag.zero-target", severity: "error", message: "the target is 0, so a percentage tolerance cannot be applied: set an absolute tolerance for this indicator" },
  };
}

/** Which typed words mean which status. Configurable: "Blue" means Complete in some councils. */
export type StatusLabels = Record<string, Status>;

export const DEFAULT_STATUS_LABELS: StatusLabels = {
  g: "Green", green: "Green", "on track": "Green", "on target": "Green", "on schedule": "Green", ahead: "Green", "ahead of schedule": "Green",
  "on plan": "Green", achieved: "Green", met: "Green", good: "Green",
  a: "Amber", amber: "Amber", "at risk": "Amber", "some concerns": "Amber", "minor issues": "Amber", "slightly off track": "Amber", "needs attention": "Amber",
  r: "Red", red: "Red", "off track": "Red", "off target": "Red", overdue: "Red", late: "Red", behind: "Red", "behind schedule": "Red", delayed: "Red",
  "not met": "Red", "missed": "Red", "at serious risk": "Red", blocked: "Red",
  b: "Complete", blue: "Complete", complete: "Complete", completed: "Complete", done: "Complete", closed: "Complete", delivered: "Complete",
  finished: "Complete", mitigated: "Complete", resolved: "Complete", implemented: "Complete",
  "in progress": "In progress", "in-progress": "In progress", inprogress: "In progress", ongoing: "In progress", underway: "In progress", started: "In progress",
  open: "In progress", active: "In progress", pending: "In progress", wip: "In progress",
  "not started": "Not started", "not yet started": "Not started", "not due": "Not started", "not yet due": "Not started", planned: "Not started",
  "future": "Not started", "on hold": "Not started",
  "data only": "Data only", "no data": "No data",
};

/** Whether a word is in the default vocabulary: evidence that a column holds statuses. */
export function isKnownStatusWord(text: string): boolean {
  const lookup = labelLookup(DEFAULT_STATUS_LABELS);
  return lookup.has(normaliseWord(text)) || compoundStatus(text, lookup) !== undefined;
}

const lookups = new WeakMap<StatusLabels, Map<string, Status>>();

function labelLookup(labels: StatusLabels): Map<string, Status> {
  let map = lookups.get(labels);
  if (!map) {
    map = new Map(Object.entries(labels).map(([label, status]) => [normaliseWord(label), status]));
    lookups.set(labels, map);
  }
  return map;
}

/**
 * "G - On track", "Green (on track)", "Red: overdue": a code and a word that
 * agree. Every part that is a known word must name the same status, and at
 * least one must; anything else stays unrated rather than guessed.
 */
function compoundStatus(text: string, lookup: Map<string, Status>): Status | undefined {
  const parts = text.split(/\s+[-–:]\s+|\s*[()]\s*|:\s+/).map((p) => normaliseWord(p)).filter(Boolean);
  if (parts.length < 2) return undefined;
  const known = parts.map((p) => lookup.get(p)).filter((s): s is Status => s !== undefined);
  return known.length > 0 && known.every((s) => s === known[0]) && known.length >= parts.length - 1 ? known[0] : undefined;
}

/**
 * Normalise a typed status (G, Green, On track, Completed…). Blank is No
 * data; a word not in the labels is a problem, never a guess: the caller
 * counts the row as "Not rated" under its own word.
 */
export function normaliseStatus(v: CellValue | undefined, labels: StatusLabels = DEFAULT_STATUS_LABELS): Parsed<Status> {
  if (isBlank(v)) return ok("No data");
  const text = cellText(v);
  const lookup = labelLookup(labels);
  const found = lookup.get(normaliseWord(text)) ?? compoundStatus(text, lookup);
  if (found) return ok(found);
  return fail("status.unknown", `'${truncate(text)}' is not a status the vocabulary knows: expected Green, Amber, Red, Complete, In progress or Not started, or a word mapped to one in Settings`);
}
