import { useState } from "react";
import {
  Accordion, AccordionHeader, AccordionItem, AccordionPanel, Body1, Button, Caption1, Card, Dropdown, Field, Input, Option,
  Subtitle2, makeStyles, tokens,
} from "@fluentui/react-components";
import type { Inspection, DatasetInfo } from "../../../workbook/inspect";
import type { Role } from "../../../core";
import type { PaneHost } from "../../host";
import { KIND_LABEL, ROLE_LABEL, ROLES_FOR } from "../../labels";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  mapping: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  dropdown: { minWidth: "0", width: "100%" },
  header: { overflowWrap: "anywhere" },
  empty: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  skipped: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
});

const NONE = "(not in this sheet)";

export interface WorkbookStepProps {
  inspection: Inspection;
  period: string;
  onPeriod: (p: string) => void;
  host: PaneHost;
  onChanged: () => void;
  onNext: () => void;
  /** File mode: back to choosing a file. */
  onOpenAnother?: () => void;
}

/** The tables found, each with its column mapping (editable), and the reporting period. */
export function WorkbookStep({ inspection, period, onPeriod, host, onChanged, onNext, onOpenAnother }: WorkbookStepProps) {
  const styles = useStyles();
  const n = inspection.datasets.length;
  if (n === 0) {
    return (
      <section className={styles.empty} aria-labelledby="datasets-title">
        <Subtitle2 as="h2" id="datasets-title" tabIndex={-1}>No tables to report on</Subtitle2>
        <Body1>
          None of the sheets in {host.kind === "file" ? host.title : "this workbook"} has a header row the add-in recognises (charts
          and pictures on their own are not read). A table needs headers such as <em>Indicator, Target</em> and quarter columns;
          <em> Priority, Due date, RAG</em>; or <em>Risk, Likelihood, Impact</em>, with one row per item below.
        </Body1>
        {inspection.skipped.length > 0 && (
          <ul className={styles.skipped} aria-label="Sheets looked at">
            {inspection.skipped.map((s) => <li key={s.sheet}><Caption1><strong>{s.sheet}</strong>: {s.reason}</Caption1></li>)}
          </ul>
        )}
        {inspection.notes.map((note) => <Caption1 key={note}>{note}</Caption1>)}
        <div className={styles.buttons}>
          {onOpenAnother ? (
            <Button appearance="primary" onClick={onOpenAnother}>Open another file</Button>
          ) : (
            <Button appearance="primary" onClick={onChanged}>Check the workbook again</Button>
          )}
        </div>
        <Caption1>{onOpenAnother ? "Choose the workbook that holds your performance data." : "Add or correct the header row in your sheet, then check again."}</Caption1>
      </section>
    );
  }
  return (
    <section className={styles.list} aria-labelledby="datasets-title">
      <Subtitle2 as="h2" id="datasets-title" tabIndex={-1}>
        {n} table{n === 1 ? "" : "s"} to report on
      </Subtitle2>
      <Caption1>Open a table to check which column is used for each field.</Caption1>
      <Accordion collapsible multiple>
        {inspection.datasets.map((d) => (
          <AccordionItem key={d.id} value={d.id}>
            <AccordionHeader>
              <span className={styles.header}>
                <strong>{d.sheet}</strong> · {KIND_LABEL[d.kind]} · {d.rows} rows
              </span>
            </AccordionHeader>
            <AccordionPanel>
              <Mapping dataset={d} host={host} onChanged={onChanged} />
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
      <Field label="Reporting period" hint="The quarter to report on. It starts at the latest quarter in the data, e.g. Q1 2021/22.">
        <Input value={period} onChange={(_, d) => onPeriod(d.value)} placeholder="Q1 2021/22" />
      </Field>
      {inspection.skipped.length > 0 && (
        <>
          <Caption1>Sheets not used:</Caption1>
          <ul className={styles.skipped} aria-label="Sheets not used">
            {inspection.skipped.map((s) => <li key={s.sheet}><Caption1><strong>{s.sheet}</strong>: {s.reason}</Caption1></li>)}
          </ul>
        </>
      )}
      {inspection.notes.map((note) => <Caption1 key={note}>{note}</Caption1>)}
      <Button appearance="primary" onClick={onNext}>Next: run</Button>
    </section>
  );
}

/** The runner-up header first, so a wrong guess is one click from the likely right one. */
function orderedHeaders(d: DatasetInfo, role: Role): string[] {
  const next = d.runnerUp?.[role];
  return next ? [next, ...d.headers.filter((h) => h !== next)] : d.headers;
}

/** How sure the reading is, said only when it is worth a second look. */
function hintFor(d: DatasetInfo, role: Role): string | undefined {
  const score = d.confidenceByRole?.[role];
  if (score === undefined || !d.columns[role]) return undefined;
  if (score >= 0.6) return undefined;
  return `Not sure (${Math.round(score * 100)}%): check this column${d.runnerUp?.[role] ? `; next best is '${d.runnerUp[role]}'` : ""}.`;
}

function Mapping({ dataset, host, onChanged }: { dataset: DatasetInfo; host: PaneHost; onChanged: () => void }) {
  const styles = useStyles();
  const [saving, setSaving] = useState(false);
  const choose = async (role: Role, header: string) => {
    setSaving(true);
    const columns = { ...dataset.columns, [role]: header === NONE ? null : header };
    await host.saveDataset(dataset.id, { mapping: { kind: dataset.kind, headerRow: dataset.headerRow, headerText: dataset.headers, columns, confirmed: true } });
    setSaving(false);
    onChanged();
  };
  const recognised = Math.round(dataset.confidence * 100);
  // The main fields and every field in use are always shown; the rarer ones wait behind a button.
  const roles = ROLES_FOR[dataset.kind];
  const shownAlways = roles.filter((r, i) => i < 4 || dataset.columns[r]);
  const more = roles.filter((r) => !shownAlways.includes(r));
  const [showAll, setShowAll] = useState(false);
  return (
    <Card className={styles.mapping}>
      <Caption1>
        Headers in row {dataset.headerRow}; {recognised >= 100 ? "all recognised" : `${recognised}% recognised, so check the columns below`}.
        A change here is saved in the workbook at once.
      </Caption1>
      {(showAll ? roles : shownAlways).map((role) => (
        <Field key={role} label={ROLE_LABEL[role]} hint={hintFor(dataset, role)}>
          <Dropdown
            className={styles.dropdown}
            value={dataset.columns[role] ?? NONE}
            selectedOptions={[dataset.columns[role] ?? NONE]}
            disabled={saving}
            onOptionSelect={(_, d) => d.optionValue && choose(role, d.optionValue)}
          >
            <Option value={NONE}>{NONE}</Option>
            {orderedHeaders(dataset, role).map((h) => (
              <Option key={h} value={h} text={h}>{h === dataset.runnerUp?.[role] ? `${h} (next best)` : h}</Option>
            ))}
          </Dropdown>
        </Field>
      ))}
      {more.length > 0 && (
        <Button size="small" appearance="subtle" aria-expanded={showAll} onClick={() => setShowAll(!showAll)}>
          {showAll ? "Show only the fields in use" : `Show ${more.length} more field${more.length === 1 ? "" : "s"} (not found in this sheet)`}
        </Button>
      )}
    </Card>
  );
}
