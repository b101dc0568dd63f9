import { useRef, useState } from "react";
import { Body1, Button, Caption1, MessageBar, MessageBarBody, Spinner, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { PaneHost } from "../../host";
import { fileHost } from "../../file";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  hidden: { display: "none" },
});

export interface FileOpenProps {
  onOpened: (host: PaneHost) => void;
  onLocate: (sheet: string, cell: string) => void;
}

/** Outside Excel: open an .xlsx and run the same flow on it in the browser. */
export function FileOpen({ onOpened, onLocate }: FileOpenProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const open = async (file: File) => {
    setBusy(true);
    setError(null);
    try {
      onOpened(await fileHost(file.name, await file.arrayBuffer(), onLocate));
    } catch (e) {
      setError(`${file.name} cannot be used: ${(e as Error).message}`);
      setBusy(false);
    }
  };

  return (
    <section className={styles.root} aria-labelledby="open-title">
      <Subtitle2 as="h2" id="open-title">Open a workbook file</Subtitle2>
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
        onChange={(e) => e.target.files?.[0] && open(e.target.files[0])}
      />
      <Button appearance="primary" onClick={() => input.current?.click()} disabled={busy}>
        Open a workbook file
      </Button>
      {busy && <Spinner size="small" label="Opening…" />}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <Caption1>Inside Excel, open this pane from Home › Performance report instead.</Caption1>
    </section>
  );
}
