/**
 * What the task pane's tests share: a host, the pane's controls found by role or test id, and
 * waits for the pane's work that end well before the test does (test/helpers/timeouts.ts), so a
 * slow machine fails with the element that did not come, not with jest's generic timeout.
 */
import { screen } from "@testing-library/react";
import { PaneHost } from "../../src/services/host";
import { waitTimeout } from "./timeouts";

/** A Vietnamese, light-themed host that records the sheets the pane activates. */
export function paneHost(over: Partial<PaneHost> = {}): PaneHost & { activated: string[] } {
  const activated: string[] = [];
  return { displayLanguage: "vi-VN", theme: "light", activateSheet: async (n) => void activated.push(n), activated, ...over };
}

/** Options for waitFor and findBy*: a third of the project's test timeout. */
export const paneWait = (): { timeout: number } => ({ timeout: waitTimeout() });

/** The detection view, once the pane has read the workbook. */
export const detected = (): Promise<HTMLElement> => screen.findByTestId("detection", undefined, paneWait());

/** The results, once a recalculation has finished. */
export const results = (): Promise<HTMLElement> => screen.findByTestId("results", undefined, paneWait());

/** The Recalculate button, by its name in the pane's language. */
export const recalcButton = (name: RegExp = /Tính lại/): HTMLElement => screen.getByRole("button", { name });

/** The sheet picker for a role ("targets", "actuals", "base", …). */
export function picker(role: string): HTMLSelectElement {
  const el = document.querySelector(`select[data-role="${role}"]`);
  if (!el) throw new Error(`no picker for ${role}`);
  return el as HTMLSelectElement;
}
