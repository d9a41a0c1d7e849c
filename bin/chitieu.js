#!/usr/bin/env node
// The package's `chitieu` bin: runs the TypeScript CLI through tsx's require hook.
require("tsx/cjs");
require("../src/cli/main.ts").runAsProgram();
