import { DetectedDataset } from "../detect/find-datasets";
import { Role } from "../detect/roles";
import { DatasetRead } from "../datasets/read";

/**
 * How sure the product is that it read a dataset as the council meant it.
 * "doubtful" readings are never published as plain headlines: every headline
 * of the dataset carries the reasons, and the pane asks for a check first.
 * "empty": a header with no rows under it (a template not yet filled in).
 */
export interface Reading {
  confidence: "sure" | "doubtful" | "empty";
  /** What made it doubtful (or empty), each in words a user can act on. */
  reasons: string[];
}

/** The roles each kind's figures rest on: weak evidence for one of these puts the reading in doubt. */
const KEY_ROLES: Record<DetectedDataset["kind"], Role[]> = {
  indicators: ["title", "value", "target"],
  outcomes: ["title", "value", "target", "status"],
  priorities: ["title", "status"],
  actions: ["title", "status"],
  risks: ["likelihood", "impact", "residualLikelihood", "residualImpact"],
};

/** Below this a role's header × contents evidence is weak (an exact header over fitting contents scores about 1). */
const WEAK = 0.5;
/** More than this share of data rows unusable and the figures may not describe the list. */
const UNUSABLE_SHARE = 0.2;
/** More than this share of statuses in words the product does not know, and the column may not be a RAG at all. */
const UNRATED_SHARE = 0.5;

/**
 * Judge a reading from its evidence: doubts the detection and the read
 * recorded (competing readings, two likelihood × impact pairs, percentages
 * on two scales…), key columns matched on weak evidence, and rows that
 * could not be used.
 */
export function judgeReading(
  d: DetectedDataset, read: Pick<DatasetRead<unknown>, "rowsIn" | "rowsFlagged" | "doubts">, unrated: { count: number; words: string[] } = { count: 0, words: [] },
): Reading {
  if (read.rowsIn === 0) {
    return { confidence: "empty", reasons: [`'${d.sheet}' has a header row (row ${d.headerRow + 1}) but no rows of data under it: it reads as an empty template`] };
  }
  const reasons = [...(d.doubts ?? []), ...read.doubts];
  for (const role of KEY_ROLES[d.kind]) {
    const col = d.columns[role];
    const score = d.roleScores?.[role];
    if (col === undefined || score === undefined || score >= WEAK) continue;
    const header = d.headers[col - d.left] || `column ${col + 1}`;
    reasons.push(`the '${header}' column was taken as the ${ROLE_WORDS[role] ?? role} on weak evidence (its header or its contents do not fit well)`);
  }
  if (read.rowsFlagged > 0 && read.rowsFlagged / read.rowsIn > UNUSABLE_SHARE) {
    reasons.push(`${read.rowsFlagged} of ${read.rowsIn} rows could not be used (see Data issues)`);
  }
  if (unrated.count > 0 && unrated.count / read.rowsIn > UNRATED_SHARE) {
    const words = unrated.words.slice(0, 3).map((w) => `'${w}'`).join(", ");
    reasons.push(`${unrated.count} of ${read.rowsIn} statuses are words it does not know as a RAG or progress status (${words}${unrated.words.length > 3 ? ", …" : ""}), so the column may not be a status`);
  }
  return { confidence: reasons.length ? "doubtful" : "sure", reasons: [...new Set(reasons)] };
}

/** Roles in words for messages. */
export const ROLE_WORDS: Partial<Record<Role, string>> = {
  title: "title", value: "value", target: "target", status: "status", likelihood: "likelihood", impact: "impact",
  residualLikelihood: "current likelihood", residualImpact: "current impact", code: "reference", due: "due date", period: "period",
};

/** The qualifier a doubtful reading's headline carries, in one sentence. */
export function readingQualifier(r: Reading): string | null {
  if (r.confidence === "sure") return null;
  if (r.confidence === "empty") return "Empty: no rows to report on.";
  return `Check this reading: ${r.reasons.join("; ")}.`;
}
