import { useState } from "react";
import {
  Button, Caption1, Card, CardHeader, Checkbox, Field, Input, SpinButton, Subtitle2, Switch, Text, makeStyles, tokens,
} from "@fluentui/react-components";
import type { Inspection, DatasetInfo } from "../../../workbook/inspect";
import { defaultStandard, DEFAULT_MATRIX, DEFAULT_TOLERANCE, DatasetSettings, Status, RiskMatrix, checkMatrix } from "../../../core";
import type { PaneHost } from "../../host";
import { KIND_LABEL } from "../../labels";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  checks: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM },
});

const COUNTABLE: Status[] = ["Green", "Amber", "Complete"];

export interface SettingsStepProps {
  inspection: Inspection;
  host: PaneHost;
  onSaved: () => void;
}

/** Each dataset's rules with the defaults visible; saved in the workbook for every later run. */
export function SettingsStep({ inspection, host, onSaved }: SettingsStepProps) {
  const styles = useStyles();
  return (
    <section className={styles.list} aria-labelledby="settings-title">
      <Subtitle2 as="h2" id="settings-title">Settings</Subtitle2>
      <Caption1>Changes apply from the next run; earlier quarters keep the rules they were calculated with.</Caption1>
      {inspection.datasets.map((d) =>
        d.kind === "risks" ? (
          <RiskSettings key={d.id} matrix={inspection.settings.riskMatrix ?? DEFAULT_MATRIX} host={host} onSaved={onSaved} />
        ) : (
          <DatasetCard key={d.id} dataset={d} saved={inspection.settings.datasets[d.id] ?? {}} host={host} onSaved={onSaved} />
        ),
      )}
    </section>
  );
}

function DatasetCard({ dataset, saved, host, onSaved }: { dataset: DatasetInfo; saved: DatasetSettings; host: PaneHost; onSaved: () => void }) {
  const styles = useStyles();
  const standard = saved.standard === undefined ? defaultStandard(dataset.kind) : saved.standard;
  const [expected, setExpected] = useState<number>(standard?.expected ?? 90);
  const [counts, setCounts] = useState<Status[]>(standard?.counts ?? ["Green"]);
  const [tolerance, setTolerance] = useState<number>((saved.tolerance ?? DEFAULT_TOLERANCE).value);
  const [band, setBand] = useState<number>(saved.staticBand?.value ?? 0);
  const [spc, setSpc] = useState<boolean>(saved.spc ?? true);
  const [hasStandard, setHasStandard] = useState<boolean>(standard !== null);
  const [state, setState] = useState<"idle" | "saving" | "saved">("idle");
  const measured = dataset.kind === "indicators" || dataset.kind === "outcomes";

  const save = async () => {
    setState("saving");
    await host.saveDataset(dataset.id, {
      standard: hasStandard ? { expected, counts } : null,
      ...(measured ? { tolerance: { kind: "percent", value: tolerance }, staticBand: { kind: "absolute", value: band }, spc } : {}),
    });
    setState("saved");
    onSaved();
  };

  return (
    <Card className={styles.card}>
      <CardHeader header={<Text weight="semibold">{dataset.sheet}</Text>} description={<Caption1>{KIND_LABEL[dataset.kind]}</Caption1>} />
      <Switch checked={hasStandard} onChange={(_, d) => setHasStandard(d.checked)} label="Report against an expected standard" />
      {hasStandard && (
        <>
          <Field label="Expected standard (%)">
            <SpinButton value={expected} min={0} max={100} onChange={(_, d) => setExpected(Number(d.value ?? d.displayValue ?? expected))} />
          </Field>
          <fieldset className={styles.checks}>
            <legend>Statuses that count towards it</legend>
            {COUNTABLE.map((s) => (
              <Checkbox key={s} label={s} checked={counts.includes(s)} onChange={(_, d) => setCounts(d.checked ? [...counts, s] : counts.filter((x) => x !== s))} />
            ))}
          </fieldset>
        </>
      )}
      {measured && (
        <>
          <Field label="Amber tolerance (% of target)" hint="Default 5%. An explicit threshold column overrides it.">
            <SpinButton value={tolerance} min={0} max={100} step={0.5} onChange={(_, d) => setTolerance(Number(d.value ?? d.displayValue ?? tolerance))} />
          </Field>
          <Field label="Static band for trends" hint="Changes this small or smaller count as Static. Default 0: only an equal value.">
            <SpinButton value={band} min={0} step={0.1} onChange={(_, d) => setBand(Number(d.value ?? d.displayValue ?? band))} />
          </Field>
          <Switch checked={spc} onChange={(_, d) => setSpc(d.checked)} label="Statistical process control for series of 12 points or more" />
        </>
      )}
      <Button onClick={save} disabled={state === "saving"}>{state === "saved" ? "Saved" : "Save settings"}</Button>
    </Card>
  );
}

function RiskSettings({ matrix, host, onSaved }: { matrix: RiskMatrix; host: PaneHost; onSaved: () => void }) {
  const styles = useStyles();
  const [bands, setBands] = useState(matrix.bands.map((b) => ({ ...b })));
  const [likelihood, setLikelihood] = useState(matrix.likelihoodLabels.join(", "));
  const [impact, setImpact] = useState(matrix.impactLabels.join(", "));
  const [state, setState] = useState<"idle" | "saved" | "invalid">("idle");
  const split = (text: string) => text.split(",").map((x) => x.trim()).filter(Boolean);
  const save = async () => {
    const next: RiskMatrix = { ...matrix, bands, likelihoodLabels: split(likelihood), impactLabels: split(impact) };
    // A matrix of another size keeps no per-cell bands from the old one.
    if (next.likelihoodLabels.length !== matrix.likelihoodLabels.length || next.impactLabels.length !== matrix.impactLabels.length) delete next.cellBands;
    if (checkMatrix(next).length) {
      setState("invalid");
      return;
    }
    await host.saveRiskMatrix(next);
    setState("saved");
    onSaved();
  };
  return (
    <Card className={styles.card}>
      <CardHeader header={<Text weight="semibold">Risk matrix</Text>} description={<Caption1>{matrix.likelihoodLabels.length} × {matrix.impactLabels.length}, score = likelihood × impact</Caption1>} />
      <Field label="Likelihood levels, lowest first" hint="Separated by commas; numbers 1 to n are accepted too">
        <Input value={likelihood} onChange={(_, d) => setLikelihood(d.value)} />
      </Field>
      <Field label="Impact levels, lowest first">
        <Input value={impact} onChange={(_, d) => setImpact(d.value)} />
      </Field>
      {bands.map((b, i) => (
        <Field key={b.name} label={`${b.name}: lowest score`}>
          <SpinButton value={b.minScore} min={1} max={matrix.likelihoodLabels.length * matrix.impactLabels.length}
            onChange={(_, d) => setBands(bands.map((x, j) => (j === i ? { ...x, minScore: Number(d.value ?? d.displayValue ?? x.minScore) } : x)))} />
        </Field>
      ))}
      <Button onClick={save}>{state === "saved" ? "Saved" : "Save risk matrix"}</Button>
      {state === "invalid" && <Caption1 role="alert">Each axis needs at least two levels, and each level must start below the one above it.</Caption1>}
    </Card>
  );
}
