#!/usr/bin/env node
// The package's `chitieu` bin: runs the CLI built by `npm install` (scripts/build-cli.js →
// dist-cli/chitieu.js), with stack traces pointing at src/ through its source map.
"use strict";
const path = require("node:path");
const fs = require("node:fs");

const built = path.join(__dirname, "..", "dist-cli", "chitieu.js");
if (!fs.existsSync(built)) {
  process.stderr.write("chitieu: the CLI is not built (dist-cli/chitieu.js is missing): run `npm run build:cli` (npm install does it).\n");
  process.exit(1);
}
process.setSourceMapsEnabled(true);
require(built).runAsProgram();
