import { Caption1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { ResultsView } from "../../../workbook/results-view";
import { BAND_STYLE } from "../../../core";

const useStyles = makeStyles({
  table: { borderCollapse: "collapse", width: "100%", tableLayout: "fixed", fontSize: tokens.fontSizeBase200 },
  // Impact labels run upwards so whole words fit a 320 px pane.
  th: { fontWeight: tokens.fontWeightSemibold, padding: "2px", writingMode: "vertical-rl", transform: "rotate(180deg)", height: "84px", textAlign: "left", verticalAlign: "bottom" },
  corner: { width: "30%", textAlign: "left", verticalAlign: "bottom", fontWeight: tokens.fontWeightSemibold },
  rowHead: { fontWeight: tokens.fontWeightSemibold, padding: "2px", textAlign: "left" },
  cell: { border: `1px solid ${tokens.colorNeutralStroke1}`, textAlign: "center", padding: "6px 0" },
});

/** The heat map as a picture: likelihood up the side (highest at the top), impact across, counts in each cell. */
export function HeatMap({ map }: { map: NonNullable<ResultsView["heatMap"]> }) {
  const styles = useStyles();
  return (
    <section aria-labelledby="heatmap-title">
      <Subtitle2 as="h2" id="heatmap-title">Risk heat map: {map.title}</Subtitle2>
      <table className={styles.table}>
        <caption><Caption1>Number of risks by likelihood (rows) and impact (columns); each cell names its level.</Caption1></caption>
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
                <td key={c.impact} className={styles.cell} style={{ backgroundColor: BAND_STYLE[c.band]?.fill ?? c.colour, color: BAND_STYLE[c.band]?.font }}
                  aria-label={`${map.likelihood[c.likelihood - 1]} × ${map.impact[c.impact - 1]}: ${c.count} risk${c.count === 1 ? "" : "s"}, ${c.band}`}>
                  {c.count > 0 ? <strong>{c.count}</strong> : "·"}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
