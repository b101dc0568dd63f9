/**
 * How the report writes a share: "15/24 (62.5%)". Two styles, both with at
 * most one decimal and no trailing ".0":
 * - "report": whole percentages, except that an exact half is kept as ".5"
 *   rather than rounded one way or the other (62.5%, 4.5%, 91%, 7%) — the
 *   way the seed report writes them;
 * - "one-decimal": always to one decimal place where there is one (90.9%).
 */
export type PercentStyle = "report" | "one-decimal" | "whole";

export function percentOf(n: number, total: number): number {
  return total > 0 ? (n / total) * 100 : 0;
}

export function formatPercent(p: number, style: PercentStyle = "report"): string {
  if (!Number.isFinite(p)) return "N/A";
  const oneDecimal = Math.round(p * 10) / 10;
  let shown: number;
  if (style === "one-decimal") shown = oneDecimal;
  else if (style === "whole") shown = Math.round(p);
  else shown = Math.abs(oneDecimal * 10) % 10 === 5 ? oneDecimal : Math.round(p);
  return `${shown}%`;
}

/** "n/N (p%)"; zero is written "0%" as the report does; an empty base is "N/A". */
export function formatShare(n: number, total: number, style: PercentStyle = "report"): string {
  if (total <= 0) return "N/A";
  if (n === 0) return "0%";
  return `${n}/${total} (${formatPercent(percentOf(n, total), style)})`;
}
