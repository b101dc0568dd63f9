import { CalendarDate, compareDates, daysInMonth, formatUkDate } from "../dates";

/**
 * Where a risk stands against its target: the score (or level) the owner
 * means to bring it down to, by a date.
 */
export type TargetCourse = "Target met" | "On course" | "Not on course" | "Target date passed" | "No target date" | "No target" | "Not judged";

/** The courses in the order tables and lines list them: met, on course, then why not. */
export const TARGET_COURSES: TargetCourse[] = ["Target met", "On course", "Not on course", "Target date passed", "No target date", "Not judged", "No target"];

/** A target as the register gives it: a score (written, or target likelihood × impact), else only a level. */
export interface RiskTarget {
  score: number | null;
  band: string | null;
}

export interface TargetInput {
  score: number;
  band: string;
  target: RiskTarget | null;
  /** null: none given, or not a date (a data issue is raised where it is read). */
  targetDate: CalendarDate | null;
  /** The target date as written, when it is not a date. */
  targetDateText?: string;
  /** Movement since last quarter, as the register sheet shows it. */
  movement: "Increased" | "Decreased" | "Unchanged" | "New" | "N/A";
  /** The movement is the register's own trend column's word, not a comparison of scores: said as its claim. */
  movementFromRegister?: boolean;
  previousScore: number | null;
  /** The end of the reporting period; null when the run has no period. */
  asAt: CalendarDate | null;
  /** The register's levels, most severe first. */
  bands: string[];
}

export interface TargetJudgement {
  course: TargetCourse;
  /** The plain phrase printed in "On course for target?". */
  phrase: string;
  /** Why a risk with time left is not on course: its score rose, or stood still with the date near. */
  why?: "risen" | "unchanged";
}

/** The usual order of level words, lowest first, for a target level a register's own levels do not include. */
const LEVEL_ORDER: Record<string, number> = {
  "very low": 0, low: 1, green: 1, minor: 1, medium: 2, moderate: 2, amber: 2, high: 3, major: 3, red: 3, "very high": 4, severe: 4, critical: 5, extreme: 5,
};

function generic(level: string): number | null {
  return LEVEL_ORDER[level.trim().toLowerCase()] ?? null;
}

/** Three months on from a period end, to the end of that month: the next quarterly report's date. */
function nextQuarterEnd(d: CalendarDate): CalendarDate {
  const m = d.month + 3;
  const year = d.year + (m > 12 ? 1 : 0);
  const month = ((m - 1) % 12) + 1;
  return { year, month, day: daysInMonth(year, month) };
}

/**
 * Is a risk on course for its target by its date? As a risk manager reads it:
 *
 * - no target score or level: "No target" (never counted as on course);
 * - current score at or below the target (or, with only a target level, a
 *   level no more severe): "Target met";
 * - no readable target date: "No target date" (or what was written, which is
 *   also a data issue), not on course;
 * - the target date on or before the end of the reporting period, target not
 *   met: "Target date passed";
 * - the score rose since last quarter, or stood still with the target date
 *   before the next quarter's report: "Not on course";
 * - otherwise the date is still ahead and the score is not going the wrong
 *   way: "On course".
 */
export function targetCourse(x: TargetInput): TargetJudgement {
  const t = x.target;
  if (!t || (t.score === null && t.band === null)) return { course: "No target", phrase: "No target" };
  const byScore = t.score !== null;
  const rank = (band: string) => {
    const i = x.bands.findIndex((b) => b.toLowerCase() === band.toLowerCase());
    return i < 0 ? null : i;
  };
  let met: boolean;
  if (byScore) met = x.score <= (t.score as number);
  else {
    let [now, want] = [rank(x.band), rank(t.band as string)];
    // A target level the register does not use itself (a "Low" target where every risk is Medium or High): the usual order of level words.
    if (now === null || want === null) [now, want] = [generic(x.band), generic(t.band as string)].map((g) => (g === null ? null : -g));
    if (now === null || want === null) return { course: "No target", phrase: `No target: '${t.band}' is not one of the register's levels` };
    met = now >= want;
  }
  if (met) return { course: "Target met", phrase: "Target met" };
  const now = byScore ? `score ${x.score}` : x.band;
  const target = byScore ? `target ${t.score}` : `target ${t.band}`;
  if (!x.targetDate) {
    const unread = x.targetDateText ? ` ('${x.targetDateText}' is not a date, see Data issues)` : "";
    return { course: "No target date", phrase: `No target date${unread}: ${now}, ${target}` };
  }
  const by = formatUkDate(x.targetDate);
  if (!x.asAt) return { course: "Not judged", phrase: `Not judged (no reporting period): ${now}, ${target} by ${by}` };
  if (compareDates(x.targetDate, x.asAt) <= 0) {
    return { course: "Target date passed", phrase: `Target date passed (${by}), ${now} still above ${target}` };
  }
  if (x.movement === "Increased") {
    const rose = x.previousScore !== null && byScore ? `score rose from ${x.previousScore} to ${x.score}`
      : `${now}, risen since last quarter${x.movementFromRegister ? " (the register's trend column)" : ""}`;
    return { course: "Not on course", phrase: `Not on course: ${rose}, ${target} by ${by}`, why: "risen" };
  }
  if (x.movement === "Unchanged" && compareDates(x.targetDate, nextQuarterEnd(x.asAt)) <= 0) {
    return { course: "Not on course", phrase: `Not on course: ${now} unchanged since last quarter${x.movementFromRegister ? " (the register's trend column)" : ""}, ${target} by ${by}`, why: "unchanged" };
  }
  return { course: "On course", phrase: "On course" };
}
