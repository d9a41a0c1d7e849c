/**
 * Every message code with its params, one interface per area of the engine. A new message is a
 * new key in its area's interface and a text in both of that area's catalogues (vi, en).
 */
import type { CrosswalkParams } from "./crosswalk";
import type { FilesParams } from "./files";
import type { HistoryParams } from "./history";
import type { OptionsParams } from "./options";
import type { PaceParams } from "./pace";
import type { SheetsParams } from "./sheets";
import type { TablesParams } from "./tables";

/** tables: detect, bands, rowKinds, units, unitColumns (a sheet's table, rows, names, cells);
 *  sheets: roles, sheetModel, summarize, sheetChecks, alignUnits, indicatorResults, computeResult;
 *  options: goals, goalPlans, reportDate, the CLI's arguments; files: reading and writing workbooks;
 *  crosswalk: the table of old to new units across the July 2025 merger (crosswalk.ts). */
export interface MessageParams extends TablesParams, SheetsParams, OptionsParams, FilesParams, CrosswalkParams, HistoryParams, PaceParams {}
