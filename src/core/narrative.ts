import { Report, DatasetReport, IndicatorsReport } from "./report/types";
import { formatPercent } from "./standards/fraction";
import { isRedRed } from "./standards/exceptions";
import { notRatedPhrase } from "./report/not-rated";
import { formatNumber } from "./numbers";
import { Status, STATUSES } from "./status";
import { periodNoun } from "./periods";
import { countWord, plural, listWords, listSome, MAX_NAMED } from "./words";
import { outstandingSentence } from "./report/outstanding";
import { restatedSentence } from "./report/restatements";

export { countWord, listWords, listSome, MAX_NAMED } from "./words";

/** A title inside a sentence: full stop dropped, first letter lowered unless it starts an acronym. */
function inSentence(title: string): string {
  const t = title.trim().replace(/\.$/, "");
  return /^[A-Z][a-z]/.test(t) ? t[0].toLowerCase() + t.slice(1) : t;
}

const NOUN: Record<DatasetReport["kind"], string> = {
  outcomes: "outcomes",
  indicators: "indicators",
  priorities: "priorities",
  actions: "actions",
  risks: "risks",
};

function noun(r: DatasetReport): string {
  // The sheet's own name reads best where it names the items ("Executive actions", "Programmes");
  // otherwise it qualifies the kind ("Workplan" → "workplan actions").
  if (r.kind === "outcomes" && r.planName) {
    // The plan as the council names it: "Strategic Plan 2021-24 outcome measures", or "Corporate Plan" + "outcomes".
    return /\b(outcomes?|measures?|indicators?|objectives?)\b/i.test(r.planName) ? r.planName : `${r.planName} ${NOUN.outcomes}`;
  }
  const label = r.label.trim();
  if (!label) return NOUN[r.kind];
  const lower = /^[A-Z][a-z]/.test(label) ? label[0].toLowerCase() + label.slice(1) : label;
  return /s$/i.test(label) ? lower : `${lower} ${NOUN[r.kind]}`;
}

function standardSentence(r: DatasetReport, when: string): string | null {
  const s = r.standard;
  const config = r.standardConfig;
  if (!s || !config || s.base === 0) return null;
  const what = config.counts.length === 1 && config.counts[0] === "Green" ? "were on target" : `were rated ${listWords(config.counts).replace(/ and /, " or ")}`;
  const verdict = s.achieved ? `meeting the corporate standard of ${s.expected}%` : `against the corporate standard of ${s.expected}%`;
  const unrated = notRatedPhrase(r);
  const caveat = unrated ? ` (${unrated}; the standard cannot be met until they are rated)` : "";
  return `${when}, ${s.counted} of ${s.base} (${formatPercent(s.percent)}) ${noun(r)} ${what}, ${verdict}${caveat}.`;
}

/** Each status as the breakdown sentence says it: RAG words keep their capital, the others read as plain words. */
const STATUS_PHRASE: Record<Status, string> = {
  Green: "Green", Amber: "Amber", Red: "Red", Complete: "complete", "In progress": "in progress", "Not started": "not started",
  "Data only": "data only", "No data": "without a status", Check: "to be checked", "Not rated": "not rated",
};

/** Every status the items hold, so the counts add up to the total: "Of the 16 priorities, nine were Green, two Amber, …". */
function breakdownSentence(r: DatasetReport): string | null {
  if (r.kind !== "priorities" && r.kind !== "actions") return null;
  const present = STATUSES.filter((s) => r.statusCounts[s]);
  if (present.length < 2) return null;
  const total = present.reduce((a, s) => a + r.statusCounts[s], 0);
  const parts = present.map((s, i) => {
    const n = r.statusCounts[s];
    const verb = i === 0 ? (n === 1 ? " was" : " were") : "";
    return `${countWord(n)}${verb} ${STATUS_PHRASE[s]}`;
  });
  const unrated = r.statusCounts["Not rated"] ? Object.entries(r.notRatedWords).map(([w, n]) => `'${w}' ${n}`) : [];
  return `Of the ${countWord(total)} ${noun(r)}, ${listWords(parts)}${unrated.length ? ` (${unrated.slice(0, 5).join(", ")}${unrated.length > 5 ? ", …" : ""})` : ""}.`;
}

function redRedSentence(r: DatasetReport): string | null {
  if (r.kind !== "outcomes" && r.kind !== "indicators") return null;
  // Counted, and only those the sentence names kept and worded: thousands of 'Red Red' indicators are counted, not listed.
  const named: IndicatorsReport["items"] = [];
  let count = 0;
  for (const x of r.items) {
    if (!isRedRed(x.assessment.status, x.assessment.trends.short)) continue;
    if (count++ < MAX_NAMED) named.push(x);
  }
  const what = r.kind === "outcomes" ? "outcomes" : "indicators";
  if (count === 0) return `There were no 'Red Red' ${what}.`;
  const details = named.map((x) => {
    // A title ending "(%)" says the values are percentages: say so on the numbers instead.
    const title = x.item.title || x.item.code;
    const unit = x.item.percent || /\(%\)\s*$/.test(title) ? "%" : "";
    const prev = x.assessment.trends.previous;
    return `${inSentence(title.replace(/\s*\(%\)\s*$/, ""))} (${formatNumber(x.assessment.value ?? 0)}${unit}${prev !== null ? `, from ${formatNumber(prev)}${unit}` : ""}, against a target of ${formatNumber(x.target ?? 0)}${unit})`;
  });
  return `There ${count === 1 ? "was" : "were"} ${countWord(count)} 'Red Red' ${count === 1 ? what.slice(0, -1) : what}, i.e. those not currently projected to meet target and with performance worsening: ${listSome(details, count)}.`;
}

function riskSentence(r: DatasetReport, period: string): string | null {
  if (r.kind !== "risks") return null;
  const total = r.risks.length;
  const previousTotal = r.previous ? r.previous.items.keys.length : null;
  const newOnes = r.risks.filter((x) => x.movementShown === "New").length;
  const bands = Object.entries(r.bandCounts).map(([band, n], i) => (i === 0 ? `${countWord(n)} ${band.toLowerCase()} ${n === 1 ? "risk" : "risks"}` : `${countWord(n)} ${band.toLowerCase()}`));
  const last = Object.values(r.bandCounts).slice(-1)[0];
  if (bands.length > 1) bands[bands.length - 1] += last === 1 ? " risk" : " risks";
  // Only history can say the total moved (risks may have been closed); without it the sentence states the count.
  let sentence = previousTotal !== null
    ? `The total number of risks on the register ${previousTotal === total ? `remained at ${total}` : `${total > previousTotal ? "rose" : "fell"} from ${previousTotal} to ${total}`}, comprising ${listWords(bands)}`
    : `There ${total === 1 ? "is" : "are"} ${total} ${total === 1 ? "risk" : "risks"} on the register, comprising ${listWords(bands)}`;
  if (r.previous) sentence += newOnes || r.closed.length ? `, with ${plural(newOnes, "risk")} added and ${countWord(r.closed.length)} closed during the ${period}` : `, with no risks added or closed during the ${period}`;
  const clauses: string[] = [];
  for (const [move, words] of [["Increased", "increased in severity"], ["Decreased", "reduced in severity"]] as const) {
    const moved = r.risks.filter((x) => x.movementShown === move);
    if (moved.length) clauses.push(`${plural(moved.length, "risk")} ${words}, ${moved.length === 1 ? "this being" : "these being"} ${listSome(moved.map((x) => inSentence(x.title)))}`);
  }
  // Movement taken from the register's own trend column is the register's claim, and is attributed to it.
  const published = r.risks.some((x) => x.movementSource === "published" && (x.movementShown === "Increased" || x.movementShown === "Decreased"));
  const lead = published && !r.previous ? "; according to the register's own trend column, " : "; ";
  return `${sentence}${clauses.length ? `${lead}${clauses.join("; ")}` : ""}.`;
}

/**
 * Where risks have target scores: how many have met them, are on course by
 * their date, or are not (and why), counted from the register sheet's
 * "On course for target?" column.
 */
function targetSentence(r: DatasetReport, period: string): string | null {
  if (r.kind !== "risks") return null;
  const targeted = r.risks.filter((x) => x.course.course !== "No target");
  if (!targeted.length) return null;
  const n = (course: string) => targeted.filter((x) => x.course.course === course).length;
  const [met, on, passed, off, noDate, unjudged] = ["Target met", "On course", "Target date passed", "Not on course", "No target date", "Not judged"].map(n);
  const risen = targeted.filter((x) => x.course.why === "risen").length;
  // Movement taken from the register's own trend column is its claim, and is attributed to it.
  const claimed = targeted.some((x) => x.course.why === "risen" && x.movementSource === "published");
  const parts: string[] = [];
  if (met) parts.push(`${countWord(met)} ${met === 1 ? "has" : "have"} met it`);
  if (on) parts.push(`${countWord(on)} ${on === 1 ? "is" : "are"} on course to meet it by ${on === 1 ? "its" : "their"} target date`);
  const notOn = passed + off + noDate;
  if (notOn) {
    const why = [
      passed ? `${countWord(passed)} past ${passed === 1 ? "its" : "their"} target date` : "",
      risen ? `${countWord(risen)} risen since last ${period}${claimed ? " as the register's own trend column shows" : ""}` : "",
      off - risen ? `${countWord(off - risen)} unchanged with ${off - risen === 1 ? "its" : "their"} target date near` : "",
      noDate ? `${countWord(noDate)} with no target date` : "",
    ].filter(Boolean);
    parts.push(`${countWord(notOn)} ${notOn === 1 ? "is" : "are"} not on course (${listWords(why)})`);
  }
  if (unjudged) parts.push(`${countWord(unjudged)} could not be judged without a reporting period`);
  return `Of the ${plural(targeted.length, "risk")} with a target score, ${listWords(parts)}.`;
}

/** Indicators without targets have no RAG: their sentence is about direction of travel only. */
function trendOnlySentence(r: DatasetReport, period: string): string | null {
  if (r.kind !== "outcomes" && r.kind !== "indicators") return null;
  if (!r.items.length || r.items.some((x) => !["Data only", "No data", "Check"].includes(x.assessment.status))) return null;
  const what = r.kind === "outcomes" ? "outcomes" : "indicators";
  const n = r.items.length;
  // Each trend counted in one pass over the items, not a pass per trend.
  const byTrend = new Map<string, number>();
  for (const x of r.items) byTrend.set(x.assessment.trends.short, (byTrend.get(x.assessment.trends.short) ?? 0) + 1);
  const counts = (["Improving", "Static", "Worsening", "Increasing", "Decreasing", "No change"] as const)
    .filter((t) => byTrend.has(t))
    .map((t) => `${countWord(byTrend.get(t) as number)} ${t === "No change" ? "unchanged" : t.toLowerCase()}`);
  const none = byTrend.get("No trend data") ?? 0;
  if (none) counts.push(`${countWord(none)} with no earlier value to compare`);
  return `The ${n === 1 ? what.slice(0, -1) : `${countWord(n)} ${what}`} in ${r.label} ${n === 1 ? "has" : "have"} no target, so ${n === 1 ? "it is" : "they are"} reported by trend only: against the previous ${period}, ${listWords(counts)}.`;
}

/** What SPC says about the latest point of every series long enough for it: special causes named, the rest normal variation. */
function spcSentence(r: DatasetReport): string | null {
  if (r.kind !== "outcomes" && r.kind !== "indicators") return null;
  const charted = r.items.filter((x) => x.assessment.spc);
  if (!charted.length) return null;
  const what = r.kind === "outcomes" ? "outcomes" : "indicators";
  const named = (variation: string) => charted.filter((x) => x.assessment.spc!.variation === variation).map((x) => inSentence(x.item.title || x.item.code));
  const parts: string[] = [];
  for (const [variation, words] of [["Special cause concern", "a significant deterioration"], ["Special cause improvement", "a significant improvement"], ["Special cause neither", "a significant change"]] as const) {
    const items = named(variation);
    if (items.length) parts.push(`${countWord(items.length)} ${items.length === 1 ? "shows" : "show"} ${words} (${listSome(items)})`);
  }
  // Counted, not named: a title worded for every item in normal variation would be thrown away.
  let common = 0;
  for (const x of charted) if (x.assessment.spc!.variation === "Common cause") common++;
  if (common) parts.push(`${countWord(common)} ${common === 1 ? "is" : "are"} within normal variation`);
  const lead = charted.length === r.items.length
    ? `Statistical process control covers all ${countWord(charted.length)} ${what}`
    : `Statistical process control covers the ${countWord(charted.length)} of the ${r.items.length} ${what} with enough points`;
  return `${lead}: ${listWords(parts)}.`;
}

/**
 * The report's standard sentences, drafted from the results: one paragraph
 * per dataset. Every figure comes from the calculation; nothing is canned.
 */
export function draftNarrative(report: Report): { heading: string; sentences: string[] }[] {
  const when = report.periodLong ? `At the end of ${report.periodLong.replace(/ \d{4}\/\d{2}$/, "")}` : "This period";
  const periodWord = periodNoun(report.periodKind);
  return report.datasets.map((r) => {
    // An empty table has nothing to say but that; a doubtful reading's sentences are drafts until it is checked.
    if (r.reading.confidence === "empty") return { heading: r.label, sentences: [`${r.label} has no rows yet: nothing to report.`] };
    // A stored period restated is said first, before this period's figures; returns still out right after the standard they could change.
    // A reprint of a period is its report as first published: the restatement is said there only once it replaces what was published.
    const restated = report.restated.filter((x) => x.datasetId === r.id && (x.period !== report.period || x.replacedOn)).map(restatedSentence);
    const outstanding = r.outstanding ? outstandingSentence(r, r.outstanding) : null;
    const sentences = [
      ...restated, standardSentence(r, when), outstanding, breakdownSentence(r), trendOnlySentence(r, periodWord) ?? redRedSentence(r),
      spcSentence(r), riskSentence(r, periodWord), targetSentence(r, periodWord),
    ]
      .filter((s): s is string => s !== null);
    const check = r.reading.confidence === "doubtful" && sentences.length ? [`[To check before publishing: ${r.reading.reasons.join("; ")}.]`] : [];
    return { heading: r.label, sentences: [...check, ...sentences] };
  }).filter((p) => p.sentences.length > 0);
}
