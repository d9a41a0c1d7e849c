/**
 * The ribbon's function file (commands.html): registers the ExecuteFunction named in the
 * manifest (<FunctionName>recalculate</FunctionName>) once Office is ready.
 */
import { displayLanguage, officeReady, showMessage, showTaskpane } from "../services/office";
import { excelWorkbook } from "../services/workbook";
import { uiLangFrom } from "../taskpane/strings";
import { createRecalculateCommand } from "./recalculateCommand";

officeReady().then(() => {
  const recalculate = createRecalculateCommand({
    port: excelWorkbook,
    showTaskpane,
    notify: showMessage,
    lang: () => uiLangFrom(displayLanguage()),
  });
  Office.actions.associate("recalculate", recalculate);
});
