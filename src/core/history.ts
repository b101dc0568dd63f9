import { PeriodRecord, WorkbookSettings } from "./settings";
import { formatUkDate } from "./dates";
import { StoredStatement } from "./report/types";
import { itemsObject } from "./period-items";

type History = WorkbookSettings["history"];

export interface StoreOptions {
  /** The user asked to replace what is stored for this period (the old record is kept as superseded). */
  replace: boolean;
  /** Today, as yyyy-mm-dd: when new records are stored or old ones replaced. */
  today: string;
  /** Dataset id → the name users know it by, for the note. */
  labels: Record<string, string>;
  /** How this host's user asks for a replacement; the command line's flag by default. */
  howToReplace?: string;
  /**
   * Dataset id → why this run's results for a stored period differ from the
   * stored ones (the reprint's account). Without it, records are compared whole.
   */
  reasons?: Record<string, string>;
}

export interface StoreOutcome {
  history: History;
  /** Said once per run when a stored period was kept or replaced; null when nothing stored was touched. */
  note: string | null;
  /** The note is a warning: this run's results for a stored period differ and were not stored. */
  warning: boolean;
  /** What the Summary says about it; absent when there was nothing to store (no dataset to report on). */
  statement?: StoredStatement;
}

/**
 * A record's results and rules, without the bookkeeping, in a stable order, to tell whether a re-run changed anything.
 * Commentary edited since is not a change of results: the fingerprint stored is of the commentary as published.
 */
function substance(r: PeriodRecord): string {
  const { storedAt: _storedAt, superseded: _superseded, ...rest } = r;
  // Items compared by key, whatever their order: as an object keyed by item, its keys sorted below.
  return JSON.stringify({ ...rest, items: itemsObject(rest.items) }, (key, v: unknown) =>
    key === "commentaryHash" ? undefined
    : v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v);
}

function storedOn(records: PeriodRecord[]): string {
  // Stored JSON is read as it was saved: take only well-formed days.
  const days = [...new Set(records.map((r) => r.storedAt).filter((d): d is string => typeof d === "string" && /^\d{4}-\d{2}-\d{2}$/.test(d)))].sort();
  const uk = days.map(ukDay);
  return uk.length ? ` on ${uk.join(" and ")}` : "";
}

function ukDay(iso: string): string {
  const [year, month, day] = iso.split("-").map(Number);
  return formatUkDate({ year, month, day });
}

/**
 * Add this run's records for `period` to the history. A period already stored
 * is never overwritten unless the user asks; then the old record is kept,
 * with the day it was replaced, under the new one's `superseded`. A re-run
 * whose results equal the stored ones changes nothing and says nothing.
 */
export function storeHistory(history: History, records: Record<string, PeriodRecord>, period: string, options: StoreOptions): StoreOutcome {
  const next: History = { ...history };
  const kept: PeriodRecord[] = [];
  const replaced: PeriodRecord[] = [];
  const matched: PeriodRecord[] = [];
  const fresh: string[] = [];
  const changedNames: string[] = [];
  const name = (id: string) => `'${options.labels[id] ?? id}'`;
  for (const [id, record] of Object.entries(records)) {
    const stored = history[id]?.[period];
    const differs = stored && (options.reasons && !options.replace ? id in options.reasons : substance(stored) !== substance(record));
    if (stored && !differs) {
      matched.push(stored);
      continue;
    }
    if (stored && !options.replace) {
      kept.push(stored);
      const why = options.reasons?.[id];
      changedNames.push(why ? `${name(id)}: ${why}` : name(id));
      continue;
    }
    let added: PeriodRecord = { ...record, storedAt: options.today };
    if (stored) {
      const { superseded, ...old } = stored;
      const earlier = Array.isArray(superseded) ? superseded : [];
      added = { ...added, superseded: [...earlier, { ...old, replacedAt: options.today }] };
      replaced.push(stored);
      changedNames.push(name(id));
    } else fresh.push(name(id));
    next[id] = { ...(next[id] ?? {}), [period]: added };
  }
  const alsoStored = fresh.length && (kept.length || replaced.length || matched.length) ? ` Results for ${fresh.join(", ")} were stored today (${ukDay(options.today)}).` : "";
  const howToReplace = options.howToReplace ?? "Use --replace-history to replace them.";
  if (kept.length) {
    return {
      history: next,
      warning: true,
      note: options.reasons
        ? `${period} was already stored${storedOn(kept)}; its stored results were kept, with the rules stored then. This run's differ for ${changedNames.join("; for ")}. ${howToReplace}`
        : `${period} was already stored${storedOn(kept)}; its stored results were kept (this run's differ for ${changedNames.join(", ")}). ${howToReplace}`,
      statement: {
        action: "reprinted",
        text: `${period}: reprinted as stored${storedOn(kept)}, with the rules stored then; the stored results are shown. This run's differ for ${changedNames.join("; for ")}. ${howToReplace}${alsoStored}`,
      },
    };
  }
  if (replaced.length) {
    return {
      history: next,
      warning: false,
      note: `${period}'s stored results${storedOn(replaced)} were replaced for ${changedNames.join(", ")}, as asked; the old results are kept in the history.`,
      statement: {
        action: "replaced",
        text: `${period}: today's results replace those stored${storedOn(replaced)} for ${changedNames.join(", ")}, as asked; the old results are kept in the workbook's history.${alsoStored}`,
      },
    };
  }
  if (matched.length) {
    return {
      history: next,
      note: null,
      warning: false,
      statement: { action: "matched", text: `${period}: results as stored${storedOn(matched)}; this run gives the same.${alsoStored}` },
    };
  }
  // Nothing was reported on, so nothing was stored: the Summary claims no storing.
  if (!fresh.length) return { history: next, note: null, warning: false };
  return {
    history: next,
    note: null,
    warning: false,
    statement: {
      action: "stored",
      text: `${period}: results stored today (${ukDay(options.today)}); a re-run of ${period} reprints them unless you choose to replace them.`,
    },
  };
}
