/**
 * The message dialog a ribbon command opens: title and text from the query string, set as text
 * (never markup), and an OK button that asks the command to close it.
 */
function show(): void {
  const q = new URLSearchParams(window.location.search);
  const title = document.getElementById("title");
  const message = document.getElementById("message");
  const close = document.getElementById("close");
  if (title) title.textContent = q.get("title") ?? "Chỉ tiêu";
  if (message) message.textContent = q.get("message") ?? "";
  document.title = q.get("title") ?? "Chỉ tiêu";
  close?.addEventListener("click", () => {
    try {
      Office.context.ui.messageParent("close");
    } catch {
      window.close();
    }
  });
  close?.focus();
}

if (typeof Office !== "undefined") Office.onReady(show);
else show();
