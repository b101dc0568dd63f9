import { Suspense, lazy, useCallback, useEffect, useRef, useState } from "react";
import { isUserError } from "../../../core/user-error";
import { Button, Spinner, Tab, TabList, Text } from "@fluentui/react-components";
import type { Inspection } from "../../../workbook/inspect";
import type { PaneHost, RunOutcome } from "../../host";
import { SettingsDraft, changesToSave, isDirty } from "../../settings-edit";
import { plainError } from "../../messages";
import { useAppStyles } from "./styles";
import { FileOpen } from "../FileOpen";
import type { RunState } from "../RunStep";
import { ErrorNotice } from "../ErrorNotice";

// The steps load after the first screen has painted (and are fetched at once in the background).
const steps = {
  workbook: () => import(/* webpackChunkName: "steps" */ "../WorkbookStep"),
  settings: () => import(/* webpackChunkName: "steps" */ "../SettingsStep"),
  run: () => import(/* webpackChunkName: "steps" */ "../RunStep"),
  returns: () => import(/* webpackChunkName: "steps" */ "../Returns"),
  results: () => import(/* webpackChunkName: "steps" */ "../Results"),
  help: () => import(/* webpackChunkName: "steps" */ "../Help"),
  leave: () => import(/* webpackChunkName: "steps" */ "../LeaveDialog"),
  diagnostics: () => import(/* webpackChunkName: "steps" */ "../Diagnostics"),
};
const WorkbookStep = lazy(() => steps.workbook().then((m) => ({ default: m.WorkbookStep })));
const SettingsStep = lazy(() => steps.settings().then((m) => ({ default: m.SettingsStep })));
const RunStep = lazy(() => steps.run().then((m) => ({ default: m.RunStep })));
const Returns = lazy(() => steps.returns().then((m) => ({ default: m.Returns })));
const Results = lazy(() => steps.results().then((m) => ({ default: m.Results })));
const Help = lazy(() => steps.help().then((m) => ({ default: m.Help })));
const LeaveDialog = lazy(() => steps.leave().then((m) => ({ default: m.LeaveDialog })));
const Diagnostics = lazy(() => steps.diagnostics().then((m) => ({ default: m.Diagnostics })));

type Step = "workbook" | "settings" | "run" | "results" | "help";

/** The heading each step opens with; focus moves there when the pane changes step by itself. */
const HEADING: Record<Step, string> = {
  workbook: "datasets-title",
  settings: "settings-title",
  run: "run-title",
  results: "headlines-title",
  help: "help-title",
};

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
  const [draft, setDraft] = useState<SettingsDraft | null>(null);
  const [leaving, setLeaving] = useState<Step | "open" | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [focus, setFocus] = useState<{ id: string } | null>(null);
  // What changed since the results were worked out: any entry makes them (and the download) out of date.
  const [changes, setChanges] = useState<string[]>([]);
  const [ranWith, setRanWith] = useState<{ period: string; changes: number } | null>(null);
  const cancelled = useRef(false);
  const lastRun = useRef(false);
  // How many changes there have been, read when a run starts (a save and a run can follow each other in one handler).
  const changeCount = useRef(0);

  const dirty = inspection !== null && isDirty(inspection, draft);
  const hasData = (inspection?.datasets.length ?? 0) > 0;
  const stale = outcome && ranWith ? staleReasons(changes.slice(ranWith.changes), ranWith.period, period) : [];

  const inspect = useCallback(async (h: PaneHost): Promise<boolean> => {
    setError(null);
    try {
      const found = await h.inspect();
      setInspection(found);
      setPeriod((p) => p || found.period || "");
      return true;
    } catch (e) {
      setError(plainError(e));
      setFocus({ id: "error-notice" });
      return false;
    }
  }, []);

  /** A change was saved in the workbook: read it again, and the results so far are out of date. */
  const changed = useCallback(async (what: string, focusId?: string) => {
    changeCount.current++;
    setChanges((c) => [...c, what]);
    if (host) await inspect(host);
    if (focusId) setFocus({ id: focusId });
  }, [host, inspect]);

  useEffect(() => {
    if (host && !inspection) void inspect(host);
  }, [host, inspection, inspect]);

  useEffect(() => {
    const preload = setTimeout(() => Object.values(steps).forEach((load) => void load()), 0);
    return () => clearTimeout(preload);
  }, []);

  // Focus the step's heading once it is on screen (a step may still be loading).
  useEffect(() => {
    if (!focus) return;
    let frame = 0;
    let tries = 0;
    const attempt = () => {
      const el = document.getElementById(focus.id);
      if (el) el.focus();
      else if (tries++ < 120) frame = requestAnimationFrame(attempt);
    };
    attempt();
    return () => cancelAnimationFrame(frame);
  }, [focus]);

  // Closing the page (file mode) or the pane with unsaved settings asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const go = (next: Step) => {
    setStep(next);
    setFocus({ id: HEADING[next] });
  };
  // A step chosen from the tabs keeps focus on its tab; one the pane moves to by itself (after a dialog) takes its heading.
  const moveTo = (next: Step | "open", byTab: boolean) => {
    if (next === "open") openAnother();
    else if (byTab) setStep(next);
    else go(next);
  };

  const opened = (h: PaneHost, found: Inspection) => {
    setHost(h);
    setInspection(found);
    setPeriod(found.period ?? "");
    setAnnouncement(`${h.title} opened: ${found.datasets.length} table${found.datasets.length === 1 ? "" : "s"} to report on.`);
    go("workbook");
  };

  const openAnother = () => {
    host?.close?.();
    setHost(null);
    setInspection(null);
    setOutcome(null);
    setDraft(null);
    setRun({ kind: "idle" });
    setPeriod("");
    setChanges([]);
    changeCount.current = 0;
    setRanWith(null);
    setError(null);
    setStep("workbook");
    setFocus({ id: "open-title" });
  };

  /** Leave Settings (or the file) only after the user decides what happens to unsaved edits. */
  const request = (next: Step | "open") => {
    if (dirty && next !== "settings") return setLeaving(next);
    moveTo(next, true);
  };

  const [settingsError, setSettingsError] = useState<string | null>(null);
  const saveSettings = async () => {
    setSettingsError(null);
    if (!host || !inspection || !draft) return;
    const { datasets, matrix } = changesToSave(inspection, draft);
    await host.saveSettings(datasets, matrix);
    setDraft(null);
    await changed(matrix === null ? "the register's own risk levels were put back" : "settings were saved");
  };

  const chooseArea = async (area: string) => {
    if (!host) return;
    await host.saveSettings({}, undefined, area);
    await changed(area ? `your area was set to ${area}` : "your area was cleared");
  };

  /** Run with the period and changes as they stand; true when the results are up to date. */
  const start = async (formatSource: boolean, replaceHistory = false): Promise<boolean> => {
    if (!host) return false;
    cancelled.current = false;
    lastRun.current = formatSource;
    setRun({ kind: "running", step: "Starting", fraction: 0 });
    setAnnouncement("");
    const asked = { period: period.trim(), changes: changeCount.current };
    try {
      const result = await host.run(
        { period: asked.period || null, formatSource, replaceHistory },
        (s, fraction) => setRun({ kind: "running", step: s, fraction }),
        () => cancelled.current,
      );
      setOutcome(result);
      setRanWith(asked);
      setRun({ kind: "done", sheets: result.sheets, issues: result.issues });
      setAnnouncement(`Results ready: ${result.sheets} summary sheets written, ${result.issues} data issue${result.issues === 1 ? "" : "s"}.`);
      go("results");
      return true;
    } catch (e) {
      const err = e as Error;
      const cancelledRun = isUserError(err, "cancelled");
      setRun(cancelledRun ? { kind: "cancelled" } : { kind: "failed", message: plainError(err) });
      setFocus({ id: cancelledRun ? "run-button" : "error-notice" });
      return false;
    }
  };

  /** The download is always of up-to-date results: out of date, it runs again first. */
  const download = async () => {
    if (!host?.download) return;
    if (stale.length && !(await start(lastRun.current))) return;
    await host.download();
  };

  const cancel = () => {
    cancelled.current = true;
    host?.cancel?.();
  };

  const announcer = (
    <div className={styles.announce} aria-live="polite" role="status">
      {announcement}
    </div>
  );

  if (!host) {
    return (
      <div className={styles.root}>
        <header className={styles.header}>
          <Text as="h1" weight="semibold" size={300} className={styles.title}>
            Council Performance
          </Text>
        </header>
        <main className={styles.body}>
          <FileOpen onOpened={opened} />
        </main>
        {announcer}
      </div>
    );
  }

  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <Text as="h1" weight="semibold" size={300} className={styles.title} title={host.title}>
          {host.kind === "file" ? host.title : "Performance report"}
        </Text>
        <div className={styles.actions}>
          <Button size="small" appearance="subtle" className={styles.help} aria-pressed={step === "help"} onClick={() => (step === "help" ? setStep("workbook") : request("help"))}>
            Help
          </Button>
          {host.kind === "file" && (
            <Button size="small" onClick={() => request("open")} disabled={run.kind === "running"}>
              Open another file
            </Button>
          )}
        </div>
      </header>
      <TabList className={styles.tabs} size="small" selectedValue={step} onTabSelect={(_, d) => request(d.value as Step)} aria-label="Steps">
        <Tab value="workbook">Workbook</Tab>
        <Tab value="settings" disabled={!hasData}>
          Settings
        </Tab>
        <Tab value="run" disabled={!hasData}>
          Run
        </Tab>
        <Tab value="results" disabled={!outcome}>
          Results
        </Tab>
      </TabList>
      <main className={styles.body}>
        <Suspense fallback={<Spinner size="small" label="Loading…" />}>
          {error && (
            <ErrorNotice
              title="The workbook could not be read"
              message={error}
              onRetry={() => void inspect(host).then((ok) => ok && setFocus({ id: HEADING.workbook }))}
              onOpenAnother={host.kind === "file" ? () => request("open") : undefined}
            />
          )}
          {!inspection && !error && <Spinner label="Reading the workbook…" />}
          {step === "help" && <Help />}
          {step === "help" && host.diagnose && <Diagnostics run={host.diagnose} />}
          {inspection && step === "workbook" && (
            <WorkbookStep
              inspection={inspection}
              period={period}
              onPeriod={setPeriod}
              host={host}
              onChanged={changed}
              onArea={chooseArea}
              onRecheck={() => void inspect(host)}
              onNext={() => (dirty ? request("run") : go("run"))}
              onOpenAnother={host.kind === "file" ? () => request("open") : undefined}
            />
          )}
          {inspection && hasData && step === "settings" && (
            <SettingsStep inspection={inspection} draft={draft} onDraft={setDraft} dirty={dirty} onSave={saveSettings} error={settingsError} />
          )}
          {inspection && hasData && step === "run" && (
            <>
              <RunStep state={run} period={period} inspection={inspection} stale={stale.length > 0} onRun={(formatSource) => void start(formatSource)}
                onRetry={() => void start(lastRun.current)} onCancel={cancel} onChoosePeriod={() => go("workbook")} inExcel={host.kind === "excel"} />
              {inspection.datasets.some((d) => d.kind !== "indicators" && d.kind !== "outcomes") && <Returns host={host} inspection={inspection} running={run.kind === "running"} onCollected={changed} />}
            </>
          )}
          {outcome && step === "results" && (
            <Results view={outcome.view} host={host} stale={stale} running={run.kind === "running"} onDownload={host.download ? download : undefined}
              onRerun={(replaceHistory) => void start(lastRun.current, replaceHistory)} onWorkbook={() => go("workbook")}
              onArea={async (area) => {
                await chooseArea(area);
                // The run that asked for the area stored every area's series for the period: the area's replace them, as the card says.
                await start(lastRun.current, true);
              }} />
          )}
        </Suspense>
      </main>
      {announcer}
      {leaving !== null && (
        <Suspense fallback={null}>
          <LeaveDialog
            open={leaving !== null}
            onSave={() => {
              const to = leaving;
              setLeaving(null);
              // A save that fails keeps the user on Settings, where the edits are and the reason is shown.
              saveSettings().then(() => {
                if (to) moveTo(to, false);
              }, (e: unknown) => {
                setStep("settings");
                setSettingsError(plainError(e));
              });
            }}
            onDiscard={() => {
              const to = leaving;
              setLeaving(null);
              setDraft(null);
              if (to) moveTo(to, false);
            }}
            onStay={() => {
              setLeaving(null);
              setFocus({ id: "settings-title" });
            }}
          />
        </Suspense>
      )}
    </div>
  );
}

/** Why results are out of date, in words: each change saved since the run, and a period other than the one run. */
function staleReasons(since: string[], ranPeriod: string, period: string): string[] {
  const out = [...new Set(since)];
  if (period.trim().toLowerCase() !== ranPeriod.toLowerCase()) {
    out.push(period.trim() ? `the reporting period was changed to ${period.trim()}` : "the reporting period was cleared");
  }
  return out;
}
