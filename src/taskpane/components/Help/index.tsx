import { Body1, Caption1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { GLOSSARY } from "../../labels";
import { APP_VERSION } from "../../version";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  term: { fontWeight: tokens.fontWeightSemibold },
  meaning: { marginLeft: 0 },
});

/** How the pane works, in four steps, and the words it uses. */
export function Help() {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-labelledby="help-title">
      <Subtitle2 as="h2" id="help-title" tabIndex={-1}>Help</Subtitle2>
      <Caption1 data-testid="version">Council Performance {APP_VERSION}</Caption1>
      <Body1>
        <strong>Workbook</strong> lists the tables found in your sheets and the column used for each field. <strong>Settings</strong> holds
        each table's expected standard and tolerances. <strong>Run</strong> writes the summary sheets; your own sheets are never changed.
        <strong> Results</strong> shows the headlines, the exceptions and every data problem with its cell.
      </Body1>
      <Subtitle2 as="h3">Words used here</Subtitle2>
      <dl className={styles.list}>
        {GLOSSARY.map((g) => (
          <div key={g.term}>
            <dt className={styles.term}>{g.term}</dt>
            <dd className={styles.meaning}><Body1>{g.meaning}</Body1></dd>
          </div>
        ))}
      </dl>
      <Caption1>Inside Excel, open this pane from Home › Performance report; Refresh summaries re-runs with the saved settings.</Caption1>
    </section>
  );
}
