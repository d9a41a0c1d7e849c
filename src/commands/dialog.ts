/**
 * The message dialog a ribbon command opens: title and text from the query string, set as text
 * (never markup), and an OK button (or Escape) that asks the command to close it: the command's
 * handler closes the dialog and only then completes (services/office.ts showMessage).
 */
function show(): void {
  const q = new URLSearchParams(window.location.search);
  const title = document.getElementById("title");
  const message = document.getElementById("message");
  const close = document.getElementById("close");
  if (title) title.textContent = q.get("title") ?? "Chỉ tiêu";
  if (message) message.textContent = q.get("message") ?? "";
  document.title = q.get("title") ?? "Chỉ tiêu";
  const ok = () => {
    try {
      Office.context.ui.messageParent("close");
    } catch {
      window.close();
    }
  };
  close?.addEventListener("click", ok);
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape") ok();
  });
  close?.focus();
}

if (typeof Office !== "undefined") Office.onReady(show);
else show();
