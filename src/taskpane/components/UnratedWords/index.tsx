import { useState } from "react";
import { Body1, Button, Caption1, Card, Dropdown, Field, Option, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { Status } from "../../../core";
import type { PaneHost } from "../../host";
import type { UnratedEntry } from "../../pane-results";
import { ShowMore } from "../ShowMore";
import { plainError } from "../../messages";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  card: { padding: tokens.spacingHorizontalM, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  dropdown: { minWidth: "0", width: "100%" },
});

/** What a word can be mapped to: the statuses a person types. */
const CHOICES: Status[] = ["Green", "Amber", "Red", "Complete", "In progress", "Not started"];
const LEAVE = "Leave not rated";

export interface UnratedWordsProps {
  entries: UnratedEntry[];
  host: PaneHost;
  /** After saving, run again so the words count. */
  onSaved: () => void;
}

/**
 * Status words the add-in does not know, each counted as "not rated" until
 * the user says once what it means; the choice is saved in the workbook with
 * the dataset's vocabulary and used on every later run.
 */
export function UnratedWords({ entries, host, onSaved }: UnratedWordsProps) {
  const styles = useStyles();
  if (entries.length === 0) return null;
  return (
    <section className={styles.root} aria-labelledby="unrated-title">
      <Subtitle2 as="h2" id="unrated-title">Words not yet rated</Subtitle2>
      <Body1>These status words were counted as "not rated", so no standard can be met while they stand. Say once what each means.</Body1>
      {entries.map((e) => <WordsCard key={e.id} entry={e} host={host} onSaved={onSaved} />)}
    </section>
  );
}

function WordsCard({ entry, host, onSaved }: { entry: UnratedEntry; host: PaneHost; onSaved: () => void }) {
  const styles = useStyles();
  const [choice, setChoice] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const chosen = Object.entries(choice).filter(([, s]) => s !== LEAVE);
  const [saveError, setSaveError] = useState<string | null>(null);
  const save = async () => {
    setSaving(true);
    setSaveError(null);
    const labels = { ...entry.labels };
    for (const [word, status] of chosen) labels[word.toLowerCase()] = status as Status;
    try {
      await host.saveDataset(entry.id, { statusLabels: labels });
      onSaved();
    } catch (e) {
      setSaveError(`Not saved: ${plainError(e)}`);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card className={styles.card}>
      <Caption1><strong>{entry.label}</strong></Caption1>
      {/* The commonest words first, a page at a time: a column of free text can hold thousands. */}
      <ShowMore items={entry.words} total={entry.wordsTotal} step={20} noun="words" render={({ word, count }) => (
        <Field key={word} label={`'${word}' (${count} row${count === 1 ? "" : "s"}) means`}>
          <Dropdown
            className={styles.dropdown}
            value={choice[word] ?? LEAVE}
            selectedOptions={[choice[word] ?? LEAVE]}
            onOptionSelect={(_, d) => d.optionValue && setChoice({ ...choice, [word]: d.optionValue })}
          >
            <Option value={LEAVE}>{LEAVE}</Option>
            {CHOICES.map((s) => <Option key={s} value={s}>{s}</Option>)}
          </Dropdown>
        </Field>
      )} />
      <Button appearance="primary" disabled={saving || chosen.length === 0} onClick={() => void save()}>Save and run again</Button>
      {saveError && <Caption1 role="alert">{saveError}</Caption1>}
    </Card>
  );
}
