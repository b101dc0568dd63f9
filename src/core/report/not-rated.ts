import { DatasetSummary } from "./types";

/**
 * How a headline says that some rows carry no rating the product could
 * read: "54 of 80 rated; 26 not rated: 'Overdue' 12, 'At Risk' 14". Null
 * when every row is rated. Every headline that quotes a share quotes this
 * too, so no figure silently rests on fewer rows than the sheet holds.
 */
export function notRatedPhrase(r: Pick<DatasetSummary, "notRatedWords" | "statusCounts">): string | null {
  const words = Object.entries(r.notRatedWords).sort((a, b) => b[1] - a[1]);
  const notRated = r.statusCounts["Not rated"] ?? 0;
  if (!notRated) return null;
  const total = Object.values(r.statusCounts).reduce((a, b) => a + b, 0);
  const list = words.slice(0, 5).map(([w, n]) => `'${w}' ${n}`).join(", ") + (words.length > 5 ? `, and ${words.length - 5} other words` : "");
  return `${total - notRated} of ${total} rated; ${notRated} not rated${list ? `: ${list}` : ""}`;
}
