/**
 * The one place that touches the Office globals for the shells (task pane, ribbon commands):
 * waiting for Office.onReady, the display language and theme, activating a sheet, opening the
 * task pane, and showing a message dialog. Components and command logic receive these as plain
 * functions, so they can be tested without Office.
 */
import { PaneHost, themeFromBackground } from "./host";

/** Resolves when Office.js is ready in this page. */
export function officeReady(): Promise<Office.HostType | null> {
  return Office.onReady().then((info) => info.host ?? null);
}

/** Office's display language ("vi-VN", "en-US"); Vietnamese where Office cannot say. */
export function displayLanguage(): string {
  try {
    return Office.context.displayLanguage || "vi-VN";
  } catch {
    return "vi-VN";
  }
}

function officeTheme(): PaneHost["theme"] {
  try {
    return themeFromBackground(Office.context.officeTheme?.bodyBackgroundColor);
  } catch {
    return "light";
  }
}

export async function activateSheet(name: string): Promise<void> {
  await Excel.run(async (context) => {
    context.workbook.worksheets.getItem(name).activate();
    await context.sync();
  });
}

/** The pane's host inside Excel. */
export function officeHost(): PaneHost {
  return { displayLanguage: displayLanguage(), theme: officeTheme(), activateSheet };
}

/**
 * Open the task pane from a ribbon command. Needs the shared runtime (SharedRuntime 1.1); returns
 * false where Office cannot do it, so the caller can tell the user to click "Open panel".
 */
export async function showTaskpane(): Promise<boolean> {
  const addin = (Office as unknown as { addin?: { showAsTaskpane?: () => Promise<void> } }).addin;
  if (!addin?.showAsTaskpane) return false;
  try {
    await addin.showAsTaskpane();
    return true;
  } catch {
    return false;
  }
}

/** The dialog page's address, next to this page. */
function dialogUrl(title: string, message: string): string {
  const base = new URL("dialog.html", window.location.href);
  base.searchParams.set("title", title.slice(0, 200));
  base.searchParams.set("message", message.slice(0, 1500));
  return base.toString();
}

/**
 * Show a message to the user from a ribbon command (which has no UI of its own): an Office
 * dialog with the text; resolves when it is shown (or could not be).
 */
export function showMessage(title: string, message: string): Promise<void> {
  return new Promise((resolve) => {
    try {
      Office.context.ui.displayDialogAsync(dialogUrl(title, message), { height: 30, width: 35, displayInIframe: true }, (result) => {
        if (result.status === Office.AsyncResultStatus.Succeeded) {
          const dialog = result.value;
          dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => dialog.close());
        } else {
          console.error(`Chỉ tiêu: ${title}: ${message}`);
        }
        resolve();
      });
    } catch {
      console.error(`Chỉ tiêu: ${title}: ${message}`);
      resolve();
    }
  });
}
