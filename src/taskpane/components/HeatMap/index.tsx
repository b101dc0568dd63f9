import { Caption1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { ResultsView } from "../../../workbook/results-view";
import { BAND_STYLE, HeatMapCell } from "../../../core";

const useStyles = makeStyles({
  table: { borderCollapse: "collapse", width: "100%", tableLayout: "fixed", fontSize: tokens.fontSizeBase200 },
  // Impact labels run upwards so whole words fit a 320 px pane.
  th: { fontWeight: tokens.fontWeightSemibold, padding: "2px", writingMode: "vertical-rl", transform: "rotate(180deg)", height: "84px", textAlign: "left", verticalAlign: "bottom" },
  corner: { width: "30%", textAlign: "left", verticalAlign: "bottom", fontWeight: tokens.fontWeightSemibold },
  rowHead: { fontWeight: tokens.fontWeightSemibold, padding: "2px", textAlign: "left", overflowWrap: "anywhere" },
  cell: { border: `1px solid ${tokens.colorNeutralStroke1}`, textAlign: "center", padding: "4px 0", lineHeight: 1.1 },
  letter: { display: "block", fontSize: tokens.fontSizeBase100 },
  legend: { display: "flex", flexWrap: "wrap", gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`, listStyle: "none", margin: `${tokens.spacingVerticalS} 0 0`, padding: 0 },
  key: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  swatch: { display: "inline-block", minWidth: "20px", textAlign: "center", border: `1px solid ${tokens.colorNeutralStroke1}`, fontWeight: tokens.fontWeightSemibold },
});

/** Each level's letter (H, M, L), or its whole name where two levels share a first letter. */
function letters(bands: string[]): Record<string, string> {
  const first = bands.map((b) => b.charAt(0).toUpperCase());
  const unique = new Set(first).size === first.length;
  return Object.fromEntries(bands.map((b, i) => [b, unique ? first[i] : b]));
}

/** The levels present, highest first, with the scores each covers on this map. */
function levels(rows: HeatMapCell[][]): { band: string; colour: string; low: number; high: number }[] {
  const by = new Map<string, { band: string; colour: string; low: number; high: number }>();
  for (const c of rows.flat()) {
    const score = c.likelihood * c.impact;
    const b = by.get(c.band) ?? { band: c.band, colour: c.colour, low: score, high: score };
    by.set(c.band, { ...b, low: Math.min(b.low, score), high: Math.max(b.high, score) });
  }
  return [...by.values()].sort((a, b) => b.high - a.high);
}

/**
 * The heat map as a picture: likelihood up the side (highest at the top),
 * impact across, the count in each cell, and its level by letter as well as
 * colour, with a key, so colour is never the only way to read it.
 */
export function HeatMap({ map }: { map: NonNullable<ResultsView["heatMap"]> }) {
  const styles = useStyles();
  const key = levels(map.rows);
  const letter = letters(key.map((k) => k.band));
  const fill = (band: string, colour: string) => ({ backgroundColor: BAND_STYLE[band]?.fill ?? colour, color: BAND_STYLE[band]?.font });
  return (
    <section aria-labelledby="heatmap-title">
      <Subtitle2 as="h2" id="heatmap-title">Risk heat map: {map.title}</Subtitle2>
      <table className={styles.table}>
        <caption><Caption1>Number of risks by likelihood (rows) and impact (columns), with each square's level.</Caption1></caption>
        <thead>
          <tr>
            <th className={styles.corner} scope="col">Likelihood ↓ / Impact →</th>
            {map.impact.map((i) => <th key={i} className={styles.th} scope="col">{i}</th>)}
          </tr>
        </thead>
        <tbody>
          {map.rows.map((row) => (
            <tr key={row[0].likelihood}>
              <th className={styles.rowHead} scope="row">{map.likelihood[row[0].likelihood - 1]}</th>
              {row.map((c) => (
                <td key={c.impact} className={styles.cell} style={fill(c.band, c.colour)}
                  aria-label={`${map.likelihood[c.likelihood - 1]} × ${map.impact[c.impact - 1]}: ${c.count} risk${c.count === 1 ? "" : "s"}, ${c.band}`}>
                  {c.count > 0 ? <strong>{c.count}</strong> : "·"}
                  <span className={styles.letter} aria-hidden>{letter[c.band]}</span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <ul className={styles.legend} aria-label="Key to the levels">
        {key.map((k) => (
          <li key={k.band} className={styles.key}>
            <span className={styles.swatch} style={fill(k.band, k.colour)} aria-hidden>{letter[k.band]}</span>
            <Caption1>{k.band} (score {k.low === k.high ? k.low : `${k.low}–${k.high}`})</Caption1>
          </li>
        ))}
      </ul>
    </section>
  );
}
