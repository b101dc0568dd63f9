import { useState } from "react";
import {
  Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Body1, Button, Caption1, Card, Dropdown, Field, Input, Option,
  Subtitle2, makeStyles, tokens,
} from "@fluentui/react-components";
import type { Inspection, DatasetInfo } from "../../../workbook/inspect";
import type { Role } from "../../../core";
import type { PaneHost } from "../../host";
import { KIND_LABEL, ROLE_LABEL, ROLES_FOR } from "../../labels";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", justifyContent: "space-between", alignItems: "baseline", gap: tokens.spacingHorizontalS },
  mapping: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  dropdown: { minWidth: "0", width: "100%" },
});

const NONE = "(not in this sheet)";

export interface WorkbookStepProps {
  inspection: Inspection;
  period: string;
  onPeriod: (p: string) => void;
  host: PaneHost;
  onChanged: () => void;
  onNext: () => void;
}

/** The datasets found, each with its column mapping (editable), and the reporting period. */
export function WorkbookStep({ inspection, period, onPeriod, host, onChanged, onNext }: WorkbookStepProps) {
  const styles = useStyles();
  return (
    <section className={styles.list} aria-labelledby="datasets-title">
      <Subtitle2 as="h2" id="datasets-title">
        {inspection.datasets.length} dataset{inspection.datasets.length === 1 ? "" : "s"} found
      </Subtitle2>
      {inspection.datasets.length === 0 && (
        <Body1>No sheet has a header row the add-in recognises. Datasets need headers such as Priority, Due Date and RAG, or Risk, Likelihood and Impact.</Body1>
      )}
      <Field label="Reporting period" hint="Defaults to the latest quarter in the data, e.g. Q1 2021/22">
        <Input value={period} onChange={(_, d) => onPeriod(d.value)} placeholder="Q1 2021/22" />
      </Field>
      <Accordion collapsible multiple>
        {inspection.datasets.map((d) => (
          <AccordionItem key={d.id} value={d.id}>
            <AccordionHeader>
              <span>
                <strong>{d.sheet}</strong> · {KIND_LABEL[d.kind]} · {d.rows} rows
              </span>
            </AccordionHeader>
            <AccordionPanel>
              <Mapping dataset={d} host={host} onChanged={onChanged} />
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
      {inspection.notes.map((n) => <Caption1 key={n}>{n}</Caption1>)}
      <Button appearance="primary" onClick={onNext} disabled={inspection.datasets.length === 0}>
        Next: run
      </Button>
    </section>
  );
}

function Mapping({ dataset, host, onChanged }: { dataset: DatasetInfo; host: PaneHost; onChanged: () => void }) {
  const styles = useStyles();
  const [saving, setSaving] = useState(false);
  const choose = async (role: Role, header: string) => {
    setSaving(true);
    const columns = { ...dataset.columns, [role]: header === NONE ? null : header };
    await host.saveDataset(dataset.id, { mapping: { kind: dataset.kind, headerRow: dataset.headerRow, columns } });
    setSaving(false);
    onChanged();
  };
  return (
    <Card className={styles.mapping}>
      <div className={styles.row}>
        <Caption1>Header row {dataset.headerRow}</Caption1>
        <Badge appearance="tint" color={dataset.confidence >= 0.75 ? "success" : "warning"}>
          {Math.round(dataset.confidence * 100)}% of headers recognised
        </Badge>
      </div>
      {ROLES_FOR[dataset.kind].map((role) => (
        <Field key={role} label={ROLE_LABEL[role]}>
          <Dropdown
            className={styles.dropdown}
            value={dataset.columns[role] ?? NONE}
            selectedOptions={[dataset.columns[role] ?? NONE]}
            disabled={saving}
            onOptionSelect={(_, d) => d.optionValue && choose(role, d.optionValue)}
          >
            <Option value={NONE}>{NONE}</Option>
            {dataset.headers.map((h) => (
              <Option key={h} value={h}>{h}</Option>
            ))}
          </Dropdown>
        </Field>
      ))}
    </Card>
  );
}
