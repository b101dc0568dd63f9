import { distance } from "fastest-levenshtein";
import { normaliseWord } from "../values";
import { SPELLINGS, RESIDUAL_OF, RESIDUAL_WORDS, INHERENT_WORDS, TARGET_WORDS, QUALIFIER_WORDS } from "./spellings";

/** What a column holds, whatever the council calls it. */
export type Role = keyof typeof SPELLINGS | (typeof RESIDUAL_OF)[keyof typeof RESIDUAL_OF];

export type DatasetKind = "indicators" | "outcomes" | "priorities" | "actions" | "risks";

export const KINDS: DatasetKind[] = ["indicators", "outcomes", "priorities", "actions", "risks"];

export const ROLES: Role[] = [...(Object.keys(SPELLINGS) as Role[]), ...Object.values(RESIDUAL_OF)];

/** A header cell read for meaning: its words, bracketed hints and qualifiers. */
export interface HeaderWords {
  /** Normalised words without brackets, scale suffixes or qualifiers: "likelihood". */
  base: string;
  /** Everything normalised, for qualifiers: "risk score inherent". */
  full: string;
  residual: boolean;
  inherent: boolean;
  targetWord: boolean;
  /** A word was read as the spelling it is a letter away from ("Likelhood"): weaker evidence than the spelling itself. */
  corrected?: boolean;
}

/** Only words this long are corrected: shorter ones are a letter away from too many others. */
const CORRECTED_LENGTH = 6;
const VOCABULARY = [...new Set([...Object.values(SPELLINGS).flat(), ...QUALIFIER_WORDS].flatMap((s) => normaliseWord(s).split(" ")))]
  .filter((w) => w.length >= CORRECTED_LENGTH);
const KNOWN = new Set(VOCABULARY);

/** Two letters side by side swapped ("Impcat"): one slip of the fingers, though two edits apart. */
function swapped(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length && diff.length <= 2; i++) if (a[i] !== b[i]) diff.push(i);
  return diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]];
}

/**
 * The header word a misspelt one stands for: a known word of six letters or
 * more that is one slip away (a letter missed, added, changed, or two
 * swapped; Levenshtein distance from fastest-levenshtein) with the same first
 * letter, where exactly one is. "Likelhood" is likelihood; a word that is
 * itself known, short, or near two known words is left as it is.
 */
export function nearSpelling(word: string): string | null {
  if (word.length < CORRECTED_LENGTH || KNOWN.has(word) || /\d/.test(word)) return null;
  const seen = NEAR.get(word);
  if (seen !== undefined) return seen;
  const near = VOCABULARY.filter((v) => v[0] === word[0] && Math.abs(v.length - word.length) <= 1 && (distance(v, word) === 1 || swapped(v, word)));
  // Remembered, as the same header words come back on every candidate row and every run; bounded for a long-lived pane.
  if (NEAR.size > 10_000) NEAR.clear();
  NEAR.set(word, near.length === 1 ? near[0] : null);
  return near.length === 1 ? near[0] : null;
}

const NEAR = new Map<string, string | null>();

function correctWords(text: string): { text: string; corrected: boolean } {
  let corrected = false;
  const out = text.split(" ").map((w) => {
    const near = nearSpelling(w);
    if (near) corrected = true;
    return near ?? w;
  }).join(" ");
  return { text: out, corrected };
}

/**
 * Normalise a header: underscores and brackets to words, scale suffixes
 * ("_1_5", "(1-5)", "(H/M/L)") dropped, and qualifiers noted, so
 * "Likelihood_1_5", "Likelihood (H/M/L)" and "Residual Likelihood" all
 * read as a likelihood and the last as a residual one.
 */
export function headerWords(header: string, context = ""): HeaderWords {
  const raw = header.replace(/_/g, " ").replace(/([a-z])([A-Z])/g, "$1 $2");
  const brackets = [...raw.matchAll(/[([{]([^)\]}]*)[)\]}]/g)].map((m) => m[1]).join(" ");
  const own = correctWords(normaliseWord(raw.replace(/[([{][^)\]}]*[)\]}]/g, " ")));
  // "likelihood 1 5", "impact h m l": a scale written into the header says nothing about the role.
  const base = own.text.replace(/\s+(\d+ (to )?\d+|h m l|hml)$/, "").trim();
  const full = correctWords(normaliseWord(`${context} ${raw} ${brackets}`)).text;
  const residual = RESIDUAL_WORDS.test(full);
  const inherent = INHERENT_WORDS.test(full);
  // "Current L" is a likelihood like "Residual L": which pair it is, is settled with the register's other pairs.
  const stripped = base.replace(RESIDUAL_WORDS, " ").replace(INHERENT_WORDS, " ").replace(/\bcurrent\b/, " ").replace(/\s+/g, " ").trim();
  return { base: stripped || base, full, residual, inherent, targetWord: TARGET_WORDS.test(full), ...(own.corrected ? { corrected: true } : {}) };
}

const exact = new Map<string, Role[]>();
for (const [role, list] of Object.entries(SPELLINGS) as [Role, readonly string[]][]) {
  for (const s of list) {
    const key = normaliseWord(s);
    exact.set(key, [...(exact.get(key) ?? []), role]);
  }
}
const phrases = [...exact.entries()].filter(([k]) => k.length >= 3).sort((a, b) => b[0].length - a[0].length);

function containsWords(text: string, phrase: string): boolean {
  return ` ${text} `.includes(` ${phrase} `);
}

/**
 * How strongly a header names each role, 0–1: an exact spelling 1, a header
 * that begins or ends with a spelling 0.75, one that contains it 0.6.
 * Residual qualifiers move likelihood, impact, score and level to their
 * residual roles; "Target" moves a score, likelihood or impact to the target's.
 */
export function headerScores(h: HeaderWords): Map<Role, number> {
  const out = new Map<Role, number>();
  const put = (role: Role, score: number) => {
    const s = h.corrected ? score * 0.9 : score;
    let r: Role = role;
    if (h.residual && role in RESIDUAL_OF) r = RESIDUAL_OF[role as keyof typeof RESIDUAL_OF];
    if (h.targetWord && (role === "score" || role === "level") && !h.residual) r = "targetScore";
    // "Likelihood" under a "Target" group row, or "Target Likelihood (1-5)": the target pair.
    if (h.targetWord && !h.residual && (role === "likelihood" || role === "impact")) r = role === "likelihood" ? "targetLikelihood" : "targetImpact";
    if ((out.get(r) ?? 0) < s) out.set(r, s);
  };
  if (!h.base) return out;
  for (const role of exact.get(h.base) ?? []) put(role, 1);
  for (const [phrase, roles] of phrases) {
    if (phrase === h.base) continue;
    const edge = h.base.startsWith(`${phrase} `) || h.base.endsWith(` ${phrase}`);
    if (edge || containsWords(h.base, phrase)) for (const role of roles) put(role, edge ? 0.75 : 0.6);
  }
  // "Initial Risk", "Reviewed Risk": a level before or after mitigation.
  if (/^risk( level| rating)?$/.test(h.base) && (h.residual || h.inherent)) put("level", 1);
  // "Revised date", "Proposed revised date": an action's new due date.
  if (/^(proposed |new )?date$/.test(h.base) && h.residual) put("due", 1);
  return out;
}

/** Title headers that say which kind of list this is. */
export function kindHint(header: string): DatasetKind | null {
  const h = normaliseWord(header.replace(/_/g, " "));
  if (/\boutcomes?\b/.test(h)) return "outcomes";
  if (/\b(priority|priorities|programme|project)\b/.test(h)) return "priorities";
  if (/\b(action|actions|activity|milestones?|task|tasks|initiative|deliverables?)\b/.test(h)) return "actions";
  if (/\b(risks?|raid)\b/.test(h)) return "risks";
  if (/\b(indicators?|measures?|metrics?|pi|kpis?)\b/.test(h)) return "indicators";
  return null;
}
