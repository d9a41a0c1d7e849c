#!/usr/bin/env node
// The package's `chitieu` bin: runs the TypeScript CLI through tsx's require hook.
require("tsx/cjs");
const { main } = require("../src/cli/main.ts");
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
