/**
 * The task pane's single entry: Office.onReady decides the host. Inside
 * Excel the pane works on the open workbook; without a host (a browser, or a
 * council where add-ins are blocked) it offers to open a workbook file.
 */
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "./components/App";
import { excelHost } from "./excel";
import type { PaneHost } from "./host";

declare global {
  interface Window {
    /** Tests inject a host here to observe what the pane asks of Excel. */
    __cpeTestHost?: PaneHost;
  }
}

function start(host: PaneHost | null): void {
  const root = createRoot(document.getElementById("root") as HTMLElement);
  root.render(
    <FluentProvider theme={webLightTheme}>
      <App initialHost={host} />
    </FluentProvider>,
  );
}

Office.onReady((info) => {
  if (window.__cpeTestHost) start(window.__cpeTestHost);
  else start(info.host === Office.HostType.Excel ? excelHost() : null);
});
