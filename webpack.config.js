// Builds dist/ for clasp: one Code.js (ES2019 script, entry points as top-level functions),
// the manifest, and every HTML page. output.clean wipes dist/, so everything clasp pushes is
// emitted here (see shared/reference/toolchain.md).
const path = require("node:path");
const GasPlugin = require("gas-webpack-plugin");
const CopyPlugin = require("copy-webpack-plugin");

module.exports = {
  mode: "production",
  entry: "./src/main.ts",
  target: ["web", "es2019"],
  devtool: false,
  // BADGEDESK_DIST builds elsewhere (the deploy test), so a build never wipes dist/ under other tests.
  output: { path: path.resolve(__dirname, process.env.BADGEDESK_DIST || "dist"), filename: "Code.js", clean: true },
  resolve: { extensions: [".ts", ".js"] },
  module: {
    rules: [{ test: /\.ts$/, loader: "esbuild-loader", options: { loader: "ts", target: "es2019" } }],
  },
  // Readable output: stack traces in the Apps Script log point at real names.
  optimization: { minimize: false },
  performance: { hints: false },
  plugins: [
    new GasPlugin(),
    new CopyPlugin({
      patterns: [{ from: "appsscript.json" }, { from: "src/ui/*.html", to: "[name][ext]", noErrorOnMissing: true }],
    }),
  ],
};
