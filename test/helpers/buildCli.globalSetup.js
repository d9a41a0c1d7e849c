/**
 * Before the suites that run the `chitieu` program (bin/chitieu.js runs dist-cli/chitieu.js): build
 * it if a source is newer, so that they test today's code, not the bundle `npm install` made.
 */
module.exports = async function buildCliIfStale() {
  require("../../scripts/build-cli.js").buildCli();
};
