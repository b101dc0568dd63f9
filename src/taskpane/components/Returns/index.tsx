import { useState } from "react";
import { Body1, Button, Field, Input, MessageBar, MessageBarBody, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { PaneHost } from "../../host";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalM },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/** Templates for directorate leads, and collecting their returns. */
export function Returns({ host }: { host: PaneHost }) {
  const styles = useStyles();
  const [directorate, setDirectorate] = useState("");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ intent: "success" | "error"; text: string } | null>(null);
  const act = async (work: () => Promise<string>) => {
    setBusy(true);
    setMessage(null);
    try {
      setMessage({ intent: "success", text: await work() });
    } catch (e) {
      setMessage({ intent: "error", text: (e as Error).message });
    }
    setBusy(false);
  };
  return (
    <section className={styles.root} aria-labelledby="returns-title">
      <Subtitle2 as="h2" id="returns-title">Directorate returns</Subtitle2>
      <Body1>Make a return sheet for each directorate, with drop-downs and protection, pre-filled with the current data. When they come back, collect them: every change is listed.</Body1>
      <Field label="Directorate" hint="Leave blank for every directorate and the risk register">
        <Input value={directorate} onChange={(_, d) => setDirectorate(d.value)} />
      </Field>
      <div className={styles.buttons}>
        <Button disabled={busy} onClick={() => act(() => host.makeTemplates(directorate.trim() || null))}>Make templates</Button>
        <Button disabled={busy} onClick={() => act(() => host.collectReturns())}>Collect returns</Button>
      </div>
      <div aria-live="polite">
        {message && <MessageBar intent={message.intent}><MessageBarBody>{message.text}</MessageBarBody></MessageBar>}
      </div>
    </section>
  );
}
