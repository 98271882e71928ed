// One lint config for the whole repository (kernels, workers, renderer, main, cli, bench, e2e).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Scorer modules with no Node in them, which the app's scoring worker imports (workers/scoring):
// the app scores and writes "Export scorer" bundles with exactly the code `tourney export` and the
// bundle's server.js run (model.onnx export, the checked model loader, the server's input checks,
// the bundle's files). Held to the kernels' rule: no Node built-ins, and none of the scorer's Node
// parts (the http server, esbuild, onnxruntime-node, file reading).
const SCORER_PURE = [
  'scorer/model-files.ts', 'scorer/model-onnx.ts', 'scorer/load-model.ts', 'scorer/input-table.ts', 'scorer/limits.ts',
  'scorer/openapi.ts', 'scorer/model-card.ts', 'scorer/server/monitoring.ts', 'scorer/server/predictions-json.ts',
  'scorer/bundle/bundle-files.ts', 'scorer/bundle/bundle-readme.ts', 'scorer/bundle/deploy-files.ts', 'scorer/bundle/package-lock.ts',
];
const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'worker_threads', 'child_process'];

export default tseslint.config(
  // assembly/ is AssemblyScript (its own types and decorators), compiled by scripts/build-wasm.js.
  { ignores: ['node_modules/', 'dist/', 'out/', 'coverage/', 'test-results/', 'playwright-report/', 'bench/.data/', 'models/', '**/*.cjs', 'assembly/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.object.name=/^(it|test|describe)$/][callee.property.name=/^(only|skip)$/]", message: 'No focused or skipped tests.' }],
    },
  },
  {
    // Plain-JS entry points and scripts run on Node.
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' },
    },
  },
  {
    // Layering: kernels are pure (no DOM-specific app code, no Node built-ins).
    files: ['kernels/**/*.ts'],
    ignores: ['kernels/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: NODE_BUILTINS, message: 'kernels/ must not use Node built-ins.' },
        { group: ['**/shared/**', '**/workers/**', '**/renderer/**', '**/cli/**', '**/main/**', '**/scorer/**'], message: 'kernels/ must not import upper layers.' },
      ] }],
    },
  },
  {
    // What the UI and the workers both use (messages, formats): kernels and nothing above.
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: NODE_BUILTINS, message: 'shared/ runs in the browser too: no Node built-ins.' },
        { group: ['**/workers/**', '**/renderer/**', '**/cli/**', '**/main/**', '**/scorer/**'], message: 'shared/ may import only kernels/.' },
      ] }],
    },
  },
  {
    files: ['workers/**/*.ts'],
    ignores: ['workers/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/renderer/**', '**/cli/**', '**/main/**'], message: 'workers/ may import only kernels/, shared/ and the pure scorer modules (SCORER_PURE).' },
        { regex: `/scorer/(?!(${SCORER_PURE.map((f) => f.slice('scorer/'.length, -'.ts'.length)).join('|')})$)`, message: 'workers/ may import only kernels/, shared/ and the pure scorer modules (SCORER_PURE).' },
      ] }],
    },
  },
  {
    // The exported microservice and its bundler: kernels (bundled in) and Node, nothing of the app or the CLI.
    files: ['scorer/**/*.ts'],
    ignores: ['scorer/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/workers/**', '**/renderer/**', '**/cli/**', '**/main/**'], message: 'scorer/ may import only kernels/.' },
      ] }],
    },
  },
  {
    files: SCORER_PURE,
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: NODE_BUILTINS, message: 'a pure scorer module (SCORER_PURE) must not use Node built-ins: the app\'s scoring worker imports it.' },
        { group: ['**/workers/**', '**/renderer/**', '**/cli/**', '**/main/**'], message: 'scorer/ may import only kernels/.' },
        { group: ['esbuild', 'prom-client', 'onnxruntime-node', '**/engine', '**/onnx-engine', '**/server/app', '**/server/run', '**/server/main', '**/read-model-dir', '**/prediction-log', '**/server/metrics', '**/write-bundle', '**/app-assets', '../app', './app', './run', './main', './metrics'], message: 'a pure scorer module (SCORER_PURE) must not import the scorer\'s Node parts.' },
      ] }],
    },
  },
  {
    // The UI: kernels, shared/, the workers it starts (and their message types), main/'s IPC contracts.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/cli/**', '**/scorer/**'], message: 'renderer/ must not import the CLI or the scorer.' },
        { group: ['**/main/**', '!**/main/ipc-contract', '!**/main/preload-api'], message: 'renderer/ may import only main/ipc-contract and main/preload-api of main/.' },
      ] }],
    },
  },
  {
    // The CLI runs kernels on worker_threads and drives the scorer's bundler; never the app.
    files: ['cli/**/*.ts'],
    ignores: ['cli/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/renderer/**', '**/main/**'], message: 'cli/ may import kernels/, shared/, workers/ and scorer/ only.' },
      ] }],
    },
  },
  {
    files: ['main/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/renderer/**'], message: 'main/ must not import renderer/.' }] }],
    },
  },
);
