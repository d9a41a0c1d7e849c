/**
 * Builds the add-in (task pane with the ribbon's commands, message dialog) and the standalone browser
 * preview, after Microsoft's Office add-in template: one HTML page per entry, assets and the
 * manifest copied, an HTTPS dev server on localhost:3000 with office-addin-dev-certs.
 *
 * Configuration (environment):
 *   ADDIN_URL=https://host/path/   production URL the manifest's localhost URLs are rewritten to
 *                                  (default: package.json config.addin_url)
 *   OFFICE_JS=local                serve office.js from the add-in's own origin (the copy in
 *                                  @microsoft/office-js) instead of Microsoft's CDN. That copy
 *                                  does not update itself: rebuild to pick up fixes.
 */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const pkg = require("./package.json");

const URL_DEV = "https://localhost:3000/";
const OFFICE_CDN = "https://appsforoffice.microsoft.com";
const OFFICE_JS_CDN = `${OFFICE_CDN}/lib/1/hosted/office.js`;

async function getHttpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  const o = await devCerts.getHttpsServerOptions();
  return { ca: o.ca, key: o.key, cert: o.cert };
}

/** The deployment URL, with a trailing slash. */
function productionUrl() {
  const url = process.env.ADDIN_URL || (pkg.config && pkg.config.addin_url) || "";
  if (!/^https:\/\//.test(url)) {
    throw new Error(`ADDIN_URL must be an https:// URL (got "${url}"). Set ADDIN_URL=https://your.server/chitieu/ or package.json config.addin_url.`);
  }
  return url.endsWith("/") ? url : url + "/";
}

/** Content-Security-Policy of the add-in pages: own origin, plus Microsoft's CDN for office.js. */
function addinCsp(localOfficeJs) {
  const cdn = localOfficeJs ? "" : ` ${OFFICE_CDN}`;
  return [
    "default-src 'self'",
    `script-src 'self'${cdn}`,
    // Fluent UI (Griffel) inserts its CSS at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self'${cdn}`,
    `frame-src 'self'${cdn}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

/** The preview's policy: nothing but its own origin (blob: for the Download link). */
const PREVIEW_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  // The worker that reads and computes the workbook (preview-worker.js).
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join("; ");

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const localOfficeJs = process.env.OFFICE_JS === "local";
  const officeJs = localOfficeJs ? "office-js/office.js" : OFFICE_JS_CDN;
  const csp = addinCsp(localOfficeJs);
  const prodUrl = dev ? URL_DEV : productionUrl();

  const page = (name, chunks, title, extra = {}) =>
    new HtmlWebpackPlugin({
      filename: `${name}.html`,
      template: `./src/${extra.dir || name}/${name}.html`,
      chunks,
      title,
      officeJs,
      csp: extra.csp || csp,
      scriptLoading: "defer",
    });

  const copies = [
    { from: "assets/*", to: "assets/[name][ext]" },
    { from: "samples/hau-giang-2022.xlsx", to: "samples/hau-giang-2022.xlsx" },
    {
      from: "manifest*.xml",
      to: "[name][ext]",
      transform(content) {
        if (dev) return content;
        const origin = new URL(prodUrl).origin;
        return content.toString().split(URL_DEV).join(prodUrl).split(URL_DEV.slice(0, -1)).join(origin);
      },
    },
  ];
  if (localOfficeJs) {
    copies.push({
      from: "node_modules/@microsoft/office-js/dist",
      to: "office-js",
      globOptions: { ignore: ["**/*.debug.js", "**/*.map"] },
      // Already minified by Microsoft: copy as is (minifying 30 MB would take minutes).
      info: { minimized: true },
    });
  }

  return {
    // Never an eval-based source map: the pages' CSP forbids eval.
    devtool: "source-map",
    // What the hosts the manifest admits run (ExcelApi 1.12: WebView2, Safari's WKWebView, current
    // browsers): ES2020, as tsconfig's target. test/manifest.test.ts fails when the two disagree.
    target: ["web", "es2020"],
    entry: {
      // The shared runtime's one page (manifest <Runtimes>): the ribbon's commands are registered
      // first, then the pane renders; the FunctionFile is this page too.
      taskpane: ["./src/commands/commands.ts", "./src/taskpane/index.tsx"],
      dialog: "./src/commands/dialog.ts",
      preview: "./src/preview/index.tsx",
      // The preview's worker (reads, computes and writes the workbook off the page's thread). A
      // worker loads its chunks (exceljs) with importScripts, not with <script> tags. A plain
      // entry rather than `new Worker(new URL(…, import.meta.url))`: import.meta does not compile
      // under the module "commonjs" that tsc and jest use.
      "preview-worker": { import: "./src/preview/preview.worker.ts", chunkLoading: "import-scripts" },
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: "chunks/[name].[contenthash:8].js",
      // Chunks load relative to the page (every page sits at the root of dist/). An "auto" public
      // path would make webpack find its global object with new Function, which the CSP forbids.
      publicPath: "",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      alias: {
        // exceljs's browser build (bundles its own Node polyfills); only the preview loads it.
        exceljs$: path.resolve(__dirname, "node_modules/exceljs/dist/exceljs.min.js"),
      },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true, // `npm test` type-checks
              // ES modules so webpack can tree-shake and split at import().
              compilerOptions: { module: "esnext", moduleResolution: "node", sourceMap: true },
            },
          },
        },
      ],
      // exceljs's prebuilt bundle needs no parsing for require() calls.
      noParse: /exceljs[\\/]dist[\\/]exceljs\.min\.js$/,
    },
    plugins: [
      page("taskpane", ["taskpane"], "Chỉ tiêu"),
      page("dialog", ["dialog"], "Chỉ tiêu", { dir: "commands" }),
      page("preview", ["preview"], "Chỉ tiêu — preview", { csp: PREVIEW_CSP }),
      new CopyWebpackPlugin({ patterns: copies }),
    ],
    // No `global` shim: webpack's falls back to new Function("return this"), which the CSP
    // forbids. The only user (Griffel) reads `global` only where there is no window.
    node: { global: false },
    performance: {
      // The preview carries exceljs (~1 MB); the task pane's own budget is checked by the tests.
      hints: false,
    },
    devServer: {
      headers: { "Access-Control-Allow-Origin": "*" },
      server: {
        type: "https",
        options: env.WEBPACK_BUILD || options.https !== undefined ? options.https : await getHttpsOptions(),
      },
      port: process.env.npm_package_config_dev_server_port || 3000,
    },
  };
};
