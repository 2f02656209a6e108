/**
 * Builds the task pane into dist/: taskpane.html, its bundles, the engine's Web Worker, the icons,
 * the manifest and a local copy of Office.js; and standalone.html, the pane over .xlsx/.csv files
 * in any browser (no Office.js).
 *
 *   npm run build        production build
 *   npm run dev-server   https://localhost:3000 (http if dev certificates cannot be installed)
 *
 * Office.js is served from our own origin (copied from @microsoft/office-js) instead of Microsoft's
 * CDN: the pane then makes no network request of its own beyond its origin; only Office itself
 * talks to Microsoft. (Store submission would require the CDN tag; see src/taskpane/taskpane.html.)
 */
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { EsbuildPlugin } = require('esbuild-loader');

/**
 * The oldest browsers that host the pane: Office 2019 and some Microsoft 365 builds on Windows use
 * Edge Legacy (EdgeHTML 18), Excel on Mac uses Safari (14 and later). EdgeHTML 18 has no optional
 * chaining, nullish coalescing or object spread, so every emitted script (our code, the vendor
 * chunk from node_modules, the engine worker and webpack's own runtime) is lowered to these
 * engines: esbuild for our sources and, as the minimizer, for every output chunk (object
 * rest/spread, async iteration and the regex `s` flag become ES2017); webpack's runtime through
 * `target`. esbuild cannot lower regular-expression lookbehind, named groups or `\p{…}` (it
 * only moves them into `new RegExp`, which then throws at run time): none may be written
 * (src/engine/unicode-classes.ts holds \p{L}/\p{N} as ranges). test/e2e/es2018.test.ts walks
 * each emitted script's syntax tree for all of these. (Internet Explorer is told it is not
 * supported, taskpane.html.)
 */
// safari14.1, not 14: esbuild refuses to emit destructuring for Safari 14.0, whose engine
// miscompiles some of it (evanw/esbuild#4436, babel/babel#17773) and which it cannot lower.
const BROWSER_TARGETS = ['edge18', 'safari14.1'];

const DEV_PORT = 3000;
const OFFICE_JS_DIST = path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');

/**
 * TypeScript through esbuild: types are checked by `npm run typecheck`, the build only strips them.
 * ES modules are left to webpack, so `new Worker(new URL(..., import.meta.url))` and lazy imports split.
 */
const esbuildOptions = {
  loader: 'tsx',
  jsx: 'automatic',
  target: BROWSER_TARGETS,
  // …but leave `import.meta` to webpack: it turns `new Worker(new URL(…, import.meta.url))` into the
  // worker bundle; lowered to ES2017, esbuild would replace it with {} and the worker would be lost.
  supported: { 'import-meta': true },
};

/**
 * Office.js loads its host-specific script (excel-win32-16.01.js, excel-web-16.00.js, …), its
 * strings for the display language and a file map from the folder office.js came from, so all of
 * those travel with it. Debug builds and other hosts' files stay behind.
 */
const officeJsCopies = [
  'office.js',
  'o15apptofilemappingtable.js',
  'excel-*.js',
  'excelwebapp-*.js',
  '*/office_strings.js',
  'telemetry/oteljs_agave.js',
].map((pattern) => ({
  from: pattern,
  context: OFFICE_JS_DIST,
  to: 'office-js/',
  globOptions: { ignore: ['**/*.debug.js'] },
  // Microsoft ships these minified; minifying 9 MB again would only slow the build.
  info: { minimized: true },
}));

/** HTTPS options for the dev server, or null when certificates cannot be installed here. */
async function devServerHttps() {
  try {
    const devCerts = require('office-addin-dev-certs');
    return await devCerts.getHttpsServerOptions();
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    console.warn(
      [
        '',
        `[recon] Developer certificates could not be installed: ${reason}`,
        `[recon] Serving over plain http://localhost:${DEV_PORT} instead. Excel only loads add-ins over https:`,
        '[recon] run `npx office-addin-dev-certs install` with administrator rights, then `npm start` again.',
        '',
      ].join('\n'),
    );
    return null;
  }
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode !== 'development';
  const serving = Boolean(env.WEBPACK_SERVE);
  const https = serving ? await devServerHttps() : null;

  return {
    mode: production ? 'production' : 'development',
    // webpack's runtime code in ES2017 at most (EdgeHTML 18 and Safari 14 run it).
    target: ['web', 'es2017'],
    devtool: production ? 'source-map' : 'eval-cheap-module-source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      // The same pane on a page of its own, over .xlsx/.csv files (no Office.js, no Excel).
      standalone: './src/standalone/index.tsx',
    },
    output: {
      path: path.join(__dirname, 'dist'),
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      clean: true,
    },
    resolve: {
      extensions: ['.tsx', '.ts', '.js'],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: 'esbuild-loader', options: esbuildOptions },
        },
      ],
    },
    optimization: {
      // esbuild minifies every emitted chunk and lowers it to BROWSER_TARGETS (the vendor chunk is
      // not transpiled by the loader; Terser would leave its modern syntax as it is).
      minimizer: [new EsbuildPlugin({ target: BROWSER_TARGETS, css: false })],
      splitChunks: {
        chunks: 'all',
        cacheGroups: {
          // React and Fluent change rarely: their own chunk stays cached across our releases.
          vendor: {
            test: /[\\/]node_modules[\\/]/,
            name: 'vendor',
            // The task pane's only: the standalone page's libraries must not weigh on the pane in Excel.
            chunks: (chunk) => chunk.name === 'taskpane',
            priority: -10,
          },
        },
      },
    },
    performance: {
      hints: production ? 'warning' : false,
      // The initial bundle (pane + React + Fluent) is checked by scripts/bundle-size.mjs; the engine
      // worker and Office.js copies are loaded separately.
      maxEntrypointSize: 1024 * 1024,
      maxAssetSize: 1024 * 1024,
      assetFilter: (file) => file.endsWith('.js') && !file.startsWith('office-js/'),
    },
    plugins: [
      new HtmlWebpackPlugin({
        template: './src/taskpane/taskpane.html',
        filename: 'taskpane.html',
        chunks: ['taskpane'],
        scriptLoading: 'defer',
      }),
      new HtmlWebpackPlugin({
        template: './src/standalone/standalone.html',
        filename: 'standalone.html',
        chunks: ['standalone'],
        scriptLoading: 'defer',
        // A Content-Security-Policy that allows only the page's own origin (see the template).
        strictPolicy: production,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          { from: 'manifest.xml', to: 'manifest.xml' },
          ...officeJsCopies,
        ],
      }),
    ],
    devServer: {
      port: DEV_PORT,
      host: 'localhost',
      server: https ? { type: 'https', options: https } : { type: 'http' },
      // Office loads the pane in an iframe from another origin (Excel on the web).
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: false,
      hot: false,
      liveReload: true,
      client: { overlay: { errors: true, warnings: false } },
    },
  };
};
