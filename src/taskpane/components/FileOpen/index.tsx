import { useRef, useState } from "react";
import { isUserError } from "../../../core/user-error";
import { Body1, Button, Caption1, Field, Link, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { Inspection } from "../../../workbook/inspect";
import type { PaneHost } from "../../host";
import { FileHost, fileHost } from "../../file";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  hidden: { display: "none" },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/** "the file is not an .xlsx workbook" → "The file is not an .xlsx workbook." */
function sentence(text: string): string {
  const t = text.trim();
  return t.charAt(0).toUpperCase() + t.slice(1) + (/[.!?]$/.test(t) ? "" : ".");
}

export interface FileOpenProps {
  onOpened: (host: PaneHost, inspection: Inspection) => void;
}

/** The sample workbook shipped beside the pane (a quarter of a council's real report, made anonymous). */
export const SAMPLE_FILE = "assets/council-performance-q1-2021-22.xlsx";

/**
 * Outside Excel: open an .xlsx and run the same flow on it in the browser.
 * The file is read in a worker, so progress keeps painting and Cancel works
 * however large the workbook is.
 */
export function FileOpen({ onOpened }: FileOpenProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const opening = useRef<FileHost | null>(null);
  const [progress, setProgress] = useState<string | null>(null);
  const [error, setError] = useState<{ file: string; reason: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const open = async (file: { name: string; arrayBuffer: () => Promise<ArrayBuffer> }) => {
    setError(null);
    setNotice(null);
    setProgress(`Reading ${file.name}`);
    let bytes: ArrayBuffer;
    try {
      bytes = await file.arrayBuffer();
    } catch (e) {
      setProgress(null);
      setError({ file: file.name, reason: sentence(`the browser could not read the file (${(e as Error).message})`) });
      return;
    }
    const host = fileHost(file.name, bytes);
    opening.current = host;
    try {
      await host.open(setProgress);
      setProgress("Finding the tables to report on");
      const found = await host.inspect();
      opening.current = null;
      onOpened(host, found);
    } catch (e) {
      const err = e as Error;
      host.close();
      if (opening.current !== host) return;
      opening.current = null;
      setProgress(null);
      if (isUserError(err, "cancelled")) setNotice(`Opening ${file.name} was cancelled.`);
      else setError({ file: file.name, reason: sentence(err.message) });
    } finally {
      if (input.current) input.current.value = "";
    }
  };

  const cancel = () => opening.current?.close();

  const trySample = () => open({
    name: SAMPLE_FILE.split("/").pop() as string,
    arrayBuffer: async () => {
      const res = await fetch(SAMPLE_FILE);
      if (!res.ok) throw new Error(`the page could not fetch it: HTTP ${res.status}`);
      return res.arrayBuffer();
    },
  });

  return (
    <section className={styles.root} aria-labelledby="open-title">
      <Subtitle2 as="h2" id="open-title" tabIndex={-1}>Open a workbook file</Subtitle2>
      <Body1>
        Excel is not connected, so this page works on a copy of your workbook. Choose the .xlsx file; it stays on this
        computer and you download the summarised copy at the end.
      </Body1>
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label="Workbook file"
        data-testid="file-input"
        onChange={(e) => void (e.target.files?.[0] && open(e.target.files[0]))}
      />
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={() => input.current?.click()} disabled={progress !== null}>
          Open a workbook file
        </Button>
        {progress !== null && <Button onClick={cancel}>Cancel</Button>}
      </div>
      <Body1>
        No workbook to hand? <Link as="button" onClick={() => void trySample()} disabled={progress !== null}>Try the sample workbook</Link>: a council's quarter of
        indicators, outcomes, priorities and risks.
      </Body1>
      <div aria-live="polite">
        {progress !== null && (
          <Field validationMessage={`${progress}…`} validationState="none">
            <ProgressBar thickness="large" aria-label={progress} />
          </Field>
        )}
        {notice && <Body1>{notice}</Body1>}
      </div>
      {error && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{error.file} cannot be used</MessageBarTitle>
            {error.reason} Choose another file.
          </MessageBarBody>
        </MessageBar>
      )}
      <Caption1>Inside Excel, open this pane from Home › Performance report instead.</Caption1>
    </section>
  );
}
