import { ReturnRecord } from "../settings";
import { formatPercent, percentOf } from "../standards/fraction";
import { countWord, listWords } from "../words";
import { storedDay } from "./reprint";
import { DatasetReport, Outstanding } from "./types";

const NO_DIRECTORATE = "(no directorate)";

/**
 * What the returns still out could do to a dataset's headline. Templates
 * made for the period and not yet collected may change any of their items:
 * at the least every one comes back not counted, at the most every one
 * counted. The standard is settled where both ends agree; otherwise the
 * returns that could tip it on their own are named (or, where none could
 * alone, all of them: they decide it together). Null when no return is out.
 */
export function outstandingFor(r: DatasetReport, returns: ReturnRecord[] | undefined, period: string | null): Outstanding | null {
  if (!period || !returns?.length) return null;
  const out = returns.filter((x) => x.period === period && x.dataset === r.id && !x.collected);
  if (!out.length) return null;
  // Each outstanding return's items, as they stand in the corporate sheet now.
  const items = (directorate: string): { counted: boolean; notRated: boolean }[] => {
    const counts = new Set(r.standardConfig?.counts ?? []);
    if (r.kind === "risks") return directorate ? [] : r.risks.map(() => ({ counted: false, notRated: false }));
    if (r.kind !== "priorities" && r.kind !== "actions") return [];
    return r.items.filter((x) => (x.group === NO_DIRECTORATE ? "" : x.group) === directorate)
      .map((x) => ({ counted: counts.has(x.status), notRated: x.status === "Not rated" }));
  };
  const pending = out.map((x) => ({ record: x, items: items(x.directorate) })).filter((x) => x.items.length);
  if (!pending.length) return null;
  const returnsOut = pending.map((x) => ({ directorate: x.record.directorate, items: x.items.length, made: storedDay({ storedAt: x.record.made }), sheet: x.record.sheet }));
  const s = r.standard;
  if (!s || !r.standardConfig || r.kind === "risks") return { returns: returnsOut, range: null, verdict: null, deciding: [] };
  const notRated = s.notRated;
  /** Whether the standard is achieved with these returns' items all counted (best) or none counted (worst), the rest as they stand. */
  const achieved = (these: typeof pending, best: boolean): boolean => {
    const inside = these.flatMap((x) => x.items);
    const counted = s.counted - inside.filter((i) => i.counted).length + (best ? inside.length : 0);
    // Items not rated stay so unless a return rates them, and a return may leave them as they are.
    const unrated = notRated - (best ? inside.filter((i) => i.notRated).length : 0);
    return s.base > 0 && unrated === 0 && percentOf(counted, s.base) >= s.expected;
  };
  const inside = pending.flatMap((x) => x.items);
  const min = s.counted - inside.filter((i) => i.counted).length;
  const max = min + inside.length;
  const worst = achieved(pending, false);
  const best = achieved(pending, true);
  const verdict = worst ? "achieved" : best ? "depends" : "not achieved";
  let deciding: string[] = [];
  if (verdict === "depends") {
    const alone = pending.filter((x) => achieved([x], true) !== achieved([x], false));
    deciding = (alone.length ? alone : pending).map((x) => x.record.directorate || r.label);
  }
  return { returns: returnsOut, range: { min, max, base: s.base }, verdict, deciding };
}

/** Where the returns are from: "from Regeneration (4 items) and Finance (1 item)"; a return for a whole list, "for the whole register (35 risks)". */
function fromPhrase(r: DatasetReport, o: Outstanding, only?: string[], words = false): string {
  const list = o.returns.filter((x) => !only || only.includes(x.directorate || r.label));
  const n = (k: number) => (words ? countWord(k) : String(k));
  const [one, many] = r.kind === "risks" ? ["risk", "risks"] : ["item", "items"];
  const size = (k: number) => `${n(k)} ${k === 1 ? one : many}`;
  const named = list.map((x) => (x.directorate ? `from ${x.directorate} (${size(x.items)})` : `for the whole ${r.kind === "risks" ? "register" : "list"} (${size(x.items)})`));
  // "from A and from B" reads as "from A and B".
  return listWords(named.map((t, i) => (i > 0 && named[0].startsWith("from ") ? t.replace(/^from /, "") : t)));
}

/** "the one from Regeneration decides it" / "the ones from Regeneration and Finance decide it"; nothing where every return decides. */
function decidingClause(r: DatasetReport, o: Outstanding, words = false): string {
  if (!o.deciding.length || o.deciding.length >= o.returns.length) return "";
  const one = o.deciding.length === 1;
  return `; the ${one ? "one" : "ones"} ${fromPhrase(r, o, o.deciding, words).replace(/ \([^)]*\)/g, "")} ${one ? "decides" : "decide"}`;
}

/** The headline's range and what the outstanding returns decide: "18–22 of 22 Green or Complete (82–100%) — standard 90% depends on …". */
export function outstandingPhrase(r: DatasetReport, o: Outstanding): string {
  const count = o.returns.length;
  const out = `${count} outstanding ${count === 1 ? "return" : "returns"}`;
  if (!o.range || !r.standardConfig || !r.standard) return `may still change: ${out}, ${fromPhrase(r, o)}`;
  const which = r.standardConfig.counts.join(" or ");
  const { min, max, base } = o.range;
  const range = `${min}–${max} of ${base} ${which} (${formatPercent(percentOf(min, base)).replace("%", "")}–${formatPercent(percentOf(max, base))})`;
  const standard = `standard ${r.standard.expected}%`;
  if (o.verdict === "depends") {
    const deciding = decidingClause(r, o);
    return `${range} — ${standard} depends on ${out}, ${fromPhrase(r, o)}${deciding ? `${deciding} it` : ""}`;
  }
  const whatever = count === 1 ? `the outstanding return ${fromPhrase(r, o)} says` : `the ${out}, ${fromPhrase(r, o)}, say`;
  return `${range} — ${standard} ${o.verdict} whatever ${whatever}`;
}

/** The same for the draft commentary, in the report's prose. */
export function outstandingSentence(r: DatasetReport, o: Outstanding): string {
  const count = o.returns.length;
  const returns = `the ${count === 1 ? "return" : "returns"} ${fromPhrase(r, o, undefined, true)} ${count === 1 ? "is" : "are"} still outstanding`;
  if (!o.range || !r.standard) return `These figures may still change: ${returns}.`;
  const { min, max, base } = o.range;
  const span = `between ${min} and ${max} of ${base} (${formatPercent(percentOf(min, base))} to ${formatPercent(percentOf(max, base))})`;
  if (o.verdict === "depends") {
    const deciding = decidingClause(r, o, true);
    return `Until all returns are in, the figure could be anywhere ${span}: ${returns}${deciding ? `${deciding} whether the standard is met` : `, and ${count === 1 ? "it decides" : "they decide"} whether the standard is met`}.`;
  }
  return `Until all returns are in, the figure could be anywhere ${span}, so the standard is ${o.verdict === "achieved" ? "met" : "not met"} whatever ${count === 1 ? "it says" : "they say"}: ${returns}.`;
}
