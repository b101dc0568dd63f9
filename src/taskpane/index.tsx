/**
 * The task pane's single entry. Inside Excel the pane works on the open
 * workbook; without a host (a browser, a council where add-ins are blocked,
 * or office.js unreachable) it offers to open a workbook file, saying why
 * when something went wrong (startup.ts).
 */
import { createRoot, Root } from "react-dom/client";
import { FluentProvider, webLightTheme, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { App } from "./components/App";
import { excelHost } from "./excel";
import type { PaneHost } from "./host";
import { decideStart, hostInfoPresent, READY_TIMEOUT_MS } from "./startup";

declare global {
  interface Window {
    /** Tests inject a host here to observe what the pane asks of Excel. */
    __cpeTestHost?: PaneHost;
  }
}

let root: Root | null = null;

function render(host: PaneHost | null, notice: string | null): void {
  root ??= createRoot(document.getElementById("root") as HTMLElement);
  root.render(
    <FluentProvider theme={webLightTheme}>
      {notice && (
        <MessageBar intent="warning" data-testid="office-notice" style={{ margin: 8 }}>
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      <App key={host?.kind ?? "file"} initialHost={host} />
    </FluentProvider>,
  );
}

const office = typeof Office === "undefined" ? undefined : (Office as unknown as Parameters<typeof decideStart>[0]);
// Opened in a browser tab, Office can have no host to offer: file mode is drawn now, not after office.js's start-up.
const drawnEarly = !window.__cpeTestHost && !hostInfoPresent(window as unknown as Parameters<typeof hostInfoPresent>[0]);
if (drawnEarly) render(null, null);
void decideStart(office, READY_TIMEOUT_MS, () => render(excelHost(), null)).then((start) => {
  if (window.__cpeTestHost) render(window.__cpeTestHost, null);
  else if (start.mode === "excel") render(excelHost(), null);
  else if (!drawnEarly || start.notice) render(null, start.notice);
});
