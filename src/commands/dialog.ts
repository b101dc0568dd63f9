/** The ribbon command's message dialog: shows the text it was opened with; OK tells the command to close it. */
const text = new URLSearchParams(location.search).get("message") ?? "";
(document.getElementById("message") as HTMLElement).textContent = text;
const ok = document.getElementById("ok") as HTMLButtonElement;
ok.focus();
ok.addEventListener("click", () => {
  // Outside Office (opened directly in a browser) there is no parent to tell.
  if (typeof Office !== "undefined" && Office.context?.ui) Office.context.ui.messageParent("close");
  else window.close();
});
