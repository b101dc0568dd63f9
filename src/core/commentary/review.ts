import { SheetGrid } from "../grid";
import { cellText } from "../values";
import { formatShown, truncate } from "../numbers";
import { formatPeriod } from "../periods";
import { shortFingerprint } from "../hash";
import { PeriodRecord } from "../settings";
import { itemsByKey } from "../period-items";
import { isRedRed } from "../standards/exceptions";
import { Issue, issue } from "../datasets/issues";
import { listWords } from "../words";
import { DatasetReport, IndicatorsReport, RisksReport } from "../report/types";
import { quotedFigures, figureFound, RowFigures, FigureScope, QuotedFigure } from "./figures";
import { acknowledgesConcern } from "./concern";

/** The three things checked of each item's commentary. */
export type CommentaryCheck = "figures" | "unacknowledged" | "copied";

export const COMMENTARY_CHECKS: CommentaryCheck[] = ["figures", "unacknowledged", "copied"];

export interface CommentaryFinding {
  check: CommentaryCheck;
  /** A few words for the results sheets' "Commentary check" column. */
  short: string;
  /** The whole finding, as the Data issues sheet says it. */
  message: string;
  /** The item, and its commentary's cell (A1). */
  item: string;
  cell: string;
}

/** An item's commentary as the sheet holds it, and where. */
export interface ItemCommentary {
  text: string;
  row: number;
  col: number;
}

/** What the checks found in one dataset's commentary. The commentary itself is never changed. */
export interface CommentaryReview {
  /** Items with commentary, every one checked. */
  checked: number;
  /** Findings per item key; an item checked with none has an empty list. */
  byKey: Map<string, CommentaryFinding[]>;
  /** How many items each check found. */
  counts: Record<CommentaryCheck, number>;
  /** The stored period copied commentary was looked for in, or why it could not be. */
  copiedAgainst: { period: string; storedOn: string | null } | { notChecked: string };
}

/** Commentary compared as words: spacing and capitals aside, so a copy is a copy however it was pasted. */
export function commentaryFingerprint(text: string): string {
  return shortFingerprint(text.trim().replace(/\s+/g, " ").toLowerCase());
}

interface Entry {
  key: string;
  title: string;
  status: string;
  redRed: boolean;
  figures: RowFigures | null;
  scope: FigureScope;
  /** How the figures are said in a message ("value 52.3%, target 50%"). */
  said: string;
}

/** The commentary column's text for each item, by key; items with none are left out. */
export function commentaryOf(r: DatasetReport, grid: SheetGrid): Map<string, ItemCommentary> {
  const out = new Map<string, ItemCommentary>();
  const col = r.detected.columns.commentary;
  if (col === undefined) return out;
  const put = (key: string, row: number) => {
    const text = cellText(grid.rows[row]?.[col]).trim();
    if (text) out.set(key, { text, row, col });
  };
  if (r.kind === "indicators" || r.kind === "outcomes") {
    for (const x of r.items) {
      // In data with a row per period, the commentary is the reported period's own row.
      const pts = x.item.points;
      const at = pts.findIndex((p) => p !== null && formatPeriod(p) === x.assessment.period);
      put(x.item.key, at >= 0 ? pts.row(at) : x.item.row);
    }
  } else if (r.kind === "risks") {
    for (const x of r.risks) put(x.key, x.item.row);
  } else if (r.kind === "priorities" || r.kind === "actions") {
    for (const x of r.items) put(x.key, x.row);
  }
  return out;
}

/** The long trend's comparator, as a message names it. */
const COMPARATOR: Record<IndicatorsReport["longTrend"], string> = {
  "same-period-last-year": "a year earlier", "mean-of-previous-4": "mean of the previous four", "same-period-mean": "mean of the same period in earlier years",
};

function measureEntries(r: IndicatorsReport): Entry[] {
  return r.items.map((x) => {
    const a = x.assessment;
    const shown = { percent: x.item.percent, decimals: x.item.decimals };
    const show = (n: number) => formatShown(n, shown);
    const title = x.item.title || x.item.code;
    const base: Entry = { key: x.item.key, title, status: a.status, redRed: isRedRed(a.status, a.trends.short), figures: null, scope: "measure", said: "" };
    if (a.value === null) return base;
    const v = a.value;
    const named: { name: string; value: number }[] = [{ name: `value ${show(v)}`, value: v }];
    if (x.target !== null) named.push({ name: `target ${formatShown(x.target, { percent: x.targetPercent, decimals: x.item.targetDecimals })}`, value: x.target });
    if (a.trends.previous !== null) named.push({ name: `previous ${show(a.trends.previous)}`, value: a.trends.previous });
    if (a.trends.comparator !== null && a.trends.comparator !== a.trends.previous) named.push({ name: `${COMPARATOR[r.longTrend]} ${show(a.trends.comparator)}`, value: a.trends.comparator });
    if (x.ytd !== null) named.push({ name: `year to date ${show(x.ytd)}`, value: x.ytd });
    const percentages: number[] = [];
    const differences: number[] = [];
    for (const other of [x.target, a.trends.previous, a.trends.comparator]) {
      if (other === null) continue;
      differences.push(v - other);
      if (other !== 0) percentages.push(((v - other) / other) * 100);
    }
    if (x.target !== null && x.target !== 0) percentages.push((v / x.target) * 100);
    const earlier = x.item.points.numbers();
    const said = named.map((f) => f.name);
    return { ...base, figures: { named, earlier, percentages, differences }, said: listWords(said) };
  });
}

function riskEntries(r: RisksReport): Entry[] {
  const top = r.matrix.bands.reduce((a, b) => (b.minScore > a.minScore ? b : a), r.matrix.bands[0]);
  return r.risks.map((x) => {
    const named = [{ name: `score ${x.score}`, value: x.score }, { name: `likelihood ${x.likelihood}`, value: x.likelihood }, { name: `impact ${x.impact}`, value: x.impact }];
    const add = (name: string, v: number | null | undefined) => {
      if (typeof v === "number") named.push({ name: `${name} ${v}`, value: v });
    };
    add("previous score", x.previousScore);
    add("inherent score", x.item.inherent?.score);
    add("residual score", x.item.residual.score);
    add("target score", x.target?.score);
    const earlier = typeof x.previousScore === "number" ? [x.previousScore] : [];
    // A register whose levels are RAG words has a Red of its own: its top level when that is what it is called.
    const red = /^red$/i.test(x.band) && top?.name === x.band;
    return {
      key: x.key, title: x.title, status: red ? "Red" : x.band, redRed: false, scope: "risk" as const,
      figures: { named, earlier, percentages: [], differences: [] }, said: listWords(named.map((f) => f.name)),
    };
  });
}

function entries(r: DatasetReport): Entry[] {
  if (r.kind === "indicators" || r.kind === "outcomes") return measureEntries(r);
  if (r.kind === "risks") return riskEntries(r);
  if (r.kind !== "priorities" && r.kind !== "actions") return [];
  return r.items.map((x) => ({ key: x.key, title: x.title || x.code, status: x.status, redRed: false, figures: null, scope: "measure" as const, said: "" }));
}

const quote = (q: QuotedFigure) => `'${q.text}'`;

/** Headers of a commentary column that holds what is being done ("Mitigation_Action", "Existing controls", "Actions to mitigate"). */
const ACTION_HEADER = /mitigat|controls?\b|actions?\b/i;

/**
 * Check each item's commentary: figures it quotes against the row's own
 * (within rounding), a Red item's commentary for any word of concern,
 * shortfall or action, and the commentary against the fingerprint stored
 * for the same item last period. Each finding is a warning at the
 * commentary's cell; nothing is changed.
 */
export function reviewCommentary(
  r: DatasetReport, said: Map<string, ItemCommentary>, previous: { label: string; record: PeriodRecord | null; storedOn: string | null } | null,
): { review: CommentaryReview; issues: Issue[] } {
  // A column headed as mitigation, controls or actions says what is being done by being filled in at all.
  const col = r.detected.columns.commentary;
  const statesAction = col !== undefined && ACTION_HEADER.test(r.detected.headers[col - r.detected.left] ?? "");
  const issues: Issue[] = [];
  const byKey = new Map<string, CommentaryFinding[]>();
  const counts: Record<CommentaryCheck, number> = { figures: 0, unacknowledged: 0, copied: 0 };
  const before = previous?.record ?? null;
  const stored = before ? before.items.values.some((i) => i.commentaryHash !== undefined) : false;
  // Only fingerprints are looked up: without any stored, no item is looked up.
  const storedItems = before && stored ? itemsByKey(before.items) : null;
  for (const e of entries(r)) {
    const c = said.get(e.key);
    if (!c) continue;
    const found: CommentaryFinding[] = [];
    const at = (check: CommentaryCheck, short: string, message: string) => {
      const placed = issue(r.sheet, c.row, c.col, "warning", `commentary.${check}`, message);
      issues.push(placed);
      found.push({ check, short, message, item: e.title, cell: placed.cell });
    };
    if (e.figures) {
      const wrong = quotedFigures(c.text, e.scope).filter((q) => !figureFound(q, e.figures!));
      if (wrong.length) {
        at("figures", `Quotes ${listWords(wrong.map(quote))}: not in the data`, `'${e.title}': its commentary quotes ${listWords(wrong.map(quote))}, which ${wrong.length === 1 ? "is" : "are"} not among the row's figures `
          + `(${e.said}) or worked out from them, within rounding. The commentary is left as written: check it against the data`);
      }
    }
    if (e.status === "Red" && !statesAction && !acknowledgesConcern(c.text)) {
      const what = e.redRed ? "Red and worsening ('Red Red')" : "Red";
      at("unacknowledged", `${e.redRed ? "Red Red" : "Red"}: no concern or action said`,
        `'${e.title}' is ${what}, but its commentary says nothing of a concern, a shortfall or an action to put it right: "${truncate(c.text, 90)}"`);
    }
    const then = storedItems?.get(e.key);
    // An item complete then and now has nothing new to say.
    if (then?.commentaryHash && then.commentaryHash === commentaryFingerprint(c.text) && !(then.status === "Complete" && e.status === "Complete")) {
      at("copied", `Same as ${previous!.label}`, `'${e.title}': its commentary is the same, word for word, as the commentary stored for ${previous!.label}`
        + `${previous!.storedOn ? ` (on ${previous!.storedOn})` : ""}: it may not have been updated`);
    }
    for (const f of found) counts[f.check]++;
    byKey.set(e.key, found);
  }
  const copiedAgainst = !previous
    ? { notChecked: "no reporting period, so no previous one to compare with" }
    : !before
      ? { notChecked: `no results are stored for ${previous.label}` }
      : !stored
        ? { notChecked: `the results stored for ${previous.label}${previous.storedOn ? ` on ${previous.storedOn}` : ""} hold no commentary to compare with` }
        : { period: previous.label, storedOn: previous.storedOn };
  return { review: { checked: byKey.size, byKey, counts, copiedAgainst }, issues };
}

/** The "Commentary check" column's text for an item: its findings, "Checked" where none, blank without commentary. */
export function commentaryCell(review: CommentaryReview | undefined, key: string): string | null {
  const found = review?.byKey.get(key);
  if (!found) return null;
  return found.length ? found.map((f) => f.short).join("; ") : "Checked: nothing found";
}

/**
 * The counts for the Summary: "Commentary of 20 items checked: 4 commentaries
 * quote figures that differ from the data; 1 commentary on a Red item does not
 * acknowledge it; 3 commentaries are the same as Q4 2020/21's".
 */
export function commentaryCounts(review: CommentaryReview): string {
  const n = review.counts;
  const c = (k: number) => `${k} ${k === 1 ? "commentary" : "commentaries"}`;
  const against = "period" in review.copiedAgainst ? review.copiedAgainst.period : null;
  const parts: string[] = [];
  if (n.figures) parts.push(`${c(n.figures)} ${n.figures === 1 ? "quotes" : "quote"} figures that differ from the data`);
  if (n.unacknowledged) {
    parts.push(n.unacknowledged === 1
      ? "1 commentary on a Red item does not acknowledge its status (no word of concern, shortfall or action)"
      : `${n.unacknowledged} commentaries on Red items do not acknowledge their status (no word of concern, shortfall or action)`);
  }
  if (n.copied) parts.push(`${c(n.copied)} ${n.copied === 1 ? "is" : "are"} the same as ${against}'s`);
  if (!parts.length) parts.push(`no figure differs from the data and every Red item's commentary acknowledges it${against ? `; none is the same as ${against}'s` : ""}`);
  if ("notChecked" in review.copiedAgainst) parts.push(`not compared with last period's commentary: ${review.copiedAgainst.notChecked}`);
  return `Commentary of ${review.checked} ${review.checked === 1 ? "item" : "items"} checked: ${parts.join("; ")}`;
}
