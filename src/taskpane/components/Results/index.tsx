import { Body1, Button, Caption1, Card, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { ResultsView } from "../../../workbook/results-view";
import type { PaneHost } from "../../host";
import { HeatMap } from "../HeatMap";
import { TrendChart } from "../TrendChart";
import { IssuesList } from "../IssuesList";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  cards: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  card: { padding: tokens.spacingHorizontalM },
  word: { fontWeight: tokens.fontWeightSemibold },
  ok: { borderLeft: `4px solid ${tokens.colorPaletteGreenBorderActive}` },
  notOk: { borderLeft: `4px solid ${tokens.colorPaletteDarkOrangeBorderActive}` },
  plain: { borderLeft: `4px solid ${tokens.colorNeutralStroke1}` },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

export interface ResultsProps {
  view: ResultsView;
  host: PaneHost;
  located: string | null;
  onLocated: (where: string | null) => void;
}

export function Results({ view, host, located, onLocated }: ResultsProps) {
  const styles = useStyles();
  const go = async (sheet: string, cell: string) => {
    await host.selectCell(sheet, cell);
    onLocated(`${sheet}!${cell}`);
  };
  return (
    <div className={styles.root}>
      <section className={styles.cards} aria-labelledby="headlines-title">
        <Subtitle2 as="h2" id="headlines-title">{view.period ?? "Results"}</Subtitle2>
        {view.headlines.map((h) => (
          <Card key={h.id} className={`${styles.card} ${h.achieved === null ? styles.plain : h.achieved ? styles.ok : styles.notOk}`}>
            <Body1>{h.text}</Body1>
          </Card>
        ))}
        {host.download && <Button appearance="primary" onClick={() => host.download?.()}>Download the summarised workbook</Button>}
        <Caption1>Sheets written: {view.outputSheets.join(", ")}</Caption1>
      </section>

      <section className={styles.section} aria-labelledby="redred-title">
        <Subtitle2 as="h2" id="redred-title">'Red Red': off target and worsening ({view.redRed.length})</Subtitle2>
        {view.redRed.length === 0 && <Body1>None this period.</Body1>}
        {view.redRed.map((r) => (
          <Card key={`${r.sheet}!${r.cell}`} className={`${styles.card} ${styles.notOk}`}>
            <Text className={styles.word}>{r.title}</Text>
            <Caption1>{r.why}</Caption1>
            <TrendChart series={r.series} title={r.title} polarity={r.polarity} />
            <Button size="small" appearance="subtle" onClick={() => go(r.sheet, r.cell)}>Go to {r.sheet}!{r.cell}</Button>
          </Card>
        ))}
      </section>

      <section className={styles.section} aria-labelledby="overdue-title">
        <Subtitle2 as="h2" id="overdue-title">Overdue ({view.overdue.length})</Subtitle2>
        {view.overdue.length === 0 && <Body1>Nothing is overdue at the end of the period.</Body1>}
        {view.overdue.map((o) => (
          <Card key={`${o.sheet}!${o.cell}`} className={styles.card}>
            <Text>{o.title}</Text>
            <Caption1>{o.dataset} · due {o.due} · {o.status}</Caption1>
          </Card>
        ))}
      </section>

      {view.heatMap && <HeatMap map={view.heatMap} />}

      <IssuesList issues={view.issues} onGo={go} located={located} />
    </div>
  );
}
