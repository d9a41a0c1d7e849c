/**
 * The one place that touches the Office globals for the shells (task pane, ribbon commands):
 * waiting for Office.onReady, the display language and theme, activating a sheet, hearing the
 * workbook change, opening the task pane, and showing a message dialog. Components and command
 * logic receive these as plain functions, so they can be tested without Office.
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

/**
 * Tell `changed` whenever the workbook may have changed under the pane, so that it reads the sheets
 * again (services/readCache.ts): a cell edited anywhere (worksheets.onChanged, ExcelApi 1.9), a sheet
 * added or deleted (1.7), renamed or shown / hidden (1.17). Where renames cannot be heard (below
 * 1.17) or the events cannot be registered at all, the pane's window getting the focus back counts
 * as a change: the planner can only have edited the workbook while the pane did not have it. One
 * round trip to register. Our own writes are heard too, which is right: our sheets are new.
 */
export function watchWorkbook(changed: () => void): () => void {
  let stopped = false;
  let remove: (() => Promise<void>) | null = null;
  const onFocus = () => changed();
  const byFocus = () => {
    if (!stopped) window.addEventListener("focus", onFocus);
  };
  const heard = async () => changed();
  Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    const handlers = [sheets.onChanged.add(heard), sheets.onAdded.add(heard), sheets.onDeleted.add(heard)];
    const renames = Office.context.requirements.isSetSupported("ExcelApi", "1.17");
    if (renames) handlers.push(sheets.onNameChanged.add(heard), sheets.onVisibilityChanged.add(heard));
    await context.sync();
    remove = () =>
      Excel.run(context, async (ctx) => {
        for (const h of handlers) h.remove();
        await ctx.sync();
      });
    if (!renames) byFocus();
    if (stopped) void remove().catch(() => undefined);
  }).catch(byFocus);
  return () => {
    stopped = true;
    window.removeEventListener("focus", onFocus);
    void remove?.().catch(() => undefined);
  };
}

/** The pane's host inside Excel. */
export function officeHost(): PaneHost {
  return { displayLanguage: displayLanguage(), theme: officeTheme(), activateSheet, watchWorkbook };
}

/**
 * Open the task pane from a ribbon command. Needs the shared runtime the manifest declares
 * (<Runtimes>, SharedRuntime 1.1, which every ExcelApi 1.12 host has); returns false where Office
 * still cannot, so the caller can tell the user to click "Open panel".
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

/** DialogEventReceived's code when the user closed the dialog (×); the others say its page could not load (12002, 12003 …). */
const DIALOG_CLOSED_BY_USER = 12006;

/**
 * Show a message to the user from a ribbon command (which has no UI of its own): an Office dialog
 * with the text. Resolves when the dialog is gone — its OK (the page's message, then we close it),
 * closed with ×, or a page that could not load — or at once when Office could not show it (then
 * the message goes to the console). The command completes only then: completing while the dialog
 * is open would end the runtime that answers its OK.
 */
export function showMessage(title: string, message: string): Promise<void> {
  return new Promise((resolve) => {
    const unshown = (why: string) => {
      console.error(`Chỉ tiêu: ${title}: ${message} (${why})`);
      resolve();
    };
    try {
      Office.context.ui.displayDialogAsync(dialogUrl(title, message), { height: 30, width: 35, displayInIframe: true }, (result) => {
        if (result.status !== Office.AsyncResultStatus.Succeeded) return unshown(`dialog ${result.error?.code ?? "?"}: ${result.error?.message ?? ""}`);
        const dialog = result.value;
        let over = false;
        const end = (close: boolean) => {
          if (over) return;
          over = true;
          if (close) {
            try {
              dialog.close();
            } catch {
              // Already gone.
            }
          }
          resolve();
        };
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => end(true));
        dialog.addEventHandler(Office.EventType.DialogEventReceived, (arg) => {
          const code = (arg as { error?: number }).error;
          if (code !== DIALOG_CLOSED_BY_USER) console.error(`Chỉ tiêu: ${title}: ${message} (dialog ${code})`);
          end(code !== DIALOG_CLOSED_BY_USER);
        });
      });
    } catch (e) {
      unshown((e as Error)?.message ?? String(e));
    }
  });
}
