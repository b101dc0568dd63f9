import { MAX_NAMED } from "../core/narrative";
import { SummariseResult } from "../workbook/summarise";
import { formatShare, TARGET_COURSES, outstandingPhrase, commentaryCounts, restatedStanding } from "../core";
import { groupDigits } from "../core/words";

/**
 * The run's figures in a few lines a performance officer can read in a
 * terminal (taken before the save, so the report need not be kept through it).
 */
export function readableSummary(r: SummariseResult): string[] {
  const lines: string[] = [];
  const sheet = (purpose: string) => r.plans.find((p) => p.purpose === purpose)?.name ?? purpose;
  lines.push(`Period: ${r.report.periodLong ?? "not found (pass --period \"Q1 2021/22\")"}`);
  for (const d of r.report.datasets) {
    const counts = Object.entries(d.statusCounts).map(([k, n]) => `${k} ${n}`).join(", ");
    // Series read from several rows each (one per period or area) are counted as what they are.
    const size = (d.kind === "indicators" || d.kind === "outcomes") && d.items.length !== d.rowsIn
      ? `${d.items.length} ${d.kind === "indicators" ? "indicators" : "outcomes"} from ${d.rowsIn} rows`
      : `${d.rowsIn} rows`;
    if (d.reading.confidence === "empty") {
      lines.push(`- ${d.label} (${d.kind}): empty — a header row with no rows under it, nothing to report`);
      continue;
    }
    let line = `- ${d.label} (${d.kind}, ${size}): ${counts || "nothing counted"}`;
    if (d.standard) {
      line += `; ${d.standardConfig!.counts.join("/")} ${formatShare(d.standard.counted, d.standard.base)} against ${d.standard.expected}%: ${d.standard.achieved ? "achieved" : "not achieved"}`;
    }
    if (d.rowsFlagged) line += `; ${d.rowsFlagged} row${d.rowsFlagged === 1 ? "" : "s"} not counted (see Data issues)`;
    lines.push(line);
    if (d.reading.confidence === "doubtful") lines.push(`    Check this reading before publishing: ${d.reading.reasons.join("; ")}`);
    if (d.kind === "outcomes" || d.kind === "indicators") {
      const rr = d.items.filter((x) => x.assessment.status === "Red" && x.assessment.trends.short === "Worsening");
      // A terminal line names a few; the Exceptions sheet lists them all.
      if (rr.length) lines.push(`    Red Red: ${rr.slice(0, MAX_NAMED).map((x) => x.item.title).join("; ")}${rr.length > MAX_NAMED ? `; and ${groupDigits(rr.length - MAX_NAMED)} more (all are on the '${sheet("exceptions")}' sheet)` : ""}`);
    }
    if (d.outstanding) lines.push(`    Returns outstanding: ${outstandingPhrase(d, d.outstanding)}`);
    if (d.commentary?.checked) lines.push(`    ${commentaryCounts(d.commentary)}`);
    if (d.kind === "risks") {
      const moved = d.risks.filter((x) => x.movementShown === "Increased" || x.movementShown === "Decreased");
      for (const m of moved.slice(0, MAX_NAMED)) lines.push(`    ${m.movementShown}: ${m.title}`);
      if (moved.length > MAX_NAMED) lines.push(`    and ${moved.length - MAX_NAMED} more moved (all are on the '${sheet("risk-register")}' sheet)`);
      if (d.risks.some((x) => x.target !== null)) {
        const count = (c: string) => d.risks.filter((x) => x.course.course === c).length;
        lines.push(`    Against target: ${TARGET_COURSES.filter(count).map((c) => `${c} ${count(c)}`).join(", ")}`);
      }
    }
  }
  for (const x of r.report.restated) {
    lines.push(`Restated: ${x.dataset}: ${x.text}; ${restatedStanding(x)} (each difference is on the '${sheet("restatements")}' sheet)`);
  }
  const errors = r.report.issues.filter((i) => i.severity === "error").length;
  lines.push(`Data issues: ${r.report.issues.length} (${errors} error${errors === 1 ? "" : "s"}); listed on the '${r.plans.find((p) => p.purpose === "data-issues")?.name}' sheet`);
  for (const n of r.report.notes) lines.push(`Note: ${n}`);
  return lines;
}

/** Those lines, what the output lacks, and where it went. */
export function printReadable(summary: string[], out: string, outputSheets: string[], lost: string[]): string {
  const lines = [...summary];
  if (lost.length) {
    lines.push("The output file lacks these parts of the original (the input file is unchanged):");
    for (const l of lost) lines.push(`  ${l}`);
  }
  lines.push(`Wrote ${out} (sheets: ${outputSheets.join(", ")})`);
  return lines.join("\n");
}
