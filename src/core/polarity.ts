import { Parsed, ok, fail } from "./problems";
import { CellValue, isBlank, cellText, normaliseWord } from "./values";
import { truncate } from "./numbers";

/** Which direction is good. Goldilocks: closer to target is better. */
export type Polarity = "Maximise" | "Minimise" | "Goldilocks";

const SPELLINGS: Record<Polarity, string[]> = {
  Maximise: ["maximise", "maximize", "aim to maximise", "aim to maximize", "max", "higher is better", "high is good",
    "higher", "bigger is better", "more is better", "increase", "up", "\u2191", "good is high", "high", "over", "above", "increasing",
    "higher is good", "high is better", "up is good", "increase is good", "increase is better"],
  Minimise: ["minimise", "minimize", "aim to minimise", "aim to minimize", "min", "lower is better", "low is good",
    "lower", "smaller is better", "less is better", "decrease", "down", "\u2193", "good is low", "low", "under", "below", "decreasing",
    "lower is good", "low is better", "down is good", "decrease is good", "decrease is better"],
  Goldilocks: ["goldilocks", "closer to target is better", "close to target", "on target", "target", "aim for target",
    "\u2194", "neither"],
};

const LOOKUP = new Map<string, Polarity>();
for (const [polarity, words] of Object.entries(SPELLINGS) as [Polarity, string[]][]) {
  for (const w of words) LOOKUP.set(normaliseWord(w), polarity);
}

/** Read a polarity ("Aim to Maximise", "Higher is better", "↑", …); blank means none given. */
export function parsePolarity(v: CellValue | undefined): Parsed<Polarity | null> {
  if (isBlank(v)) return ok(null);
  const text = cellText(v);
  const found = LOOKUP.get(normaliseWord(text));
  if (found) return ok(found);
  return fail("polarity.unknown", `'${truncate(text)}' is not a polarity: expected Maximise (higher is better), Minimise (lower is better) or Goldilocks`);
}

export function flipPolarity(p: Polarity): Polarity {
  return p === "Maximise" ? "Minimise" : p === "Minimise" ? "Maximise" : p;
}
