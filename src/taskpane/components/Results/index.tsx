import { Body1, Button, Caption1, Card, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { DatasetKind } from "../../../core";
import { useState } from "react";
import type { PaneHost } from "../../host";
import { plainError } from "../../messages";
import type { PaneView } from "../../pane-results";
import { statusPhrase } from "../../labels";
import { HeatMap } from "../HeatMap";
import { TrendChart } from "../TrendChart";
import { IssuesList } from "../IssuesList";
import { CellLink } from "../CellLink";
import { ShowMore } from "../ShowMore";
import { UnratedWords } from "../UnratedWords";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  cards: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  card: { padding: tokens.spacingHorizontalM },
  word: { fontWeight: tokens.fontWeightSemibold },
  ok: { borderLeft: `4px solid ${tokens.colorPaletteGreenBorderActive}` },
  notOk: { borderLeft: `4px solid ${tokens.colorPaletteDarkOrangeBorderActive}` },
  plain: { borderLeft: `4px solid ${tokens.colorNeutralStroke1}` },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  notes: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
});

export interface ResultsProps {
  view: PaneView;
  host: PaneHost;
  /** Run again with the same choices (after a status word is mapped, or to replace stored results). */
  onRerun?: (replaceHistory?: boolean) => void;
}

/** A headline in words: the standard's verdict, or (without one) what each count means. */
function headlineText(h: PaneView["headlines"][number]): string {
  if (h.achieved !== null || h.kind === "risks" || h.open) return h.text;
  const parts = Object.entries(h.counts).filter(([, n]) => n > 0).map(([s, n]) => statusPhrase(h.kind as DatasetKind, s, n));
  return `${h.label}: ${parts.length ? parts.join("; ") : "nothing to count"}`;
}

/** Where a whole list is: the summary sheet, in the downloaded copy when the pane works on a file. */
export function sheetPlace(host: PaneHost, sheet: string): string {
  return host.kind === "file" ? `the '${sheet}' sheet of the downloaded workbook` : `the '${sheet}' sheet`;
}

export function Results({ view, host, onRerun }: ResultsProps) {
  const styles = useStyles();
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const download = async () => {
    setDownloadError(null);
    try {
      await host.download?.();
    } catch (e) {
      setDownloadError(`The workbook could not be saved for download: ${plainError(e)}`);
    }
  };
  return (
    <div className={styles.root}>
      <section className={styles.cards} aria-labelledby="headlines-title">
        <Subtitle2 as="h2" id="headlines-title" tabIndex={-1}>{view.period ? `Results for ${view.period}` : "Results"}</Subtitle2>
        {view.headlines.map((h) => (
          <Card key={h.id} className={`${styles.card} ${h.achieved === null ? styles.plain : h.achieved ? styles.ok : styles.notOk}`}>
            <Body1>{headlineText(h)}</Body1>
          </Card>
        ))}
        {host.download && <Button appearance="primary" onClick={() => void download()}>Download the summarised workbook</Button>}
        {downloadError && <Caption1 role="alert">{downloadError}</Caption1>}
        <Caption1>Sheets written: {view.outputSheets.join(", ")}</Caption1>
        {view.skipped.length > 0 && (
          <Caption1>
            Not used: {view.skipped.map((s) => `'${s.sheet}' (${s.reason})`).join("; ")}.
          </Caption1>
        )}
      </section>

      {view.restated.length > 0 && (
        <section className={styles.section} aria-labelledby="restated-title">
          <Subtitle2 as="h2" id="restated-title">Restated results</Subtitle2>
          <ul className={styles.notes}>
            {view.restated.map((t) => <li key={t}><Body1>{t}</Body1></li>)}
          </ul>
          <Caption1>Each difference, with the day each result was published, is on {sheetPlace(host, "Restatements")}.</Caption1>
        </section>
      )}

      {view.commentary.length > 0 && (
        <section className={styles.section} aria-labelledby="commentary-title">
          <Subtitle2 as="h2" id="commentary-title">Commentary checks</Subtitle2>
          {view.commentary.map((c) => (
            <Card key={c.id} className={`${styles.card} ${c.found ? styles.notOk : styles.plain}`}>
              <Body1>{c.text}</Body1>
            </Card>
          ))}
          <Caption1>Each finding is among the data issues below, with its cell. The commentary itself is left as written.</Caption1>
        </section>
      )}

      {(view.notes.length > 0 || view.historyKept) && (
        <section className={styles.section} aria-labelledby="notes-title">
          <Subtitle2 as="h2" id="notes-title">How this was worked out</Subtitle2>
          <ul className={styles.notes}>
            {view.notes.map((n) => <li key={n}><Caption1>{n}</Caption1></li>)}
          </ul>
          {view.historyKept && onRerun && (
            <Button onClick={() => onRerun(true)}>Replace the stored results for {view.period ?? "this period"}</Button>
          )}
        </section>
      )}

      <UnratedWords entries={view.notRated} host={host} onSaved={() => onRerun?.()} />

      <section className={styles.section} aria-labelledby="redred-title">
        <Subtitle2 as="h2" id="redred-title">'Red Red': off target and worsening ({view.redRed.total.toLocaleString("en-GB")})</Subtitle2>
        {view.redRed.total === 0 && <Body1>None this period.</Body1>}
        <ShowMore items={view.redRed.items} total={view.redRed.total} where={sheetPlace(host, view.redRed.sheet)} step={10} noun="'Red Red' items" render={(r) => (
          <Card key={`${r.sheet}!${r.cell}`} className={`${styles.card} ${styles.notOk}`}>
            <Text className={styles.word}>{r.title}</Text>
            <Caption1>{r.why}</Caption1>
            {r.ytd !== null && <Caption1>Year to date: {r.ytd}</Caption1>}
            <TrendChart series={r.series} title={r.title} polarity={r.polarity} target={r.target} />
            <CellLink host={host} sheet={r.sheet} cell={r.cell} />
          </Card>
        )} />
      </section>

      <section className={styles.section} aria-labelledby="overdue-title">
        <Subtitle2 as="h2" id="overdue-title">Overdue ({view.overdue.total.toLocaleString("en-GB")})</Subtitle2>
        {view.overdue.total === 0 && <Body1>Nothing is overdue at the end of the period.</Body1>}
        <ShowMore items={view.overdue.items} total={view.overdue.total} where={sheetPlace(host, view.overdue.sheet)} step={20} noun="overdue items" render={(o) => (
          <Card key={`${o.sheet}!${o.cell}`} className={styles.card}>
            <Text>{o.title}</Text>
            <Caption1>{o.dataset} · due {o.due} · {o.status}</Caption1>
            <CellLink host={host} sheet={o.sheet} cell={o.cell} />
          </Card>
        )} />
      </section>

      {view.heatMap && <HeatMap map={view.heatMap} />}

      <IssuesList issues={view.issues} host={host} where={sheetPlace(host, view.issues.sheet)} />
    </div>
  );
}
