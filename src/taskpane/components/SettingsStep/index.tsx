import { useId, useState } from "react";
import {
  Accordion, AccordionHeader, AccordionItem, AccordionPanel, Caption1, Card, Checkbox, Dropdown, Field, Input, Label, Option, SpinButton, Subtitle2, Switch, Text,
  makeStyles, tokens,
} from "@fluentui/react-components";
import type { Inspection, DatasetInfo } from "../../../workbook/inspect";
import type { Status } from "../../../core";
import { LONG_TREND_METHODS, type LongTrendMethod } from "../../../core/trend";
import { KIND_LABEL } from "../../labels";
import { plainError } from "../../messages";
import { DatasetDraft, SettingsDraft, draftFrom, isMeasured, matrixProblem } from "../../settings-edit";
import { RiskMatrixCard } from "./risk-matrix";
import { SaveBar } from "./save-bar";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS },
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  counts: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalXS },
  narrow: { width: "7em" },
  title: { overflowWrap: "anywhere", margin: 0 },
});

const COUNTABLE: Status[] = ["Green", "Amber", "Complete"];

/** The long-trend methods as the drop-down offers them. */
const LONG_TREND_CHOICES: Record<LongTrendMethod, string> = {
  "same-period-last-year": "The same period last year",
  "mean-of-previous-4": "The mean of the previous 4 periods",
  "same-period-mean": "The same period's mean in earlier years",
};

export interface SettingsStepProps {
  inspection: Inspection;
  /** Unsaved edits, or null for the settings as saved. */
  draft: SettingsDraft | null;
  onDraft: (d: SettingsDraft) => void;
  dirty: boolean;
  onSave: () => Promise<void>;
  /** Why the last save (from the leave dialog) failed. */
  error?: string | null;
}

/**
 * Every table's rules with the defaults visible, edited together and saved
 * in the workbook with one Save. The common edit (each table's expected
 * standard) is open first; tolerances, trends and the plan's name, and the
 * risk matrix, are one click away, each saying in its heading what is in force.
 */
export function SettingsStep({ inspection, draft, onDraft, dirty, onSave, error }: SettingsStepProps) {
  const styles = useStyles();
  const current = draft ?? draftFrom(inspection);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const problem = matrixProblem(inspection, current.matrix);
  const risks = inspection.datasets.filter((d) => d.kind === "risks");
  const others = inspection.datasets.filter((d) => d.kind !== "risks");
  const measured = others.filter(isMeasured);
  const [open, setOpen] = useState<string[]>(others.length ? ["standards"] : ["risks"]);

  const edit = (next: SettingsDraft) => {
    setSaved(false);
    onDraft(next);
  };
  const setDataset = (id: string, v: DatasetDraft) => edit({ ...current, datasets: { ...current.datasets, [id]: v } });
  // A save that fails (a damaged settings store, an Excel error) says why; the edits stay.
  const save = async () => {
    setSaving(true);
    setFailed(null);
    try {
      await onSave();
      setSaved(true);
    } catch (e) {
      setFailed(plainError(e));
    }
    setSaving(false);
    // The Save button is disabled once saved: focus goes to what happened rather than to the page.
    requestAnimationFrame(() => document.getElementById("settings-status")?.focus());
  };

  return (
    <section className={styles.list} aria-labelledby="settings-title">
      <Subtitle2 as="h2" id="settings-title" tabIndex={-1}>Settings</Subtitle2>
      <Caption1>Saved in the workbook and used from the next run; earlier quarters keep the rules they were calculated with.</Caption1>
      <Accordion multiple collapsible openItems={open} onToggle={(_, d) => setOpen(d.openItems as string[])}>
        {others.length > 0 && (
          <AccordionItem value="standards">
            <AccordionHeader as="h3">Expected standards</AccordionHeader>
            <AccordionPanel className={styles.panel}>
              {others.map((d) => <StandardCard key={d.id} dataset={d} value={current.datasets[d.id]} onChange={(v) => setDataset(d.id, v)} />)}
            </AccordionPanel>
          </AccordionItem>
        )}
        {measured.length > 0 && (
          <AccordionItem value="measures">
            <AccordionHeader as="h3">{measured.some((d) => d.kind === "outcomes") ? "Amber tolerance, trends and the plan's name" : "Amber tolerance and trends"}</AccordionHeader>
            <AccordionPanel className={styles.panel}>
              {measured.map((d) => <MeasureCard key={d.id} dataset={d} value={current.datasets[d.id]} onChange={(v) => setDataset(d.id, v)} />)}
            </AccordionPanel>
          </AccordionItem>
        )}
        {risks.length > 0 && (
          <AccordionItem value="risks">
            <AccordionHeader as="h3">Risk matrix</AccordionHeader>
            <AccordionPanel className={styles.panel}>
              <RiskMatrixCard inspection={inspection} draft={current} problem={problem} onChange={edit} />
            </AccordionPanel>
          </AccordionItem>
        )}
      </Accordion>
      <SaveBar dirty={dirty} saving={saving} saved={saved} blocked={problem !== null} failed={failed ?? error ?? null} onSave={() => void save()} />
    </section>
  );
}

function CardTitle({ dataset }: { dataset: DatasetInfo }) {
  const styles = useStyles();
  return (
    <>
      <Text as="h4" weight="semibold" className={styles.title}>{dataset.label}</Text>
      <Caption1>
        {KIND_LABEL[dataset.kind]} · {dataset.rows.toLocaleString("en-GB")} rows{dataset.label === dataset.sheet ? "" : ` · sheet '${dataset.sheet}'`}
      </Caption1>
    </>
  );
}

/** A spin button's value as typed or stepped, or the previous one if it is not a number. */
const num = (v: number | null | undefined, text: string | undefined, fallback: number) => {
  const n = v ?? Number(text);
  return Number.isFinite(n) ? n : fallback;
};

/** One table's standard in a few lines: whether there is one, its share, and the statuses that count. */
function StandardCard({ dataset, value, onChange }: { dataset: DatasetInfo; value: DatasetDraft; onChange: (v: DatasetDraft) => void }) {
  const styles = useStyles();
  const groupLabel = useId();
  const set = (patch: Partial<DatasetDraft>) => onChange({ ...value, ...patch });
  return (
    <Card size="small" className={styles.card}>
      <CardTitle dataset={dataset} />
      <Checkbox checked={value.hasStandard} onChange={(_, d) => set({ hasStandard: Boolean(d.checked) })} label="Report against a standard" />
      {value.hasStandard && (
        <>
          <Field label="Expected standard (% of items)">
            <SpinButton className={styles.narrow} value={value.expected} min={0} max={100} onChange={(_, d) => set({ expected: num(d.value, d.displayValue, value.expected) })} />
          </Field>
          <div className={styles.counts} role="group" aria-labelledby={groupLabel}>
            <Label id={groupLabel}>Counts towards it:</Label>
            {COUNTABLE.map((s) => (
              <Checkbox key={s} label={s} checked={value.counts.includes(s)}
                onChange={(_, d) => set({ counts: d.checked ? COUNTABLE.filter((x) => x === s || value.counts.includes(x)) : value.counts.filter((x) => x !== s) })} />
            ))}
          </div>
        </>
      )}
    </Card>
  );
}

function MeasureCard({ dataset, value, onChange }: { dataset: DatasetInfo; value: DatasetDraft; onChange: (v: DatasetDraft) => void }) {
  const styles = useStyles();
  const set = (patch: Partial<DatasetDraft>) => onChange({ ...value, ...patch });
  return (
    <Card className={styles.card}>
      <CardTitle dataset={dataset} />
      <Field label="Amber tolerance (% of target)" hint="How far a result may miss its target and still be Amber. A tolerance column in the sheet overrides it.">
        <SpinButton value={value.tolerance} min={0} max={100} step={0.5} onChange={(_, d) => set({ tolerance: num(d.value, d.displayValue, value.tolerance) })} />
      </Field>
      <Field label="Ignore changes smaller than" hint="For trends: a change this size or smaller counts as Static. 0 means only an identical figure.">
        <SpinButton value={value.band} min={0} step={0.1} onChange={(_, d) => set({ band: num(d.value, d.displayValue, value.band) })} />
      </Field>
      <Field label="Long trend compares with" hint="The short trend is always against the previous period.">
        <Dropdown value={LONG_TREND_CHOICES[value.longTrend]} selectedOptions={[value.longTrend]}
          onOptionSelect={(_, d) => d.optionValue && set({ longTrend: d.optionValue as LongTrendMethod })}>
          {LONG_TREND_METHODS.map((m) => <Option key={m} value={m}>{LONG_TREND_CHOICES[m]}</Option>)}
        </Dropdown>
      </Field>
      <Switch checked={value.spc} onChange={(_, d) => set({ spc: d.checked })} label="Flag unusual changes (needs 12 or more periods)" />
      {dataset.kind === "outcomes" && (
        <Field label="Name of the plan, as the report writes it" hint={`The commentary says "… ${value.planName.trim() || dataset.planName || "outcomes"} were on target". Leave empty to use the sheet's own title.`}>
          <Input value={value.planName} placeholder={dataset.planName ?? "Strategic Plan 2021-24"} onChange={(_, d) => set({ planName: d.value })} />
        </Field>
      )}
    </Card>
  );
}
