/**
 * How the pane starts: inside Excel, on the open workbook; otherwise in file
 * mode. office.js comes from Microsoft's CDN, as deployed add-ins must load
 * it, so a blocked network, a proxy or being offline can leave it missing
 * ("Office is not defined"), and an Office.onReady that never answers would
 * leave a blank page. Both end in file mode with a plain message.
 */
export type Start =
  | { mode: "excel" }
  | { mode: "file"; notice: string | null };

/** Long enough for a slow Excel to answer; if Excel answers later still, the pane switches to it. */
export const READY_TIMEOUT_MS = 10_000;

export const OFFICE_MISSING =
  "Microsoft's Office library (office.js) could not be loaded, so this page cannot reach Excel. " +
  "You can still open a workbook file below. In Excel, check that the network or proxy allows appsforoffice.microsoft.com, then reopen the pane.";

export const OFFICE_SILENT =
  "Excel did not answer, so the pane has opened in file mode. If you are in Excel, close and reopen the pane; meanwhile you can open a workbook file below.";

interface OfficeLike {
  onReady?: () => Promise<{ host: unknown }>;
  HostType?: { Excel: unknown };
}

/**
 * Decide the mode. `onLateExcel` is called if Excel answers after the
 * timeout has already put the pane in file mode.
 */
export async function decideStart(office: OfficeLike | undefined, timeoutMs: number, onLateExcel: () => void): Promise<Start> {
  if (!office || typeof office.onReady !== "function") return { mode: "file", notice: OFFICE_MISSING };
  const excel = office.HostType?.Excel ?? "Excel";
  let timedOut = false;
  const ready = office.onReady().then((info) => {
    const isExcel = info.host === excel;
    if (timedOut && isExcel) onLateExcel();
    return isExcel;
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => {
      timedOut = true;
      resolve("timeout");
    }, timeoutMs);
  });
  const first = await Promise.race([ready, timeout]);
  clearTimeout(timer);
  if (first === "timeout") return { mode: "file", notice: OFFICE_SILENT };
  // No host (a browser opening taskpane.html): file mode is what was asked for, without a warning.
  return first ? { mode: "excel" } : { mode: "file", notice: null };
}
