import { useState } from "react";
import { Body1, Button, Caption1, Card, Dropdown, Field, Option, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { PaneView } from "../../pane-results";
import { useAreaSave } from "../use-area-save";
import { ShowMore } from "../ShowMore";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  card: { padding: tokens.spacingHorizontalM, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  dropdown: { minWidth: "0", width: "100%" },
  title: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
});

/** Long data over several areas with none chosen: the choice itself, where the figures are, and a run with it. */
export function AreaChoice({ choice, period, onArea }: { choice: NonNullable<PaneView["areaChoice"]>; period: string | null; onArea: (area: string) => Promise<void> }) {
  const styles = useStyles();
  const [area, setArea] = useState("");
  const { saving, problem, save } = useAreaSave(onArea);
  return (
    <Card className={styles.card}>
      <Text as="h3" className={styles.title}>Choose your area</Text>
      <Body1>
        {choice.label} holds {choice.indicators.toLocaleString("en-GB")} indicator{choice.indicators === 1 ? "" : "s"} for each of {choice.areas.length.toLocaleString("en-GB")} areas,
        so each is counted once per area. Choose your own to see its figures, with the other areas' median and its rank.
      </Body1>
      <Field label="Your area">
        <Dropdown className={styles.dropdown} value={area} selectedOptions={area ? [area] : []} placeholder="Choose an area" onOptionSelect={(_, d) => setArea(d.optionValue ?? "")}>
          {choice.areas.map((a) => <Option key={a} value={a}>{a}</Option>)}
        </Dropdown>
      </Field>
      <div>
        <Button appearance="primary" disabled={!area || saving} onClick={() => void save(area)}>Save and run again</Button>
      </div>
      {period && <Caption1>Saving your area replaces the results stored for {period} (every area's) with your area's; the ones replaced stay in the history.</Caption1>}
      {problem && <Caption1 role="alert">{problem}</Caption1>}
    </Card>
  );
}

/** The council's own area, indicator by indicator: its latest value and trend, the other areas' median, and its rank. */
export function AreaResults({ results }: { results: PaneView["areaResults"][number] }) {
  const styles = useStyles();
  const id = `area-${results.label.replace(/[^A-Za-z0-9]+/g, "-")}`;
  return (
    <section className={styles.section} aria-labelledby={id}>
      <Subtitle2 as="h2" id={id}>{results.area} beside the other areas ({results.label})</Subtitle2>
      <ShowMore items={results.rows} step={20} noun="indicators" render={(r) => (
        <Card key={r.title} className={styles.card}>
          <Text className={styles.title}>{r.title}</Text>
          <Body1>{r.value === null ? "No value" : `${r.value}${r.period ? ` (${r.period})` : ""}`} · {r.trend}{r.status && !["Data only", "No data"].includes(r.status) ? ` · ${r.status}` : ""}</Body1>
          <Caption1>
            {r.median === null ? "No other area has a value to compare with" : `Median of the other areas ${r.median}`}
            {r.rank !== null ? ` · rank ${r.rank} of ${r.areas} (1 = highest value)` : ""}
          </Caption1>
        </Card>
      )} />
    </section>
  );
}
