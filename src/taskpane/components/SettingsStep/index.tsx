import { useId, useState } from "react";
import {
  Body1, Button, Caption1, Card, CardHeader, Checkbox, Dropdown, Field, Input, Label, Option, MessageBar, MessageBarBody, SpinButton, Subtitle2, Switch, Text,
  makeStyles, tokens,
} from "@fluentui/react-components";
import type { Inspection, DatasetInfo } from "../../../workbook/inspect";
import type { Status } from "../../../core";
import { LONG_TREND_METHODS, type LongTrendMethod } from "../../../core/trend";
import { KIND_LABEL } from "../../labels";
import { plainError } from "../../messages";
import { DatasetDraft, MatrixDraft, SettingsDraft, draftFrom, isMeasured, matrixProblem } from "../../settings-edit";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  checks: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS },
  levels: { margin: 0, paddingLeft: 0, listStyle: "none", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  level: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  levelInput: { flexGrow: 1, minWidth: 0 },
  // The one Save stays in reach at the bottom of the pane however long the list is.
  footer: {
    position: "sticky",
    bottom: 0,
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} 0`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
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

/** Every table's rules with the defaults visible, edited together and saved in the workbook with one Save. */
export function SettingsStep({ inspection, draft, onDraft, dirty, onSave, error }: SettingsStepProps) {
  const styles = useStyles();
  const current = draft ?? draftFrom(inspection);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const problem = matrixProblem(inspection, current.matrix);
  const risks = inspection.datasets.filter((d) => d.kind === "risks");

  const edit = (next: SettingsDraft) => {
    setSaved(false);
    onDraft(next);
  };
  const [saveError, setSaveError] = useState<string | null>(null);
  // A save that fails (a damaged settings store, an Excel error) says why; the edits stay.
  const save = async () => {
    setSaving(true);
    setSaveError(null);
    try {
      await onSave();
      setSaved(true);
    } catch (e) {
      setSaveError(`Not saved: ${plainError(e)}`);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className={styles.list} aria-labelledby="settings-title">
      <Subtitle2 as="h2" id="settings-title" tabIndex={-1}>Settings</Subtitle2>
      <Caption1>Saved in the workbook and used from the next run; earlier quarters keep the rules they were calculated with.</Caption1>
      {inspection.datasets.filter((d) => d.kind !== "risks").map((d) => (
        <DatasetCard key={d.id} dataset={d} value={current.datasets[d.id]}
          onChange={(v) => edit({ ...current, datasets: { ...current.datasets, [d.id]: v } })} />
      ))}
      {inspection.areas.length > 0 && (
        <AreaCard areas={inspection.areas} value={current.ownArea} onChange={(ownArea) => edit({ ...current, ownArea })} />
      )}
      {risks.length > 0 && (
        <RiskCard sheets={risks.map((r) => r.sheet)} value={current.matrix} problem={problem} onChange={(m) => edit({ ...current, matrix: m })} />
      )}
      <div className={styles.footer}>
        <Button appearance="primary" onClick={() => void save()} disabled={!dirty || saving || problem !== null}>
          {saving ? "Saving…" : "Save settings"}
        </Button>
        <Caption1 role="status">{dirty ? "You have unsaved changes." : saved ? "Settings saved in the workbook." : "No unsaved changes."}</Caption1>
        {(saveError ?? error) && <Caption1 role="alert">{saveError ?? error}</Caption1>}
      </div>
    </section>
  );
}

const NO_AREA = "(every area)";

/** Long data over several areas: which is the council's own, so the summary is about it and the rest are comparators. */
function AreaCard({ areas, value, onChange }: { areas: string[]; value: string; onChange: (v: string) => void }) {
  const styles = useStyles();
  return (
    <Card className={styles.card}>
      <CardHeader header={<Text as="h3" weight="semibold">Your area</Text>}
        description={<Caption1>The data lists {areas.length} areas. Choose your own: the summary is about it, with the others' median and its rank beside each indicator.</Caption1>} />
      <Field label="Your area or organisation">
        <Dropdown value={value || NO_AREA} selectedOptions={[value || NO_AREA]} onOptionSelect={(_, d) => onChange(d.optionValue === NO_AREA ? "" : d.optionValue ?? "")}>
          <Option value={NO_AREA}>{NO_AREA}</Option>
          {areas.map((a) => <Option key={a} value={a}>{a}</Option>)}
        </Dropdown>
      </Field>
    </Card>
  );
}

function DatasetCard({ dataset, value, onChange }: { dataset: DatasetInfo; value: DatasetDraft; onChange: (v: DatasetDraft) => void }) {
  const styles = useStyles();
  const groupLabel = useId();
  const set = (patch: Partial<DatasetDraft>) => onChange({ ...value, ...patch });
  const num = (v: number | null | undefined, text: string | undefined, fallback: number) => {
    const n = v ?? Number(text);
    return Number.isFinite(n) ? n : fallback;
  };
  return (
    <Card className={styles.card}>
      <CardHeader
        header={<Text as="h3" weight="semibold">{dataset.sheet}</Text>}
        description={<Caption1>{KIND_LABEL[dataset.kind]} on sheet '{dataset.sheet}', {dataset.rows} rows</Caption1>}
      />
      <Switch checked={value.hasStandard} onChange={(_, d) => set({ hasStandard: d.checked })} label="Report against an expected standard" />
      {value.hasStandard && (
        <>
          <Field label="Expected standard (% of items)">
            <SpinButton value={value.expected} min={0} max={100} onChange={(_, d) => set({ expected: num(d.value, d.displayValue, value.expected) })} />
          </Field>
          <div className={styles.group} role="group" aria-labelledby={groupLabel}>
            <Label id={groupLabel}>Counts towards the standard</Label>
            <div className={styles.checks}>
              {COUNTABLE.map((s) => (
                <Checkbox key={s} label={s} checked={value.counts.includes(s)}
                  onChange={(_, d) => set({ counts: d.checked ? COUNTABLE.filter((x) => x === s || value.counts.includes(x)) : value.counts.filter((x) => x !== s) })} />
              ))}
            </div>
          </div>
        </>
      )}
      {isMeasured(dataset) && (
        <>
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
        </>
      )}
      {dataset.kind === "outcomes" && (
        <Field label="Name of the plan, as the report writes it" hint={`The commentary says "… ${value.planName.trim() || dataset.planName || "outcomes"} were on target". Leave empty to use the sheet's own title.`}>
          <Input value={value.planName} placeholder={dataset.planName ?? "Strategic Plan 2021-24"} onChange={(_, d) => set({ planName: d.value })} />
        </Field>
      )}
    </Card>
  );
}

function LevelList({ title, levels, onChange }: { title: string; levels: string[]; onChange: (l: string[]) => void }) {
  const styles = useStyles();
  const id = useId();
  return (
    <div className={styles.group} role="group" aria-labelledby={id}>
      <Label id={id}>{title}, lowest first</Label>
      <ol className={styles.levels}>
        {levels.map((l, i) => (
          <li key={i} className={styles.level}>
            <Caption1 aria-hidden>{i + 1}</Caption1>
            <Input className={styles.levelInput} value={l} aria-label={`${title} ${i + 1}`} onChange={(_, d) => onChange(levels.map((x, j) => (j === i ? d.value : x)))} />
            <Button size="small" appearance="subtle" aria-label={`Remove ${title.toLowerCase()} ${i + 1} (${l || "blank"})`} disabled={levels.length <= 2}
              onClick={() => onChange(levels.filter((_, j) => j !== i))}>Remove</Button>
          </li>
        ))}
      </ol>
      <Button size="small" onClick={() => onChange([...levels, ""])}>Add a level</Button>
    </div>
  );
}

function RiskCard({ sheets, value, problem, onChange }: { sheets: string[]; value: MatrixDraft; problem: string | null; onChange: (m: MatrixDraft) => void }) {
  const styles = useStyles();
  const max = value.likelihood.length * value.impact.length;
  return (
    <Card className={styles.card}>
      <CardHeader
        header={<Text as="h3" weight="semibold">Risk matrix</Text>}
        description={<Caption1>For sheet{sheets.length === 1 ? "" : "s"} {sheets.map((s) => `'${s}'`).join(", ")}; {value.likelihood.length} × {value.impact.length}, score = likelihood × impact</Caption1>}
      />
      <LevelList title="Likelihood" levels={value.likelihood} onChange={(likelihood) => onChange({ ...value, likelihood })} />
      <LevelList title="Impact" levels={value.impact} onChange={(impact) => onChange({ ...value, impact })} />
      <Body1>Risk levels, by lowest score:</Body1>
      {value.bands.map((b, i) => (
        <Field key={b.name} label={`${b.name} from score`}>
          <SpinButton value={b.minScore} min={1} max={max}
            onChange={(_, d) => onChange({ ...value, bands: value.bands.map((x, j) => (j === i ? { ...x, minScore: d.value ?? (Number(d.displayValue) || x.minScore) } : x)) })} />
        </Field>
      ))}
      {problem && <MessageBar intent="warning" layout="multiline"><MessageBarBody>{problem}</MessageBarBody></MessageBar>}
    </Card>
  );
}
