import { useCallback, useEffect, useRef, useState } from "react";
import { Body1, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Tab, TabList, Title3 } from "@fluentui/react-components";
import type { Inspection } from "../../../workbook/inspect";
import type { PaneHost, RunOutcome } from "../../host";
import { useAppStyles } from "./styles";
import { FileOpen } from "../FileOpen";
import { WorkbookStep } from "../WorkbookStep";
import { SettingsStep } from "../SettingsStep";
import { RunStep, RunState } from "../RunStep";
import { Results } from "../Results";
import { Returns } from "../Returns";
import { Diagnostics } from "../Diagnostics";

type Step = "workbook" | "settings" | "run" | "results";

export interface AppProps {
  /** The Excel host, or null to start by opening a file. */
  initialHost: PaneHost | null;
}

/** The quarter's flow: workbook → settings → run → results. */
export function App({ initialHost }: AppProps) {
  const styles = useAppStyles();
  const [host, setHost] = useState<PaneHost | null>(initialHost);
  const [inspection, setInspection] = useState<Inspection | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [step, setStep] = useState<Step>("workbook");
  const [period, setPeriod] = useState<string>("");
  const [run, setRun] = useState<RunState>({ kind: "idle" });
  const [outcome, setOutcome] = useState<RunOutcome | null>(null);
  const [located, setLocated] = useState<string | null>(null);
  const cancelled = useRef(false);

  const inspect = useCallback(async (h: PaneHost) => {
    setError(null);
    try {
      const found = await h.inspect();
      setInspection(found);
      setPeriod((p) => p || found.period || "");
    } catch (e) {
      setError((e as Error).message);
    }
  }, []);

  useEffect(() => {
    if (host) void inspect(host);
  }, [host, inspect]);

  const start = async (formatSource: boolean) => {
    if (!host) return;
    cancelled.current = false;
    setRun({ kind: "running", step: "Starting", fraction: 0 });
    try {
      const result = await host.run(
        { period: period.trim() || null, formatSource },
        (s, fraction) => setRun({ kind: "running", step: s, fraction }),
        () => cancelled.current,
      );
      setOutcome(result);
      setRun({ kind: "done", sheets: result.json.outputSheets.length, issues: result.json.issues.length });
      setStep("results");
    } catch (e) {
      const err = e as Error;
      setRun(err.name === "CancelledError" ? { kind: "cancelled" } : { kind: "failed", message: err.message });
    }
  };

  if (!host) {
    return (
      <div className={styles.root}>
        <Header title="Council Performance" subtitle="Quarterly performance report" />
        <div className={styles.body}>
          <FileOpen onOpened={(h) => setHost(h)} onLocate={(sheet, cell) => setLocated(`${sheet}!${cell}`)} />
        </div>
      </div>
    );
  }

  return (
    <div className={styles.root}>
      <Header title="Council Performance" subtitle={host.title} />
      <TabList className={styles.tabs} selectedValue={step} onTabSelect={(_, d) => setStep(d.value as Step)} aria-label="Steps">
        <Tab value="workbook">Workbook</Tab>
        <Tab value="settings" disabled={!inspection}>Settings</Tab>
        <Tab value="run" disabled={!inspection}>Run</Tab>
        <Tab value="results" disabled={!outcome}>Results</Tab>
      </TabList>
      <main className={styles.body}>
        {error && (
          <MessageBar intent="error">
            <MessageBarBody>
              <MessageBarTitle>The workbook could not be read</MessageBarTitle>
              {error}
            </MessageBarBody>
          </MessageBar>
        )}
        {!inspection && !error && <Spinner label="Reading the workbook…" />}
        {inspection && step === "workbook" && (
          <WorkbookStep inspection={inspection} period={period} onPeriod={setPeriod} host={host} onChanged={() => inspect(host)} onNext={() => setStep("run")} />
        )}
        {inspection && step === "settings" && <SettingsStep inspection={inspection} host={host} onSaved={() => inspect(host)} />}
        {inspection && step === "run" && (
          <>
            <RunStep state={run} period={period} datasets={inspection.datasets.length} onRun={start} onCancel={() => (cancelled.current = true)} />
            <Returns host={host} />
          </>
        )}
        {outcome && step === "results" && (
          <Results view={outcome.view} host={host} located={located} onLocated={setLocated} />
        )}
        {host.diagnose && step === "workbook" && <Diagnostics run={host.diagnose} />}
      </main>
    </div>
  );
}

function Header({ title, subtitle }: { title: string; subtitle: string }) {
  const styles = useAppStyles();
  return (
    <header className={styles.header}>
      <Title3 as="h1">{title}</Title3>
      <Body1 className={styles.subtitle}>{subtitle}</Body1>
    </header>
  );
}
