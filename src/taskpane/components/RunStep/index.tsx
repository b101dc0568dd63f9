import { useState } from "react";
import { Body1, Button, Checkbox, Field, MessageBar, MessageBarActions, MessageBarBody, ProgressBar, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { Inspection } from "../../../workbook/inspect";
import { checkPeriod } from "../../period-check";
import { ErrorNotice } from "../ErrorNotice";
import { RUN_CLEARS_UNDO } from "../../messages";

export type RunState =
  | { kind: "idle" }
  | { kind: "running"; step: string; fraction: number }
  | { kind: "done"; sheets: number; issues: number }
  | { kind: "cancelled" }
  | { kind: "failed"; message: string };

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  // Reserved height so nothing below moves while the run reports progress.
  progress: { minHeight: "64px" },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS },
});

export interface RunStepProps {
  state: RunState;
  period: string;
  inspection: Inspection;
  onRun: (formatSource: boolean) => void;
  onRetry: () => void;
  onCancel: () => void;
  /** Results shown are out of date (a change since they were worked out). */
  stale: boolean;
  /** Back to the Workbook step, where the period is chosen. */
  onChoosePeriod: () => void;
  /** Inside Excel, where a run clears the undo stack (a file is changed only as a downloaded copy). */
  inExcel?: boolean;
}

export function RunStep({ state, period, inspection, onRun, onRetry, onCancel, stale, onChoosePeriod, inExcel }: RunStepProps) {
  const styles = useStyles();
  const [formatSource, setFormatSource] = useState(false);
  const running = state.kind === "running";
  const n = inspection.datasets.length;
  const check = checkPeriod(inspection, period);
  const blocked = check.state === "error";
  const what = check.label ?? (period.trim() || null);
  return (
    <section className={styles.root} aria-labelledby="run-title">
      <Subtitle2 as="h2" id="run-title" tabIndex={-1}>Write the summary sheets</Subtitle2>
      <Body1>
        {n} table{n === 1 ? "" : "s"} for {what ?? "each series' own latest period"}. Your own sheets are never changed; the summary sheets
        are replaced each time.
      </Body1>
      {blocked && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{check.message}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={onChoosePeriod}>Choose the period</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {stale && !running && state.kind !== "failed" && <Body1>The results shown are out of date: run again to bring them up to date.</Body1>}
      {inExcel && <Body1 data-testid="undo-note">{RUN_CLEARS_UNDO}</Body1>}
      <Checkbox checked={formatSource} disabled={running} onChange={(_, d) => setFormatSource(Boolean(d.checked))}
        label="Also colour the RAG and risk-level columns in my sheets (colour only, values untouched)" />
      <div className={styles.buttons}>
        <Button appearance="primary" id="run-button" disabled={running || blocked} onClick={() => onRun(formatSource)}>Run</Button>
        <Button disabled={!running} onClick={onCancel}>Cancel</Button>
      </div>
      <div className={styles.progress} aria-live="polite">
        {running && (
          <Field validationMessage={`${state.step}…`} validationState="none" label="Progress">
            <ProgressBar value={state.fraction} max={1} thickness="large" aria-label={`Progress: ${state.step}`} />
          </Field>
        )}
        {state.kind === "done" && <Body1>Done: {state.sheets} summary sheets written, {state.issues} data issue{state.issues === 1 ? "" : "s"}.</Body1>}
        {state.kind === "cancelled" && <Body1>Cancelled. Nothing was written.</Body1>}
      </div>
      {state.kind === "failed" && <ErrorNotice title="The run did not finish" message={state.message} onRetry={onRetry} />}
    </section>
  );
}
