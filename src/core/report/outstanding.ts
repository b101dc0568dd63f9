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

/** "the returns from Regeneration (4 items) and Finance (2 items)"; a whole-dataset return is "the return for 'Strategic risks' (35 risks)". */
function returnsPhrase(r: DatasetReport, o: Outstanding, only?: string[], words = false): string {
  const list = o.returns.filter((x) => !only || only.includes(x.directorate || r.label));
  const n = (k: number) => (words ? countWord(k) : String(k));
  const noun = r.kind === "risks" ? ["risk", "risks"] : ["item", "items"];
  const named = list.map((x) => `${x.directorate || `'${r.label}'`} (${n(x.items)} ${x.items === 1 ? noun[0] : noun[1]})`);
  return `${list.length === 1 ? "return" : "returns"} from ${listWords(named)}`;
}

/** The headline's range and what the outstanding returns decide: "18–22 of 22 Green or Complete (82–100%) — standard 90% depends on …". */
export function outstandingPhrase(r: DatasetReport, o: Outstanding): string {
  const count = o.returns.length;
  const out = `${count} outstanding ${count === 1 ? "return" : "returns"}`;
  if (!o.range || !r.standardConfig || !r.standard) return `may still change: ${out}, the ${returnsPhrase(r, o)}`;
  const which = r.standardConfig.counts.join(" or ");
  const { min, max, base } = o.range;
  const range = `${min}–${max} of ${base} ${which} (${formatPercent(percentOf(min, base)).replace("%", "")}–${formatPercent(percentOf(max, base))})`;
  const standard = `standard ${r.standard.expected}%`;
  if (o.verdict === "depends") {
    const deciding = o.deciding.length < count ? `; the ${returnsPhrase(r, o, o.deciding)} ${o.deciding.length === 1 ? "decides" : "decide"} it` : "";
    return `${range} — ${standard} depends on ${out}, the ${returnsPhrase(r, o)}${deciding}`;
  }
  return `${range} — ${standard} ${o.verdict} whatever the ${out} (the ${returnsPhrase(r, o)}) say`;
}

/** The same for the draft commentary, in the report's prose. */
export function outstandingSentence(r: DatasetReport, o: Outstanding): string {
  const count = o.returns.length;
  const returns = `the ${returnsPhrase(r, o, undefined, true)} ${count === 1 ? "is" : "are"} still outstanding`;
  if (!o.range || !r.standard) return `These figures may still change: ${returns}.`;
  const { min, max, base } = o.range;
  const span = `between ${min} and ${max} of ${base} (${formatPercent(percentOf(min, base))} to ${formatPercent(percentOf(max, base))})`;
  if (o.verdict === "depends") {
    const deciding = o.deciding.length < count ? `; the ${returnsPhrase(r, o, o.deciding, true)} ${o.deciding.length === 1 ? "decides" : "decide"} whether the standard is met` : ", and they decide whether the standard is met";
    return `Until all returns are in, the figure could be anywhere ${span}: ${returns}${deciding}.`;
  }
  return `Until all returns are in, the figure could be anywhere ${span}, so the standard is ${o.verdict === "achieved" ? "met" : "not met"} whatever they say: ${returns}.`;
}
