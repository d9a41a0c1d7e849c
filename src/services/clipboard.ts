/**
 * Putting text on the clipboard from the task pane or the preview: the async clipboard API where
 * the frame may use it, else a hidden text area and execCommand. Components call this; they do not
 * touch `navigator` or `document` themselves.
 */

/** Copy `text`; resolves to whether it worked (an add-in frame may deny the clipboard). */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (typeof navigator !== "undefined" && navigator.clipboard && typeof navigator.clipboard.writeText === "function") {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Denied (an add-in frame without clipboard permission): fall back below.
  }
  if (typeof document === "undefined") return false;
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.top = "-1000px";
  area.style.opacity = "0";
  document.body.appendChild(area);
  try {
    area.select();
    return typeof document.execCommand === "function" ? document.execCommand("copy") : false;
  } catch {
    return false;
  } finally {
    document.body.removeChild(area);
  }
}
