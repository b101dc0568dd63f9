import { useState } from "react";
import { Button, Caption1, Card, Dropdown, Field, MessageBar, MessageBarBody, Option, makeStyles, tokens } from "@fluentui/react-components";
import type { DatasetInfo, ColumnInfo } from "../../../workbook/inspect";
import type { Role, WorkbookSettings } from "../../../core";
import type { PaneHost } from "../../host";
import { ROLE_LABEL, ROLES_FOR } from "../../labels";
import { plainError } from "../../messages";
import { withColumn } from "../../mapping-choice";

const useStyles = makeStyles({
  mapping: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  dropdown: { minWidth: "0", width: "100%" },
  option: { display: "flex", flexDirection: "column", minWidth: 0, overflowWrap: "anywhere" },
  samples: { color: tokens.colorNeutralForeground3 },
});

const NONE = "(not in this sheet)";

/** The runner-up column first, so a wrong guess is one click from the likely right one. */
function ordered(d: DatasetInfo, role: Role): ColumnInfo[] {
  const next = d.runnerUp?.[role];
  const first = d.fields.find((f) => f.key === next);
  return first ? [first, ...d.fields.filter((f) => f !== first)] : d.fields;
}

/** How sure the reading is, said only when it is worth a second look. */
function hintFor(d: DatasetInfo, role: Role): string | undefined {
  const score = d.confidenceByRole?.[role];
  if (score === undefined || !d.columns[role]) return undefined;
  if (score >= 0.6) return undefined;
  const next = d.fields.find((f) => f.key === d.runnerUp?.[role]);
  return `Not sure (${Math.round(score * 100)}%): check this column${next ? `; next best is ${next.letter}, '${next.header}'` : ""}.`;
}

/** "C: Likelihood (Residual risk)": the column as the drop-down shows it when chosen. */
const columnName = (f: ColumnInfo) => `${f.letter}: ${f.header}${f.context ? ` (${f.context})` : ""}`;

/** A stable id per field, so focus can go back to the drop-down after a change is saved. */
export const fieldId = (dataset: DatasetInfo, role: Role) => `map-${dataset.id.replace(/[^A-Za-z0-9]+/g, "-")}-${role}`;

export interface MappingProps {
  dataset: DatasetInfo;
  host: PaneHost;
  settings: WorkbookSettings;
  onChanged: (what: string, focusId?: string) => Promise<void>;
}

/**
 * The column used for each field, every choice shown with its letter and
 * first values so the right one is recognisable. A change is saved at once,
 * as a mapping a person chose (it also settles a doubtful reading).
 */
export function Mapping({ dataset, host, settings, onChanged }: MappingProps) {
  const styles = useStyles();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [showAll, setShowAll] = useState(false);
  const confirmed = settings.datasets[dataset.id]?.mapping?.confirmed === true;

  const save = async (columns: Partial<Record<Role, string | null>>, what: string, focusId: string) => {
    setSaving(true);
    setProblem(null);
    try {
      await host.saveDataset(dataset.id, { mapping: { kind: dataset.kind, headerRow: dataset.headerRow, headerText: dataset.headers, columns, confirmed: true } });
      await onChanged(what, focusId);
    } catch (e) {
      setProblem(plainError(e));
      setFocusLater(focusId);
    }
    setSaving(false);
  };
  const choose = (role: Role, key: string) =>
    save(withColumn(dataset.columns, role, key === NONE ? null : key), `the ${ROLE_LABEL[role].toLowerCase()} column of '${dataset.label}' was changed`, fieldId(dataset, role));

  const recognised = Math.round(dataset.confidence * 100);
  // The main fields and every field in use are always shown; the rarer ones wait behind a button.
  const roles = ROLES_FOR[dataset.kind];
  const shownAlways = roles.filter((r, i) => i < 4 || dataset.columns[r]);
  const more = roles.filter((r) => !shownAlways.includes(r));
  return (
    <Card className={styles.mapping}>
      <Caption1>
        Headers in row {dataset.headerRow}; {recognised >= 100 ? "all recognised" : `${recognised}% recognised, so check the columns below`}.
        A change here is saved in the workbook at once.
      </Caption1>
      {(showAll ? roles : shownAlways).map((role) => {
        const chosen = dataset.fields.find((f) => f.key === dataset.columns[role]);
        return (
          <Field key={role} label={ROLE_LABEL[role]} hint={hintFor(dataset, role)}>
            <Dropdown
              id={fieldId(dataset, role)}
              className={styles.dropdown}
              value={chosen ? columnName(chosen) : NONE}
              selectedOptions={[chosen?.key ?? NONE]}
              disabled={saving}
              onOptionSelect={(_, d) => void (d.optionValue && d.optionValue !== (chosen?.key ?? NONE) && choose(role, d.optionValue))}
            >
              <Option value={NONE}>{NONE}</Option>
              {ordered(dataset, role).map((f) => (
                <Option key={f.key} value={f.key} text={columnName(f)}>
                  <span className={styles.option}>
                    <span>{columnName(f)}{f.key === dataset.runnerUp?.[role] ? " — next best" : ""}</span>
                    <Caption1 className={styles.samples}>{f.samples.length ? f.samples.join(", ") : "no values"}</Caption1>
                  </span>
                </Option>
              ))}
            </Dropdown>
          </Field>
        );
      })}
      {more.length > 0 && (
        <Button size="small" appearance="subtle" aria-expanded={showAll} onClick={() => setShowAll(!showAll)}>
          {showAll ? "Show only the fields in use" : `Show ${more.length} more field${more.length === 1 ? "" : "s"} (not found in this sheet)`}
        </Button>
      )}
      {dataset.reading.confidence === "doubtful" && !confirmed && (
        <Button id={`${fieldId(dataset, "title")}-confirm`} disabled={saving}
          onClick={() => void save(dataset.columns, `the columns of '${dataset.label}' were confirmed`, "datasets-title")}>
          These columns are right
        </Button>
      )}
      {problem && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>The change was not saved: {problem}</MessageBarBody>
        </MessageBar>
      )}
    </Card>
  );
}

/** Focus an element once it is enabled again (after the save's re-render). */
function setFocusLater(id: string): void {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}
