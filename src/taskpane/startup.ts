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

interface PageLike {
  location: { search: string };
  name: string;
  external?: unknown;
  sessionStorage?: { getItem(key: string): string | null };
  agaveHost?: unknown;
}

/**
 * Whether the page carries the host information Office gives an add-in.
 * office.js finds its host in exactly these places (office.debug.js,
 * `_retrieveHostInfo`): a host bridge (`window.external.GetHostInfo`, or
 * `agaveHost` on a Mac), the `_host_Info` query parameter, `hostInfo` in
 * `window.name`, or `hostInfoValue` in session storage. With none of them,
 * Office.onReady can only resolve with no host, so the pane can draw file
 * mode at once instead of waiting for office.js to load its tables; inside
 * Office it still waits for Office.onReady before drawing
 * (https://learn.microsoft.com/office/dev/add-ins/develop/initialize-add-in).
 */
export function hostInfoPresent(page: PageLike): boolean {
  try {
    const external = page.external as { GetHostInfo?: unknown } | undefined;
    if (typeof external?.GetHostInfo === "function" || page.agaveHost !== undefined) return true;
    if (/[?&]_host_Info=/i.test(page.location.search)) return true;
    if (page.sessionStorage?.getItem("hostInfoValue")) return true;
    if (page.name && /"hostInfo"/.test(page.name)) return true;
  } catch {
    // A page that cannot even be asked (storage blocked, say) is treated as hosted: it waits for Office.
    return true;
  }
  return false;
}
