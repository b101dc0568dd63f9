import { useId } from "react";
import { Body1, Button, Caption1, Field, Input, Label, MessageBar, MessageBarBody, SpinButton, makeStyles, tokens } from "@fluentui/react-components";
import type { Inspection } from "../../../workbook/inspect";
import { SettingsDraft, describeLevels, matrixDraft, ownMatrix, withOwnLevels } from "../../settings-edit";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  levels: { margin: 0, paddingLeft: 0, listStyle: "none", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  level: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  levelInput: { flexGrow: 1, minWidth: 0 },
  used: { overflowWrap: "anywhere" },
});

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export interface RiskMatrixCardProps {
  inspection: Inspection;
  draft: SettingsDraft;
  /** Why the draft matrix cannot be saved (its labels would not read the register, say), or null. */
  problem: string | null;
  onChange: (d: SettingsDraft) => void;
}

/**
 * The scales and levels each register is scored on, where they came from,
 * and the matrix to edit, which starts from exactly those (never a default
 * the register does not use). "Use the register's own levels" takes a saved
 * matrix away again.
 */
export function RiskMatrixCard({ inspection, draft, problem, onChange }: RiskMatrixCardProps) {
  const styles = useStyles();
  const value = draft.matrix;
  const max = value.likelihood.length * value.impact.length;
  const saved = inspection.settings.riskMatrix !== null;
  const own = ownMatrix(inspection);
  const isOwn = own !== null && same(value, matrixDraft(own)) && (!saved || draft.ownLevels);
  const set = (matrix: SettingsDraft["matrix"]) => onChange({ ...draft, matrix, ownLevels: false });
  return (
    <div className={styles.root}>
      {inspection.datasets.filter((d) => d.risk).map((d) => {
        const r = d.risk!;
        return (
          <Body1 key={d.id} className={styles.used}>
            '{d.label}' is scored on likelihood {r.matrix.likelihoodLabels.length}-point ({r.matrix.likelihoodLabels.join(", ")}) × impact{" "}
            {r.matrix.impactLabels.length}-point ({r.matrix.impactLabels.join(", ")}), with levels from {r.levelsSource}: {describeLevels(r.matrix.bands)}.
          </Body1>
        );
      })}
      {saved && !draft.ownLevels && inspection.datasets.find((d) => d.risk?.own) && (
        <Caption1 className={styles.used}>
          Without the matrix saved here, {inspection.datasets.filter((d) => d.risk?.own).map((d) => `'${d.label}' would use levels from ${d.risk!.own!.levelsSource}: ${describeLevels(d.risk!.own!.matrix.bands)}`).join("; ")}.
        </Caption1>
      )}
      {!isOwn && own && (
        <div>
          <Button onClick={() => onChange(withOwnLevels(inspection, draft))}>Use the register's own levels</Button>
        </div>
      )}
      {draft.ownLevels && saved && <Caption1>Save to stop using the saved matrix: each register is then read on its own scales and levels.</Caption1>}
      <Caption1>
        Edit the matrix below to use your own levels for every register: {value.likelihood.length} × {value.impact.length}, score = likelihood × impact.
        The level names must match what the register writes.
      </Caption1>
      <LevelList title="Likelihood" levels={value.likelihood} onChange={(likelihood) => set({ ...value, likelihood })} />
      <LevelList title="Impact" levels={value.impact} onChange={(impact) => set({ ...value, impact })} />
      <Body1>Risk levels, by lowest score:</Body1>
      {value.bands.map((b, i) => (
        <Field key={b.name} label={`${b.name} from score`}>
          <SpinButton value={b.minScore} min={1} max={max}
            onChange={(_, d) => set({ ...value, bands: value.bands.map((x, j) => (j === i ? { ...x, minScore: d.value ?? (Number(d.displayValue) || x.minScore) } : x)) })} />
        </Field>
      ))}
      {problem && <MessageBar intent="warning" layout="multiline" role="alert"><MessageBarBody>{problem}</MessageBarBody></MessageBar>}
    </div>
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
