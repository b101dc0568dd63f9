import { useState } from "react";
import { Body1, Button, Field, MessageBar, MessageBarBody, Spinner, Subtitle2, Textarea } from "@fluentui/react-components";
import { useDiagnosticsStyles } from "./styles";

/**
 * Diagnostics: runs the capability checks in this copy of Excel (on a
 * temporary sheet it removes) and shows a report to copy into an email to
 * support. `run` resolves to the report text.
 */
export function Diagnostics({ run }: { run: () => Promise<string> }) {
  const styles = useDiagnosticsStyles();
  const [state, setState] = useState<{ kind: "idle" } | { kind: "running" } | { kind: "done"; report: string } | { kind: "failed"; message: string }>({ kind: "idle" });
  const [copied, setCopied] = useState(false);
  const start = async () => {
    setState({ kind: "running" });
    setCopied(false);
    try {
      setState({ kind: "done", report: await run() });
    } catch (e) {
      setState({ kind: "failed", message: (e as Error).message });
    }
  };
  const copy = async (report: string) => {
    try {
      await navigator.clipboard.writeText(report);
      setCopied(true);
    } catch {
      // The clipboard can be refused (permissions, an unfocused page): the report stays on screen to select and copy.
      setCopied(false);
      setState({ kind: "done", report: `Copying was refused by the browser: select the report below and copy it.\n\n${report}` });
    }
  };
  return (
    <section className={styles.root} aria-labelledby="diagnostics-title">
      <Subtitle2 as="h2" id="diagnostics-title">Diagnostics</Subtitle2>
      <Body1>Checks what this copy of Excel supports, on a temporary sheet that is removed afterwards. Send the report to your support contact if something does not work.</Body1>
      <div className={styles.buttons}>
        <Button onClick={() => void start()} disabled={state.kind === "running"}>Run diagnostics</Button>
        {state.kind === "done" && <Button onClick={() => void copy(state.report)}>{copied ? "Copied" : "Copy report"}</Button>}
      </div>
      {state.kind === "running" && <Spinner size="small" label="Checking Excel…" />}
      {state.kind === "failed" && (
        <MessageBar intent="error">
          <MessageBarBody>{state.message}</MessageBarBody>
        </MessageBar>
      )}
      {state.kind === "done" && (
        <Field label="Diagnostics report">
          <Textarea className={styles.report} value={state.report} readOnly resize="vertical" />
        </Field>
      )}
    </section>
  );
}
