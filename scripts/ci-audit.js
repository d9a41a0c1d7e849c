#!/usr/bin/env node
/**
 * `npm audit --omit=dev --audit-level=high` for CI (.ci/run): a high or critical advisory in a
 * production dependency fails the run; an advisory service that cannot be reached (no network, a
 * registry mirror without the audit endpoint) does not, but says so loudly, so that nobody reads
 * a skipped audit as a clean one. Kept out of jest: a test that cannot run is not a test.
 */
"use strict";
const { spawnSync } = require("node:child_process");
const path = require("node:path");

const r = spawnSync("npm", ["audit", "--omit=dev", "--audit-level=high", "--json"], { cwd: path.resolve(__dirname, ".."), encoding: "utf8", timeout: 120000 });

function loud(why) {
  const bar = "!".repeat(78);
  process.stderr.write(
    `${bar}\n!! npm audit DID NOT RUN: ${why}\n!! Run \`npm audit --omit=dev --audit-level=high\` where npm's advisory service is reachable.\n${bar}\n`,
  );
  process.exit(0);
}

if (r.error) loud(`npm could not be run (${r.error.message})`);
let report;
try {
  report = JSON.parse(r.stdout);
} catch {
  loud(`no report (exit ${r.status}): ${(r.stderr || r.stdout).split("\n").find((l) => /error/i.test(l)) ?? "no output"}`);
}
const counts = report && report.metadata && report.metadata.vulnerabilities;
if (!counts) loud(`the advisory service answered without a report: ${report.message ?? (report.error && report.error.summary) ?? `exit ${r.status}`}`);
const high = (counts.high ?? 0) + (counts.critical ?? 0);
if (high > 0) {
  process.stderr.write(`npm audit: ${counts.high ?? 0} high and ${counts.critical ?? 0} critical advisories in production dependencies:\n`);
  for (const [name, v] of Object.entries(report.vulnerabilities ?? {}))
    if (v.severity === "high" || v.severity === "critical") process.stderr.write(`  ${name} (${v.severity}): ${v.range ?? ""}\n`);
  process.exit(1);
}
process.stdout.write(`npm audit: no high or critical advisory in production dependencies (${counts.total ?? 0} advisories of lower severity).\n`);
