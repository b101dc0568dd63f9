/* eslint-disable @typescript-eslint/no-require-imports */
/**
 * Builds the task pane and the ribbon's function file into dist/.
 *   npm run build        production (set ADDIN_PUBLIC_URL to where dist/ will be served)
 *   npm run build:test   offline build for tests and file mode: serves the npm copy of office.js
 *   npm start            HTTPS dev server on https://localhost:3000 and sideload into Excel
 */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const webpack = require("webpack");
const { writeFileSync } = require("fs");
const { stampVersion } = require("./scripts/manifest-version");
const { version } = require("./package.json");

/**
 * The ECMAScript level of every script the build emits: the hosts the
 * manifest admits and Microsoft supports — Excel on Windows in WebView2
 * (Chromium, kept current), Excel for Mac in Safari's WKWebView on the
 * macOS versions Office supports, Excel on the web in current browsers —
 * all parse ES2022, which Fluent UI's own dependencies already use (class
 * static blocks). Older hosts (Internet Explorer or Edge Legacy webviews)
 * cannot run the pane at all, and its page says so in plain words.
 * test/browser/bundle.test.ts parses every emitted file at this level.
 */
const ES_LEVEL = "es2022";

const DEV_URL = "https://localhost:3000/";
// Deployed add-ins load office.js from Microsoft's hosted location, as Office expects.
const HOSTED_OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** The manifest with every development URL moved to where dist/ is published, and its origin as the app domain. */
function productionManifest(xml, publicUrl) {
  const base = publicUrl.endsWith("/") ? publicUrl : `${publicUrl}/`;
  const origin = new URL(base).origin;
  return xml.split(DEV_URL).join(base).split("<AppDomain>https://localhost:3000</AppDomain>").join(`<AppDomain>${origin}</AppDomain>`);
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  const offline = Boolean(env.offline);
  // A deployed build must say where it will be served: silently keeping localhost would give councils a manifest that points nowhere.
  if (production && !offline && !process.env.ADDIN_PUBLIC_URL) {
    throw new Error("Set ADDIN_PUBLIC_URL to the https address dist/ will be published at, e.g. ADDIN_PUBLIC_URL=https://addins.example.gov.uk/performance/ npm run build");
  }
  if (process.env.ADDIN_PUBLIC_URL && !/^https:\/\//.test(process.env.ADDIN_PUBLIC_URL)) {
    throw new Error(`ADDIN_PUBLIC_URL must be an https address (Office loads add-ins only over HTTPS), not ${process.env.ADDIN_PUBLIC_URL}`);
  }
  const publicUrl = process.env.ADDIN_PUBLIC_URL || DEV_URL;
  const officeJs = offline ? "office/office.js" : HOSTED_OFFICE_JS;
  const officeOrigin = offline ? "" : " https://appsforoffice.microsoft.com";
  // The pane talks to nothing but its own origin and office.js.
  const csp = [
    "default-src 'self'",
    `script-src 'self'${officeOrigin}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    `connect-src 'self'${officeOrigin}`,
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
  ].join("; ");

  const config = {
    devtool: production ? false : "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      dialog: "./src/commands/dialog.ts",
      selftest: "./src/selftest/index.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].[contenthash:8].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
      // Modern browsers only: lets webpack use globalThis instead of new Function("return this").
      environment: { globalThis: true, arrowFunction: true, const: true },
    },
    // webpack's own runtime code at the same level as ours (TypeScript's target is ES2022 too).
    target: ["web", ES_LEVEL],
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        { test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { configFile: "tsconfig.web.json", transpileOnly: true } } },
        // ExcelJS's and JSZip's bundled setImmediate polyfills turn string callbacks into code with new Function;
        // nothing here passes strings, and the pane's CSP forbids eval, so that branch is replaced.
        { test: /(exceljs|jszip)[\\/]dist[\\/](exceljs|jszip)\.min\.js$/, use: path.resolve(__dirname, "scripts/no-eval-loader.js") },
      ],
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"], officeJs, csp }),
      new HtmlWebpackPlugin({ filename: "commands.html", template: "./src/commands/commands.html", chunks: ["commands"], officeJs, csp }),
      new HtmlWebpackPlugin({ filename: "dialog.html", template: "./src/commands/dialog.html", chunks: ["dialog"], officeJs, csp }),
      new HtmlWebpackPlugin({ filename: "selftest.html", template: "./src/selftest/selftest.html", chunks: ["selftest"], officeJs, csp }),
      // The strict fake is bundled into the self-test page only in the offline test build.
      new webpack.DefinePlugin({ __SELFTEST_FAKE__: JSON.stringify(offline), __APP_VERSION__: JSON.stringify(version) }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/icon-*.png", to: "assets/[name][ext]" },
          // The open screen's "Try the sample workbook".
          { from: "assets/samples/council-performance-q1-2021-22.xlsx", to: "assets/[name][ext]" },
          { from: "src/help/help.html", to: "help.html" },
          // office.js loads its host mapping table from beside itself.
          ...(offline ? ["office.js", "o15apptofilemappingtable.js"].map((f) => ({ from: `node_modules/@microsoft/office-js/dist/${f}`, to: `office/${f}` })) : []),
          {
            from: "manifest.xml",
            to: "manifest.xml",
            // package.json's version, which must rise for a deployment to update; and, for production, the published URLs.
            transform: (content) => {
              const xml = stampVersion(content.toString(), version);
              return production ? productionManifest(xml, publicUrl) : xml;
            },
          },
        ],
      }),
    ],
    devServer: {
      port: 3000,
      headers: { "Access-Control-Allow-Origin": "*" },
      static: { directory: path.resolve(__dirname, "dist") },
      // npm run test:excel: the self-test page inside Excel posts its results here.
      setupMiddlewares: (middlewares, devServer) => {
        devServer.app.post("/selftest-results", (req, res) => {
          let body = "";
          req.on("data", (chunk) => (body += chunk));
          req.on("end", () => {
            if (process.env.SELFTEST_RESULTS) writeFileSync(process.env.SELFTEST_RESULTS, body);
            res.end("ok");
          });
        });
        return middlewares;
      },
    },
  };
  if (argv.mode !== "production" && process.env.WEBPACK_SERVE) {
    // Office requires HTTPS; office-addin-dev-certs makes and trusts a localhost certificate.
    const devCerts = require("office-addin-dev-certs");
    try {
      config.devServer.server = { type: "https", options: await devCerts.getHttpsServerOptions() };
    } catch (e) {
      throw new Error(`Could not install the localhost development certificate (${String(e.message ?? e).split("\n")[0]}). Install it as a user with sudo or admin rights (npx office-addin-dev-certs install), or serve dist/ over HTTPS yourself and sideload manifest.xml by hand.`);
    }
  }
  return config;
};
module.exports.ES_LEVEL = ES_LEVEL;
