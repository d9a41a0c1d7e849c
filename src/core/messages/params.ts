/**
 * Every message code with its params, one interface per area of the engine. A new message is a
 * new key in its area's interface and a text in both of that area's catalogues (vi, en).
 */
import type { FilesParams } from "./files";
import type { OptionsParams } from "./options";
import type { SheetsParams } from "./sheets";
import type { TablesParams } from "./tables";

/** tables: detect, bands, rowKinds, units, unitColumns (a sheet's table, rows, names, cells);
 *  sheets: roles, sheetModel, summarize, sheetChecks, alignUnits, indicatorResults, computeResult;
 *  options: goals, goalPlans, reportDate, the CLI's arguments; files: reading and writing workbooks. */
export interface MessageParams extends TablesParams, SheetsParams, OptionsParams, FilesParams {}
