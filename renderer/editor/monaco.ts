// Monaco from the local package (never a CDN) with its workers bundled by Vite. Loaded lazily
// by the first editor, so the workbench opens before Monaco's few megabytes are parsed.
import * as monaco from 'monaco-editor';
import { loader } from '@monaco-editor/react';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TypeScriptWorker from 'monaco-editor/language/typescript/ts.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    if (label === 'typescript' || label === 'javascript') return new TypeScriptWorker();
    if (label === 'json') return new JsonWorker();
    return new EditorWorker();
  },
};

loader.config({ monaco });

const ts = monaco.typescript;

// Cells are scripts sharing one global scope (as in the runner), so names from earlier cells
// are known; redeclaring and top-level await are fine in a notebook.
ts.typescriptDefaults.setCompilerOptions({
  target: ts.ScriptTarget.ES2020,
  lib: ['es2023', 'webworker'],
  allowNonTsExtensions: true,
  strict: false,
  noImplicitAny: false,
});
ts.typescriptDefaults.setDiagnosticsOptions({
  noSemanticValidation: false,
  noSyntaxValidation: false,
  // top-level await outside a module, redeclared names across cells, return outside a function
  diagnosticCodesToIgnore: [1375, 1378, 2451, 2300, 2393, 1108, 2792, 2307, 80001, 80005, 80006, 7043, 7044],
});

const RUNNER_GLOBALS = `
/** Arquero: table verbs (filter, derive, groupby, rollup, join, ...). */
declare const aq: any;
/** Arquero operations for expressions: op.mean, op.count, op.sum, ... */
declare const op: any;
/** Every loaded table by its name, as arquero tables. */
declare const tables: Record<string, any>;
/** Shows a value below the cell: tables as HTML tables, other values as text. */
declare function display(...values: unknown[]): void;
/** Draws a vega-lite chart; \`data\` may be an arquero table, an array of rows or a table name. */
declare function chart(spec: Record<string, unknown>): void;
/** Prints values to the cell's output, like console.log. */
declare function print(...values: unknown[]): void;
`;
ts.typescriptDefaults.addExtraLib(RUNNER_GLOBALS, 'ts:tourney/runner-globals.d.ts');

let tableLib: { dispose(): void } | null = null;

/** Declares each loaded table's variable so completions and checks know it. */
export function declareTableVariables(names: readonly string[]): void {
  tableLib?.dispose();
  const lines = names.map((name) => `declare var ${name}: any;`).join('\n');
  tableLib = ts.typescriptDefaults.addExtraLib(lines, 'ts:tourney/tables.d.ts');
}

monaco.editor.defineTheme('tourney-light', {
  base: 'vs',
  inherit: true,
  rules: [
    { token: 'comment', foreground: '6a737d', fontStyle: 'italic' },
    { token: 'keyword', foreground: '8250df' },
    { token: 'string', foreground: '0a3069' },
    { token: 'number', foreground: '0550ae' },
  ],
  colors: {
    'editor.background': '#f8f9fb',
    'editor.lineHighlightBackground': '#f8f9fb',
    'editor.lineHighlightBorder': '#f8f9fb',
    'editorLineNumber.foreground': '#b4bac3',
    'editorLineNumber.activeForeground': '#6b7480',
    'editorGutter.background': '#f8f9fb',
  },
});

export { monaco };
