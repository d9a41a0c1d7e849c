/** The task pane page (taskpane.html): wait for Office, then render the pane over Excel's workbook. */
import { createRoot } from "react-dom/client";
import { officeHost, officeReady } from "../services/office";
import { excelWorkbook } from "../services/workbook";
import { PaneRoot } from "./PaneRoot";

const container = document.getElementById("container");
if (container && typeof Office === "undefined") {
  // office.js did not load: most often a network that blocks Microsoft's CDN. Say so, as text.
  container.textContent =
    "Không tải được office.js (mạng có thể chặn appsforoffice.microsoft.com): nhờ bộ phận CNTT build lại add-in với OFFICE_JS=local. " +
    "office.js could not be loaded (the network may block appsforoffice.microsoft.com): ask IT to rebuild the add-in with OFFICE_JS=local.";
} else if (container) {
  officeReady().then(() => {
    createRoot(container).render(<PaneRoot port={excelWorkbook()} host={officeHost()} />);
  });
}
