import { useEffect, useState } from "react";
import {
  Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Body1, Button, Caption1, Dropdown, Field, Input, MessageBar, MessageBarBody,
  MessageBarTitle, Option, Subtitle2, makeStyles, tokens,
} from "@fluentui/react-components";
import type { Inspection, DatasetInfo } from "../../../workbook/inspect";
import type { PaneHost } from "../../host";
import { KIND_LABEL } from "../../labels";
import { useAreaSave } from "../use-area-save";
import { plainError } from "../../messages";
import { checkPeriod } from "../../period-check";
import { Mapping } from "./mapping";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  header: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS, overflowWrap: "anywhere" },
  empty: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  skipped: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  reasons: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS },
  dropdown: { minWidth: "0", width: "100%" },
});

export interface WorkbookStepProps {
  inspection: Inspection;
  period: string;
  onPeriod: (p: string) => void;
  host: PaneHost;
  /** A change was saved in the workbook (what, for the out-of-date notice; where focus goes back to). */
  onChanged: (what: string, focusId?: string) => Promise<void>;
  /** The council's own area in long data ("" for none): saved at once. */
  onArea: (area: string) => Promise<void>;
  /** Read the workbook again (after the user edits it in Excel). */
  onRecheck: () => void;
  onNext: () => void;
  /** File mode: back to choosing a file. */
  onOpenAnother?: () => void;
}

const NO_AREA = "(not chosen)";

/** Doubtful and empty readings, which the step opens and badges so they are checked before Run. */
const needsLook = (d: DatasetInfo) => d.reading.confidence !== "sure";

/** The tables found, each with its column mapping (editable), the reporting period and, for long data, the council's own area. */
export function WorkbookStep({ inspection, period, onPeriod, host, onChanged, onArea, onRecheck, onNext, onOpenAnother }: WorkbookStepProps) {
  const styles = useStyles();
  const n = inspection.datasets.length;
  const flagged = inspection.datasets.filter(needsLook).map((d) => d.id);
  const [open, setOpen] = useState<string[]>(flagged);
  const [seen, setSeen] = useState<string[]>(flagged);
  const [problem, setProblem] = useState<string | null>(null);
  // A reading that becomes doubtful after a change opens too; one the user closed stays closed.
  const fresh = flagged.filter((id) => !seen.includes(id));
  useEffect(() => {
    if (!fresh.length) return;
    setOpen((o) => [...o, ...fresh]);
    setSeen((s) => [...s, ...fresh]);
  }, [fresh.join("|")]);
  const check = checkPeriod(inspection, period);

  const include = async (sheet: string) => {
    setProblem(null);
    try {
      await host.saveDataset(sheet, { mapping: { confirmed: true } });
      await onChanged(`the hidden sheet '${sheet}' was included`, "datasets-title");
    } catch (e) {
      setProblem(plainError(e));
    }
  };

  if (n === 0) {
    return (
      <section className={styles.empty} aria-labelledby="datasets-title">
        <Subtitle2 as="h2" id="datasets-title" tabIndex={-1}>No tables to report on</Subtitle2>
        <Body1>
          None of the sheets in {host.kind === "file" ? host.title : "this workbook"} has a header row the add-in recognises (charts
          and pictures on their own are not read). A table needs headers such as <em>Indicator, Target</em> and quarter columns;
          <em> Priority, Due date, RAG</em>; or <em>Risk, Likelihood, Impact</em>, with one row per item below.
        </Body1>
        <Skipped inspection={inspection} onInclude={(sheet) => void include(sheet)} title="Sheets looked at" />
        {problem && <Problem text={problem} />}
        {inspection.notes.map((note) => <Caption1 key={note}>{note}</Caption1>)}
        <div className={styles.buttons}>
          {onOpenAnother ? (
            <Button appearance="primary" onClick={onOpenAnother}>Open another file</Button>
          ) : (
            <Button appearance="primary" onClick={onRecheck}>Check the workbook again</Button>
          )}
        </div>
        <Caption1>{onOpenAnother ? "Choose the workbook that holds your performance data." : "Add or correct the header row in your sheet, then check again."}</Caption1>
      </section>
    );
  }
  const doubtful = inspection.datasets.filter((d) => d.reading.confidence === "doubtful").length;
  return (
    <section className={styles.list} aria-labelledby="datasets-title">
      <Subtitle2 as="h2" id="datasets-title" tabIndex={-1}>
        {n} table{n === 1 ? "" : "s"} to report on
      </Subtitle2>
      {doubtful > 0 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {doubtful === 1 ? "1 table is" : `${doubtful} tables are`} marked <strong>Check</strong>: the add-in is not sure it read {doubtful === 1 ? "it" : "them"} as
            you mean. {doubtful === 1 ? "It is" : "They are"} open below: check the columns before you run, or its figures are published with a warning.
          </MessageBarBody>
        </MessageBar>
      ) : (
        <Caption1>Open a table to check which column is used for each field.</Caption1>
      )}
      <Accordion collapsible multiple openItems={open} onToggle={(_, d) => setOpen(d.openItems as string[])}>
        {inspection.datasets.map((d) => (
          <AccordionItem key={d.id} value={d.id}>
            <AccordionHeader>
              <span className={styles.header}>
                <span><strong>{d.label}</strong> · {KIND_LABEL[d.kind]} · {d.rows.toLocaleString("en-GB")} rows</span>
                {d.reading.confidence === "doubtful" && <Badge appearance="filled" color="warning">Check</Badge>}
                {d.reading.confidence === "empty" && <Badge appearance="outline" color="informative">Empty</Badge>}
              </span>
            </AccordionHeader>
            <AccordionPanel className={styles.panel}>
              <ReadingNotice dataset={d} />
              <Mapping dataset={d} host={host} settings={inspection.settings} onChanged={onChanged} />
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
      <Field
        label="Reporting period"
        required={inspection.periodRequired}
        hint={periodHint(inspection)}
        validationState={check.state}
        validationMessage={check.message || undefined}
      >
        <Input id="period-input" value={period} onChange={(_, d) => onPeriod(d.value)} />
      </Field>
      {inspection.suggestedPeriods.length > 0 && (
        <div className={styles.buttons} role="group" aria-label="Periods in the data">
          {inspection.suggestedPeriods.slice(0, 4).filter((p) => p !== check.label).map((p) => (
            <Button key={p} size="small" onClick={() => onPeriod(p)}>Use {p}</Button>
          ))}
        </div>
      )}
      {inspection.areas.length > 0 && <AreaField inspection={inspection} onArea={onArea} />}
      <Skipped inspection={inspection} onInclude={(sheet) => void include(sheet)} title="Sheets not used" />
      {problem && <Problem text={problem} />}
      {inspection.notes.map((note) => <Caption1 key={note}>{note}</Caption1>)}
      <Button appearance="primary" onClick={onNext}>Next: run</Button>
    </section>
  );
}

function periodHint(inspection: Inspection): string {
  if (inspection.period) return `The quarter (or month or year) to report on. It starts at ${inspection.period}, the period the workbook gives or the latest with values.`;
  if (inspection.periodRequired) {
    return inspection.suggestedPeriods.length
      ? "The workbook does not say which period it reports. Type one, or use one from the data below."
      : "The workbook does not say which period it reports. Type one, such as a quarter or a month.";
  }
  return "The series end in different periods: leave this empty to report each at its own latest value, or choose one period for all.";
}

/** Why a reading is in doubt (or empty), above its columns. */
function ReadingNotice({ dataset }: { dataset: DatasetInfo }) {
  const styles = useStyles();
  if (dataset.reading.confidence === "empty") {
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Empty</MessageBarTitle>
          A header in row {dataset.headerRow} with no rows of data under it (a template not yet filled in), so there is nothing to report on yet.
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (dataset.reading.confidence !== "doubtful") return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Check this reading</MessageBarTitle>
        <ul className={styles.reasons}>
          {dataset.reading.reasons.map((r) => <li key={r}>{r.charAt(0).toUpperCase() + r.slice(1)}.</li>)}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

/** Long data over several areas: the council's own area, so the summary is about it and the rest are comparators. */
function AreaField({ inspection, onArea }: { inspection: Inspection; onArea: (area: string) => Promise<void> }) {
  const styles = useStyles();
  const { saving, problem, save: choose, finished } = useAreaSave(onArea);
  const value = inspection.settings.ownArea ?? "";
  // The drop-down was disabled while saving, which loses focus: give it back once it is enabled again.
  useEffect(() => {
    if (finished > 0) document.getElementById("area-choice")?.focus();
  }, [finished]);
  return (
    <Field label="Your area" validationState={problem ? "error" : "none"} validationMessage={problem ?? undefined} hint={`The data covers ${inspection.areas.length.toLocaleString("en-GB")} areas. Choose yours: the results are about it, with the other areas' median and its rank beside each indicator.`}>
      <Dropdown id="area-choice" className={styles.dropdown} value={value || NO_AREA} selectedOptions={[value || NO_AREA]} disabled={saving}
        onOptionSelect={(_, d) => void (d.optionValue !== undefined && choose(d.optionValue === NO_AREA ? "" : d.optionValue))}>
        <Option value={NO_AREA}>{NO_AREA}</Option>
        {inspection.areas.map((a) => <Option key={a} value={a}>{a}</Option>)}
      </Dropdown>
    </Field>
  );
}

/** Sheets not used, each with its reason; a hidden one can be included (a person's choice, saved in the workbook). */
function Skipped({ inspection, onInclude, title }: { inspection: Inspection; onInclude: (sheet: string) => void; title: string }) {
  const styles = useStyles();
  if (inspection.skipped.length === 0) return null;
  return (
    <>
      <Caption1>{title}:</Caption1>
      <ul className={styles.skipped} aria-label={title}>
        {inspection.skipped.map((s) => (
          <li key={s.sheet}>
            <Caption1><strong>{s.sheet}</strong>: {s.reason}</Caption1>
            {s.hidden && (
              <div>
                <Button size="small" onClick={() => onInclude(s.sheet)}>Include '{s.sheet}'</Button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

function Problem({ text }: { text: string }) {
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}
