/**
 * Figures a commentary quotes about its own row: "45%", "45 per cent",
 * "up from 40", "rose to 52.3", "against a target of 50". Only numbers the
 * prose puts forward as the measure's figures are taken — a percentage, or
 * a number after words of change, comparison or target — so "3 new staff",
 * "31 March", "2021/22", "Q1", "phase 2" and "EX-059" are never read as
 * claims; nor is a number hedged ("about 40", "over 45%"), which claims no
 * exact figure.
 */

export type FigureRole =
  /** The figure itself, or any of the row's figures: "stands at 45", "45%". */
  | "figure"
  /** An earlier value: "from 40", "compared with 40". */
  | "earlier"
  /** How much it changed: "up by 5", "down 3%". */
  | "change";

export interface QuotedFigure {
  /** As the commentary says it: "up from 40", "45 per cent". */
  text: string;
  value: number;
  /** What rounding allows: half a unit of the last digit written, scaled ("1.2m" ± 50,000). */
  slack: number;
  /** Written as a percentage, or in percentage points. */
  percent: boolean;
  points: boolean;
  role: FigureRole;
}

/** Whose figures: a measure's (value, target, percentages) or a risk's (score, likelihood, impact). */
export type FigureScope = "measure" | "risk";

const NUMBER = /(£|\$|€)?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(\s*(?:%|per ?cent\b|percentage points?\b|pp\b|points?\b|k\b|m\b|bn\b|million\b|billion\b|thousand\b))?/gi;

const SCALE: Record<string, number> = { k: 1e3, thousand: 1e3, m: 1e6, million: 1e6, bn: 1e9, billion: 1e9 };

const MONTH = "jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?";

/** Words that make the number after them a name or a place, not a figure: "phase 2", "priority 3", "key stage 2". */
const NAMING = /\b(q|quarter|phase|stage|year|yr|month|week|day|level|tier|page|pages|section|appendix|item|no\.?|number|ward|band|grade|version|round|wave|step|part|chapter|para(graph)?|line|row|column|risk|action|priority|objective|outcome|indicator|pi|kpi|ref|reference|key stage|ks|covid|schedule|annex|table|figure|chart|option|lot|area|site|zone|unit|room|floor|plot|route|bus)\s*$/i;

/** Hedges: the figure after them is not claimed exactly. */
const HEDGE = /(\b(about|around|approximately|approx\.?|nearly|almost|over|under|more than|less than|fewer than|above|below|circa|c\.|some|up to|at least|at most|just over|just under|roughly|in excess of|upwards of|close to)|~)\s*$/i;

const MOVED = "up|down|rose|risen|rising|fell|fallen|falling|increased|increasing|decreased|decreasing|improved|improving|dropped|dropping|declined|declining|reduced|reducing|grew|grown|growing|deteriorated|climbed|slipped|dipped|jumped|went|gone|moved|recovered|returned|changed";

/** What the words just before a number claim of it, in order of precedence. */
const CLAIMS: [RegExp, FigureRole][] = [
  [/\btargets?(\s+(of|is|was|were|set at|for the (year|quarter|month|period)( is| was)?))?\s*:?\s*$/i, "figure"],
  [new RegExp(`\\bfrom\\s+\\S+\\s+to\\s*$`, "i"), "figure"],
  [new RegExp(`\\b(${MOVED})(\\s+\\w+ly)?\\s+to\\s*$`, "i"), "figure"],
  [new RegExp(`\\b(${MOVED})(\\s+\\w+ly)?\\s+by\\s*$`, "i"), "change"],
  [/\b(an? )?(increase|decrease|reduction|improvement|rise|fall|drop|decline|change|deterioration) of\s*$/i, "change"],
  [/\b(up|down)\s*$/i, "change"],
  [new RegExp(`\\b(${MOVED})(\\s+\\w+ly)?\\s+from\\s*$`, "i"), "earlier"],
  [/\b(compared (with|to)|against|versus|vs\.?|previously|last (quarter|month|year|period)('s)?( (figure|value|result|outturn|performance))?( of| was)?)\s*:?\s*$/i, "earlier"],
  [/\b(stands?|stood|remains?|remained|is|was|are|were|currently|now)\s+at\s*$/i, "figure"],
  [/\b(scored|rated|rating( of| is| was)?)\s*:?\s*$/i, "figure"],
  [/\b(currently|now|reached|outturn( of| is| was)?|performance( of| is| was| was at| is at)?|(the )?(rate|value|result|figure|level|score)\s+(of|is|was|was at|is at|stands at|stood at|reached))\s*:?\s*$/i, "figure"],
];

/** For a risk: only numbers said to be its score or rating, or its likelihood or impact. */
const RISK_WORDS = /\b(scor(e|ed|es|ing)|rat(ed|ing)|likelihood|impact)\b/i;

/** The start of the clause a number sits in: numbers are read against the words of their own sentence. */
function clauseBefore(text: string, at: number): string {
  const before = text.slice(Math.max(0, at - 80), at);
  const cut = Math.max(before.search(/[^.;!?\n]*$/), 0);
  return before.slice(cut);
}

/** The words that made a number a claim, as the commentary says them ("up from", "against a target of"). */
function lead(clause: string, claim: RegExp): string {
  return (clause.match(claim)?.[0] ?? "").trim().split(/\s+/).slice(-4).join(" ");
}

/**
 * Every figure a commentary quotes as its row's (see above). A percentage
 * is always a claim about a measure; any other number only where the words
 * before it make it one.
 */
export function quotedFigures(text: string, scope: FigureScope): QuotedFigure[] {
  const out: QuotedFigure[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const at = m.index ?? 0;
    const end = at + m[0].length;
    const [whole, currency, digits, decimals, suffixRaw] = m;
    const suffix = (suffixRaw ?? "").trim().toLowerCase();
    const prev = text[at - 1] ?? "";
    // Part of a word, a code, a date, a time or a decimal already read: "Q1", "EX-059", "31/03/2022", "10:30", "A66".
    if (/[\p{L}\p{N}_./:]/u.test(prev) || (prev === "-" && /[\p{L}\p{N}]/u.test(text[at - 2] ?? ""))) continue;
    const next = text.slice(end, end + 2);
    if (!suffix && /^([\p{L}\p{N}/]|[-–:]\d|\.\d)/u.test(next)) continue;
    if (!suffix && !currency && !decimals && /^(19|20)\d\d$/.test(digits)) continue;
    if (!suffix && new RegExp(`^\\s+(${MONTH})\\b`, "i").test(text.slice(end, end + 12))) continue;
    const clause = clauseBefore(text, at);
    if (NAMING.test(clause) && !CLAIMS.some(([re]) => re.test(clause))) continue;
    if (HEDGE.test(clause)) continue;
    const percent = suffix === "%" || /^per ?cent$/.test(suffix);
    const points = /^(percentage points?|pp|points?)$/.test(suffix);
    const claim = CLAIMS.find(([re]) => re.test(clause));
    if (scope === "risk") {
      if (percent || points || SCALE[suffix] || !RISK_WORDS.test(clause)) continue;
    } else if (!percent && !points && !claim) continue;
    const scale = SCALE[suffix] ?? 1;
    const places = decimals ? decimals.length - 1 : 0;
    const value = Number(`${digits.replace(/,/g, "")}${decimals ?? ""}`) * scale;
    const said = whole.trim();
    out.push({
      text: claim ? `${lead(clause, claim[0])} ${said}`.trim() : said,
      value,
      slack: (0.5 * scale) / 10 ** places,
      percent,
      points,
      role: claim?.[1] ?? "figure",
    });
  }
  return out;
}

/** The figures a row gives, that its commentary may quote. */
export interface RowFigures {
  /** Each figure with its name, as the message says it ("target 50%"). */
  named: { name: string; value: number }[];
  /** Earlier values of the series, which "from 40" or "compared with 40" may quote. */
  earlier: number[];
  /** Percentages worked out from the figures: the value as a share of target, how far adrift, the change since earlier values. */
  percentages: number[];
  /** Differences between the figures (value against previous, target…), which "up by 5" may quote. */
  differences: number[];
}

/** Within rounding: the quoted figure, to the digits it is written with, is one of the candidates. */
function near(q: QuotedFigure, candidates: number[]): boolean {
  const v = Math.abs(q.value);
  return candidates.some((c) => Number.isFinite(c) && Math.abs(v - Math.abs(c)) <= q.slack + 1e-9 * Math.max(1, Math.abs(c)));
}

/**
 * Whether a quoted figure is one of the row's (or worked out from them),
 * within rounding. A percentage may be a figure itself (a rate held per
 * cent, whatever its format says), a fraction written as a percentage, or
 * a share worked out; percentage points are a difference.
 */
export function figureFound(q: QuotedFigure, row: RowFigures): boolean {
  const plain = row.named.map((f) => f.value);
  const from = q.role === "earlier" ? row.earlier : [];
  const change = q.role === "change" || q.points ? row.differences : [];
  if (q.percent || q.points) {
    const fractions = plain.filter((v) => Math.abs(v) <= 1).map((v) => v * 100);
    return near(q, [...plain, ...from, ...change, ...fractions, ...row.percentages]);
  }
  return near(q, [...plain, ...from, ...change]);
}
