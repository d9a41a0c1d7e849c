/**
 * Long tasks on the page's main thread, as the browser reports them (PerformanceObserver,
 * entry type "longtask": any task over 50 ms), recorded from the page's first script on.
 */
import type { Page } from "playwright-core";

export interface LongTask {
  /** ms since the page's time origin (performance.now()). */
  readonly start: number;
  readonly duration: number;
}

/** Record every long task of the pages this page loads from now on (call before goto). */
export async function recordLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: { start: number; duration: number }[]; __longTasksSupported: boolean };
    w.__longTasks = [];
    w.__longTasksSupported = typeof PerformanceObserver === "function" && PerformanceObserver.supportedEntryTypes.includes("longtask");
    if (!w.__longTasksSupported) return;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
  });
}

/** The page's clock (performance.now()). */
export function pageNow(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
}

export async function longTasksSupported(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { __longTasksSupported: boolean }).__longTasksSupported);
}

/** The long tasks that started in [from, to]; the observer reports a task once it ends, so wait a moment after `to`. */
export async function longTasksBetween(page: Page, from: number, to: number): Promise<LongTask[]> {
  await page.waitForTimeout(300);
  const all = await page.evaluate(() => (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks);
  return all.filter((t) => t.start >= from && t.start <= to);
}

/** "at 812 ms: 143 ms" for each task, relative to `from`. */
export function describeTasks(tasks: readonly LongTask[], from: number): string {
  return tasks.map((t) => `+${Math.round(t.start - from)} ms: ${Math.round(t.duration)} ms`).join(", ") || "none";
}
