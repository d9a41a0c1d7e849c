/**
 * The ribbon's commands, registered in the shared runtime (manifest <Runtimes>): the FunctionFile is
 * the task pane's page, whose entry loads this module before the pane renders. The ExecuteFunction
 * the manifest names (<FunctionName>recalculate</FunctionName>) is associated at once, not after
 * Office.onReady: a ribbon click that starts the runtime looks for it as soon as the page has loaded.
 * Office globals are read only when the command runs.
 */
import { displayLanguage, showMessage, showTaskpane } from "../services/office";
import { excelWorkbook } from "../services/workbook";
import { uiLangFrom } from "../taskpane/strings";
import { createRecalculateCommand } from "./recalculateCommand";

// No office.js (a network that blocks Microsoft's CDN): the pane's page says so; nothing to register.
if (typeof Office !== "undefined" && Office.actions) {
  Office.actions.associate(
    "recalculate",
    createRecalculateCommand({
      port: excelWorkbook,
      showTaskpane,
      notify: showMessage,
      lang: () => uiLangFrom(displayLanguage()),
    }),
  );
}
