/**
 * The browser side of the end-to-end tests: Debian's Chromium through playwright-core, the built
 * preview served on localhost, and a record of every request the page makes and every error or
 * Content-Security-Policy violation it reports.
 */
import { Browser, Page, chromium } from "playwright-core";
import { serveStatic, StaticServer } from "../../scripts/serve-preview";
import { CHROMIUM, CHROMIUM_ARGS, DIST } from "./tools";

export interface Session {
  readonly browser: Browser;
  readonly server: StaticServer;
  readonly origin: string;
  /** Every URL the pages requested. */
  readonly requests: string[];
  /** Page errors, console errors and CSP violations. */
  readonly problems: string[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export async function openSession(): Promise<Session> {
  const server = await serveStatic(DIST);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  const origin = new URL(server.url).origin;
  const requests: string[] = [];
  const problems: string[] = [];
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true, locale: "vi-VN", colorScheme: "light" });
  return {
    browser,
    server,
    origin,
    requests,
    problems,
    async newPage() {
      const page = await context.newPage();
      page.on("request", (r) => requests.push(r.url()));
      page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
      page.on("console", (m) => {
        if (m.type() === "error" || /Content Security Policy/i.test(m.text())) problems.push(`console ${m.type()}: ${m.text()}`);
      });
      await page.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`));
      });
      return page;
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Requests to anywhere but the page's own origin (blob: and data: URLs of the page are local). */
export function foreignRequests(s: Session): string[] {
  return s.requests.filter((u) => {
    if (u.startsWith("data:")) return false;
    if (u.startsWith("blob:")) return !u.startsWith(`blob:${s.origin}/`);
    return new URL(u).origin !== s.origin;
  });
}
