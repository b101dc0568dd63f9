import { Badge, Body1, Button, Caption1, Card, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Subtitle2, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
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
import { AreaChoice, AreaResults } from "./areas";

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
  headline: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: tokens.spacingVerticalXXS },
});

export interface ResultsProps {
  view: PaneView;
  host: PaneHost;
  /** Run again with the same choices (after a status word is mapped, or to replace stored results). */
  onRerun?: (replaceHistory?: boolean) => void;
  /** What changed since these results were worked out (empty when they are up to date). */
  stale?: string[];
  running?: boolean;
  /** File mode: download the summarised workbook (running again first when the results are out of date). */
  onDownload?: () => Promise<void>;
  /** Save the council's own area in long data, then run again. */
  onArea?: (area: string) => Promise<void>;
  /** Back to the Workbook step (to choose a period). */
  onWorkbook?: () => void;
}

/** A headline in words: the standard's verdict, or (without one) what each count means. */
function headlineText(h: PaneView["headlines"][number]): string {
  if (h.achieved !== null || h.kind === "risks" || h.worded) return h.text;
  const parts = Object.entries(h.counts).filter(([, n]) => n > 0).map(([s, n]) => statusPhrase(h.kind as DatasetKind, s, n));
  return `${h.label}: ${parts.length ? parts.join("; ") : "nothing to count"}`;
}

/** Where a whole list is: the summary sheet, in the downloaded copy when the pane works on a file. */
export function sheetPlace(host: PaneHost, sheet: string): string {
  return host.kind === "file" ? `the '${sheet}' sheet of the downloaded workbook` : `the '${sheet}' sheet`;
}

export function Results({ view, host, onRerun, stale = [], running = false, onDownload, onArea, onWorkbook }: ResultsProps) {
  const styles = useStyles();
  const tracked = view.headlines.some((h) => h.kind === "priorities" || h.kind === "actions");
  // Results kept in history are said above the headlines, with the button to replace them.
  const historyWarned = view.historyKept && view.warnings.some((w) => /stored/i.test(w));
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const download = async () => {
    setDownloadError(null);
    try {
      await onDownload?.();
    } catch (e) {
      setDownloadError(`The workbook could not be saved for download: ${plainError(e)}`);
    }
  };
  return (
    <div className={styles.root}>
      <section className={styles.cards} aria-labelledby="headlines-title">
        <Subtitle2 as="h2" id="headlines-title" tabIndex={-1}>{view.period ? `Results for ${view.period}` : "Results"}</Subtitle2>
        {stale.length > 0 && (
          <MessageBar intent="warning" layout="multiline" data-testid="stale">
            <MessageBarBody>
              <MessageBarTitle>Out of date</MessageBarTitle>
              Since these results were worked out, {stale.join("; ")}. {host.kind === "file" ? "Run again to update them; the download runs again first." : "Run again to update them and the summary sheets."}
            </MessageBarBody>
            <MessageBarActions>
              <Button size="small" disabled={running} onClick={() => onRerun?.()}>Run again</Button>
            </MessageBarActions>
          </MessageBar>
        )}
        {view.warnings.map((w) => (
          <MessageBar key={w} intent="warning" layout="multiline">
            <MessageBarBody>{w}</MessageBarBody>
            {historyWarned && onRerun && /stored/i.test(w) && (
              <MessageBarActions>
                <Button size="small" onClick={() => onRerun(true)}>Replace the stored results</Button>
              </MessageBarActions>
            )}
          </MessageBar>
        ))}
        {view.headlines.map((h) => (
          <Card key={h.id} className={mergeClasses(styles.card, h.achieved === null ? styles.plain : h.achieved ? styles.ok : styles.notOk)}>
            <span className={styles.headline}>
              {h.reading.confidence === "doubtful" && <Badge appearance="filled" color="warning">Check this reading</Badge>}
              {h.reading.confidence === "empty" && <Badge appearance="outline" color="informative">Empty</Badge>}
              <Body1>{headlineText(h)}</Body1>
            </span>
          </Card>
        ))}
        {view.areaChoice && onArea && <AreaChoice choice={view.areaChoice} period={view.period} onArea={onArea} />}
        {onDownload && (
          <Button appearance="primary" disabled={running} onClick={() => void download()}>
            {stale.length ? "Run again and download" : "Download the summarised workbook"}
          </Button>
        )}
        {downloadError && <Caption1 role="alert">{downloadError}</Caption1>}
        <Caption1>Sheets written: {view.outputSheets.join(", ")}</Caption1>
        {view.skipped.length > 0 && (
          <Caption1>
            Not used: {view.skipped.map((s) => `'${s.sheet}' (${s.reason})`).join("; ")}.
          </Caption1>
        )}
      </section>

      {view.areaResults.map((a) => <AreaResults key={a.label} results={a} />)}

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

      {(view.notes.length > 0 || (view.historyKept && !historyWarned)) && (
        <section className={styles.section} aria-labelledby="notes-title">
          <Subtitle2 as="h2" id="notes-title">How this was worked out</Subtitle2>
          <ul className={styles.notes}>
            {view.notes.map((n) => <li key={n}><Caption1>{n}</Caption1></li>)}
          </ul>
          {/* A note that asks for another period ("choose a period such as…") is one click from the field. */}
          {onWorkbook && view.notes.some((n) => /choose (a|another) (reporting )?period/i.test(n)) && (
            <div><Button size="small" onClick={onWorkbook}>Choose the period</Button></div>
          )}
          {view.historyKept && onRerun && !historyWarned && (
            <Button onClick={() => onRerun(true)}>Replace the stored results for {view.period ?? "this period"}</Button>
          )}
        </section>
      )}

      <UnratedWords entries={view.notRated} host={host} onSaved={() => onRerun?.()} />

      <section className={styles.section} aria-labelledby="redred-title">
        <Subtitle2 as="h2" id="redred-title">'Red Red': off target and worsening ({view.redRed.total.toLocaleString("en-GB")})</Subtitle2>
        {view.redRed.total === 0 && <Body1>None this period.</Body1>}
        <ShowMore items={view.redRed.items} total={view.redRed.total} where={sheetPlace(host, view.redRed.sheet)} step={10} noun="'Red Red' items" render={(r) => (
          <Card key={`${r.sheet}!${r.cell}`} className={mergeClasses(styles.card, styles.notOk)}>
            <Text className={styles.word}>{r.title}</Text>
            <Caption1>{r.why}</Caption1>
            {r.ytd !== null && <Caption1>Year to date: {r.ytd}</Caption1>}
            <TrendChart series={r.series} title={r.title} polarity={r.polarity} target={r.target} />
            <CellLink host={host} sheet={r.sheet} cell={r.cell} />
          </Card>
        )} />
      </section>

      <section className={styles.section} aria-labelledby="overdue-title">
        <Subtitle2 as="h2" id="overdue-title">Overdue ({!view.overdueChecked && tracked ? "not checked" : view.overdue.total.toLocaleString("en-GB")})</Subtitle2>
        {!view.overdueChecked && tracked ? (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              Overdue items were not checked: no reporting period was given or found, and an item is overdue only when its due date has passed by the
              end of the period. Choose the period on the Workbook step and run again.
            </MessageBarBody>
            {onWorkbook && (
              <MessageBarActions>
                <Button size="small" onClick={onWorkbook}>Choose the period</Button>
              </MessageBarActions>
            )}
          </MessageBar>
        ) : view.overdue.total === 0 && <Body1>Nothing is overdue at the end of the period.</Body1>}
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
