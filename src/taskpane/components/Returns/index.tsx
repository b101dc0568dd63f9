import { useState } from "react";
import { Body1, Button, Dropdown, Field, MessageBar, MessageBarActions, MessageBarBody, Option, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { Inspection } from "../../../workbook/inspect";
import type { PaneHost } from "../../host";
import { plainError } from "../../messages";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalM },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  dropdown: { minWidth: 0, width: "100%" },
});

const ALL = "Every directorate, and the risk register";

/** Templates for directorate leads, and collecting their returns. */
export interface ReturnsProps {
  host: PaneHost;
  inspection: Inspection;
  running: boolean;
  /** Collecting rewrites the corporate sheets: the workbook is read again and the results so far are out of date. */
  onCollected?: (what: string) => Promise<void>;
}

export function Returns({ host, inspection, running, onCollected }: ReturnsProps) {
  const styles = useStyles();
  const directorates = [...new Set(inspection.datasets.flatMap((d) => d.groups))].sort((a, b) => a.localeCompare(b));
  const [directorate, setDirectorate] = useState(ALL);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ intent: "success" | "error"; text: string; made: boolean } | null>(null);
  const act = async (work: () => Promise<string>, made: boolean) => {
    setBusy(true);
    setMessage(null);
    try {
      const text = await work();
      // collectMessage's own words: "…: 0 changes, 0 new rows" is a collection that wrote nothing.
      if (!made && !/: 0 changes, 0 new rows/.test(text)) await onCollected?.("returns were collected into the corporate sheets");
      setMessage({ intent: "success", text, made });
    } catch (e) {
      setMessage({ intent: "error", text: plainError(e), made: false });
    }
    setBusy(false);
  };
  return (
    <section className={styles.root} aria-labelledby="returns-title">
      <Subtitle2 as="h2" id="returns-title">Directorate returns</Subtitle2>
      <Body1>Make a return sheet for each directorate, with drop-downs and protection, pre-filled with the current data. When they come back, collect them: every change is listed.</Body1>
      <Field label="Directorate">
        <Dropdown className={styles.dropdown} value={directorate} selectedOptions={[directorate]} onOptionSelect={(_, d) => d.optionValue && setDirectorate(d.optionValue)}>
          <Option value={ALL}>{ALL}</Option>
          {directorates.map((d) => <Option key={d} value={d}>{d}</Option>)}
        </Dropdown>
      </Field>
      <div className={styles.buttons}>
        <Button disabled={busy || running} onClick={() => void act(() => host.makeTemplates(directorate === ALL ? null : directorate), true)}>Make templates</Button>
        <Button disabled={busy || running} onClick={() => void act(() => host.collectReturns(), false)}>Collect returns</Button>
      </div>
      <div aria-live="polite">
        {message && (
          <MessageBar intent={message.intent} layout="multiline">
            <MessageBarBody>{message.text}</MessageBarBody>
            {message.made && host.download && (
              <MessageBarActions>
                <Button size="small" onClick={() => void act(async () => {
        await host.download?.();
        return "The workbook with the return sheets was saved for download.";
      }, true)}>Download the workbook with the return sheets</Button>
              </MessageBarActions>
            )}
          </MessageBar>
        )}
      </div>
    </section>
  );
}
