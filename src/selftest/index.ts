/**
 * The self-test page `npm run test:excel` opens inside Excel (sideloaded
 * into a scratch workbook): the capability checks and the adapter's own
 * checks against the real API, shown on the page and posted back to the
 * dev server, which writes the result file. In the test build, `?fake=1`
 * runs the same page against the strict fake, so the harness itself is
 * proven in Chromium.
 */
import { runDiagnostics, reportText, Check } from "../workbook/office/diagnostics";
import { runAdapterChecks } from "../workbook/office/adapter-checks";
import { detectCapabilities } from "../workbook/office/capabilities";

declare const __SELFTEST_FAKE__: boolean;

type Run = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;
interface Env { platform: string; version: string; isSetSupported: (set: string, v: string) => boolean }

const params = new URLSearchParams(location.search);

async function environment(): Promise<{ run: Run; env: Env }> {
  if (__SELFTEST_FAKE__ && params.get("fake") === "1") {
    const { fakeEnvironment } = await import("../../test/excel/fake-environment");
    return fakeEnvironment();
  }
  await Office.onReady();
  return {
    run: (batch) => Excel.run(batch),
    env: {
      platform: String(Office.context.diagnostics?.platform ?? "unknown"),
      version: Office.context.diagnostics?.version ?? "unknown",
      isSetSupported: (set, v) => Office.context.requirements.isSetSupported(set, v),
    },
  };
}

async function main(): Promise<void> {
  const status = document.getElementById("status") as HTMLElement;
  const out = document.getElementById("report") as HTMLElement;
  let result: { passed: boolean; text: string; report?: unknown; adapter?: Check[] };
  try {
    const { run, env } = await environment();
    const report = await runDiagnostics(run, env);
    const caps = detectCapabilities(env.isSetSupported);
    const adapter = "tooOld" in caps ? [] : await runAdapterChecks(run, caps);
    const all = [...report.checks, ...adapter];
    const text = `${reportText({ ...report, checks: all })}`;
    result = { passed: all.every((c) => c.passed), text, report, adapter };
  } catch (e) {
    result = { passed: false, text: `The self-test could not run: ${(e as Error).message}` };
  }
  status.textContent = result.passed ? "All checks passed." : "Some checks failed.";
  out.textContent = result.text;
  (window as unknown as { __selftest: unknown }).__selftest = result;
  if (params.get("report") === "1") await fetch("selftest-results", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(result) });
}

void main();
