import { normaliseWord } from "../values";
import { Movement } from "./register";

/** Arrows registers draw for a risk's direction of travel (the risk's score, not performance). */
const ARROWS: Record<string, Movement> = {
  "↑": "Increased", "▲": "Increased", "⬆": "Increased", "↗": "Increased", "△": "Increased", "⇧": "Increased", "⇑": "Increased", "⬈": "Increased",
  "↓": "Decreased", "▼": "Decreased", "⬇": "Decreased", "↘": "Decreased", "▽": "Decreased", "⇩": "Decreased", "⇓": "Decreased", "⬊": "Decreased",
  "→": "Unchanged", "►": "Unchanged", "▶": "Unchanged", "↔": "Unchanged", "⇔": "Unchanged", "⬌": "Unchanged", "⟷": "Unchanged", "⇒": "Unchanged", "=": "Unchanged",
};

/** Words, as registers write them, for the same four movements. */
const WORDS: [RegExp, Movement][] = [
  [/^(increas(e|es|ed|ing)|ris(e|es|en|ing)|rose|up|upward|upwards|gone up|higher|worse|worsen(s|ed|ing)?|deteriorat(e|ed|ing)|escalat(e|ed|ing))( risk| score)?$/, "Increased"],
  [/^(decreas(e|es|ed|ing)|reduc(e|es|ed|ing)|fall(s|en|ing)?|fell|down|downward|downwards|gone down|lower|better|improv(e|es|ed|ing)|de ?escalat(e|ed|ing))( risk| score)?$/, "Decreased"],
  [/^(unchanged|no change|not changed|same|the same|static|stable|steady|constant|flat|maintained|no movement|remains the same|level)$/, "Unchanged"],
  [/^(new|new risk|newly identified|added|emerging)$/, "New"],
];

/** Cells that give no direction at all: not an unknown word, just nothing written. */
const NOTHING = /^(|-|–|—|n ?a|not applicable|none)$/;

/**
 * A register's direction-of-travel cell as a movement: words ("Increasing",
 * "Stable", "Same", "New"), arrows (▲ ▼ ► ↑ ↓ →) or both ("↑ Increased").
 * "none" where the cell gives nothing ("-", "n/a"); null for a word it does
 * not know, or an arrow and a word that disagree (reported, never guessed).
 */
export function readMovement(text: string): Movement | "none" | null {
  const raw = text.trim();
  const fromArrows = [...raw].flatMap((ch) => (ARROWS[ch] ? [ARROWS[ch]] : []));
  const rest = normaliseWord([...raw].map((ch) => (ARROWS[ch] ? " " : ch)).join(""));
  if (!fromArrows.length && NOTHING.test(rest) && NOTHING.test(raw.toLowerCase().replace(/[/.]/g, ""))) return "none";
  const fromWords = rest ? WORDS.find(([re]) => re.test(rest))?.[1] ?? null : null;
  if (rest && !fromWords) return null;
  const all = [...fromArrows, ...(fromWords ? [fromWords] : [])];
  if (!all.length) return null;
  return all.every((m) => m === all[0]) ? all[0] : null;
}
