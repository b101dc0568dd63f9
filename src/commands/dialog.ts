/**
 * The ribbon command's message dialog: shows the text it was opened with; OK
 * tells the command to close it. "To use the messageParent method, the
 * dialog box must first initialize the Office JavaScript API"
 * (https://learn.microsoft.com/office/dev/add-ins/develop/dialog-api-in-office-add-ins),
 * so OK waits for Office.onReady; outside Office (the page opened in a
 * browser) there is no parent to tell, and OK closes the window.
 */
const text = new URLSearchParams(location.search).get("message") ?? "";
(document.getElementById("message") as HTMLElement).textContent = text;
const ok = document.getElementById("ok") as HTMLButtonElement;
ok.focus();

const inOffice: Promise<boolean> = typeof Office !== "undefined" && typeof Office.onReady === "function"
  ? Office.onReady().then(() => Boolean(Office.context?.ui), () => false)
  : Promise.resolve(false);

ok.addEventListener("click", () => {
  void inOffice.then((office) => {
    if (office) Office.context.ui.messageParent("close");
    else window.close();
  });
});
