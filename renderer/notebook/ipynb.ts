// Reading and writing Jupyter notebooks (nbformat 4). Code and markdown cells map one to one;
// data cells are raw cells and chart cells are code cells (spec as source, the chart as a
// vega-lite output), both marked with `metadata.tourney`, so JupyterLab and VS Code open them
// (and show the chart) while Tourney gets its cells back.
import { MIME_PLAIN, type CellOutput, type MimeBundle } from '../../shared/runner/outputs';
import { locateJsonError } from '../../kernels/io/json-error';
import { CELL_KINDS, newCellId, type Cell, type CellKind, type NotebookDoc, type TourneyCellMetadata } from './model';
import type { CellRun } from './reducer';

type MultilineString = string | string[];

interface IpynbOutput {
  output_type: string;
  [key: string]: unknown;
}

interface IpynbCell {
  id?: string;
  cell_type: 'code' | 'markdown' | 'raw';
  metadata: Record<string, unknown>;
  source: MultilineString;
  execution_count?: number | null;
  outputs?: IpynbOutput[];
  attachments?: unknown;
}

export interface IpynbNotebook {
  nbformat: 4;
  nbformat_minor: number;
  metadata: Record<string, unknown>;
  cells: IpynbCell[];
}

/** Saved under a cell's `metadata.tourney`. */
interface SavedTourneyMetadata extends TourneyCellMetadata {
  kind?: CellKind;
  /** chart cells: the spec as an object (authoritative when present). */
  spec?: Record<string, unknown>;
}

/** A notebook file Tourney cannot open, with a message that names the problem. */
export class IpynbError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IpynbError';
  }
}

export interface OpenedNotebook {
  doc: NotebookDoc;
  runs: Record<string, CellRun>;
}

const DEFAULT_METADATA = {
  kernelspec: { name: 'tourney', display_name: 'Tourney (TypeScript)', language: 'typescript' },
  language_info: { name: 'typescript', file_extension: '.ts', mimetype: 'text/typescript' },
};

// ---------------------------------------------------------------------------------------------
// Writing

export function toIpynb(doc: NotebookDoc, runs: Record<string, CellRun>): IpynbNotebook {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { ...DEFAULT_METADATA, ...doc.metadata },
    cells: doc.cells.map((cell) => toIpynbCell(cell, runs[cell.id])),
  };
}

/** The notebook as file text, formatted the way Jupyter writes it (one-space indent). */
export function serializeIpynb(doc: NotebookDoc, runs: Record<string, CellRun>): string {
  return `${JSON.stringify(toIpynb(doc, runs), null, 1)}\n`;
}

function toIpynbCell(cell: Cell, run: CellRun | undefined): IpynbCell {
  const source = splitLines(cell.source);
  const { raw, ...rest } = cell.tourney ?? {};
  const tourney: SavedTourneyMetadata = { kind: cell.kind, ...rest };
  const metadata = { ...cell.extraMetadata, tourney } as Record<string, unknown>;
  const base = { id: cell.id, metadata };
  const outputs = (run?.outputs ?? []).map(toIpynbOutput);
  switch (cell.kind) {
    case 'code':
      return { ...base, cell_type: 'code', source, execution_count: run?.executionCount ?? null, outputs };
    case 'markdown':
      if (raw) return { ...base, metadata: { ...cell.extraMetadata }, cell_type: 'raw', source };
      return { ...base, cell_type: 'markdown', source };
    case 'data':
      return { ...base, cell_type: 'raw', source: splitLines(cell.tourney?.table ?? '') };
    case 'chart': {
      // A code cell, so JupyterLab and VS Code draw the saved vega-lite output; `spec` is the
      // parsed copy other tools read (the source may be half-edited JSON).
      const spec = parseSpec(cell.source);
      if (spec) tourney.spec = spec;
      return { ...base, cell_type: 'code', source, execution_count: null, outputs };
    }
  }
}

/** The chart cell's text: the file's source unless the saved spec object says otherwise. */
function chartSource(source: string, spec: unknown): string {
  if (!isObject(spec)) return source;
  const fromSource = parseSpec(source);
  return fromSource && JSON.stringify(fromSource) === JSON.stringify(spec) ? source : JSON.stringify(spec, null, 2);
}

function parseSpec(text: string): Record<string, unknown> | undefined {
  try {
    const spec: unknown = JSON.parse(text);
    return isObject(spec) ? spec : undefined;
  } catch {
    return undefined;
  }
}

function toIpynbOutput(output: CellOutput): IpynbOutput {
  switch (output.type) {
    case 'stream':
      return { output_type: 'stream', name: output.name, text: splitLines(output.text) };
    case 'display_data':
      return { output_type: 'display_data', data: toIpynbBundle(output.data), metadata: {} };
    case 'execute_result':
      return { output_type: 'execute_result', execution_count: output.executionCount, data: toIpynbBundle(output.data), metadata: {} };
    case 'error':
      return { output_type: 'error', ename: output.ename, evalue: output.evalue, traceback: output.traceback };
  }
}

function toIpynbBundle(bundle: MimeBundle): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [mime, value] of Object.entries(bundle)) {
    out[mime] = typeof value === 'string' && !isJsonMime(mime) ? splitLines(value) : value;
  }
  return out;
}

/** Jupyter's multiline form: lines that keep their '\n', the last one without. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  return lines.map((line, i) => (i < lines.length - 1 ? `${line}\n` : line)).filter((line) => line !== '');
}

function isJsonMime(mime: string): boolean {
  return mime === 'application/json' || mime.endsWith('+json');
}

// ---------------------------------------------------------------------------------------------
// Reading

/** Parses notebook file text; throws IpynbError naming the problem (and where, for bad JSON). */
export function parseIpynb(text: string, fileName = 'notebook.ipynb'): OpenedNotebook {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new IpynbError(`${fileName} is not valid JSON: ${describeJsonError(error as Error, text)}`);
  }
  return fromIpynb(json, fileName);
}

export function fromIpynb(json: unknown, fileName = 'notebook.ipynb'): OpenedNotebook {
  if (!isObject(json)) throw new IpynbError(`${fileName} is not a Jupyter notebook: the file holds ${kindOf(json)}, not an object`);
  if (!('nbformat' in json)) throw new IpynbError(`${fileName} is not a Jupyter notebook: it has no "nbformat" field`);
  if (json.nbformat !== 4) {
    throw new IpynbError(
      `${fileName} is nbformat ${String(json.nbformat)}; Tourney opens nbformat 4 notebooks (re-save it with Jupyter 4 or later)`,
    );
  }
  if (!Array.isArray(json.cells)) throw new IpynbError(`${fileName} is not a valid nbformat 4 notebook: "cells" must be an array`);
  const metadata = isObject(json.metadata) ? json.metadata : {};

  const ids = new Set<string>();
  const cells: Cell[] = [];
  const runs: Record<string, CellRun> = {};
  json.cells.forEach((raw: unknown, index: number) => {
    const where = `${fileName}: cell ${index + 1}`;
    if (!isObject(raw)) throw new IpynbError(`${where} is ${kindOf(raw)}, not an object`);
    const cellType = raw.cell_type;
    if (cellType !== 'code' && cellType !== 'markdown' && cellType !== 'raw') {
      throw new IpynbError(`${where} has unknown cell_type ${JSON.stringify(cellType)} (expected code, markdown or raw)`);
    }
    const source = joinMultiline(raw.source, `${where} source`);
    const cellMetadata = isObject(raw.metadata) ? { ...raw.metadata } : {};
    const saved = isObject(cellMetadata.tourney) ? (cellMetadata.tourney as SavedTourneyMetadata) : undefined;
    delete cellMetadata.tourney;

    let id = typeof raw.id === 'string' && /^[a-zA-Z0-9-_]{1,64}$/.test(raw.id) ? raw.id : newCellId();
    if (ids.has(id)) id = newCellId();
    ids.add(id);

    // metadata.tourney.kind decides; without it, the cell type does (raw -> markdown, kept raw).
    const savedKind = saved?.kind && (CELL_KINDS as readonly string[]).includes(saved.kind) ? saved.kind : undefined;
    const kind: CellKind = savedKind ?? (cellType === 'code' ? 'code' : 'markdown');
    const { kind: _kind, spec, ...tourney } = { ...saved } as SavedTourneyMetadata;
    if (cellType === 'raw' && !savedKind) tourney.raw = true;
    if (kind === 'data' && !tourney.table && source.trim()) tourney.table = source.trim();

    const cellSource = kind === 'data' ? '' : kind === 'chart' ? chartSource(source, spec) : source;
    const cell: Cell = { id, kind, source: cellSource };
    if (Object.keys(tourney).length > 0) cell.tourney = tourney;
    if (Object.keys(cellMetadata).length > 0) cell.extraMetadata = cellMetadata;
    cells.push(cell);

    if (cellType === 'code' || kind === 'chart') {
      const outputs = Array.isArray(raw.outputs) ? raw.outputs.map((output, i) => fromIpynbOutput(output, `${where} output ${i + 1}`)) : [];
      const executionCount = typeof raw.execution_count === 'number' ? raw.execution_count : null;
      if (outputs.length > 0 || executionCount !== null) runs[id] = { outputs, executionCount, status: 'idle' };
    }
  });
  return { doc: { cells, metadata }, runs };
}

function fromIpynbOutput(raw: unknown, where: string): CellOutput {
  if (!isObject(raw)) throw new IpynbError(`${where} is ${kindOf(raw)}, not an object`);
  switch (raw.output_type) {
    case 'stream':
      return { type: 'stream', name: raw.name === 'stderr' ? 'stderr' : 'stdout', text: joinMultiline(raw.text, `${where} text`) };
    case 'display_data':
      return { type: 'display_data', data: fromIpynbBundle(raw.data, where) };
    case 'execute_result':
      return {
        type: 'execute_result',
        data: fromIpynbBundle(raw.data, where),
        executionCount: typeof raw.execution_count === 'number' ? raw.execution_count : null,
      };
    case 'error': {
      const traceback = Array.isArray(raw.traceback) ? raw.traceback.map(String) : [];
      const at = /at line (\d+)(?:, column (\d+))?/.exec(traceback.join('\n'));
      return {
        type: 'error',
        ename: String(raw.ename ?? 'Error'),
        evalue: String(raw.evalue ?? ''),
        ...(at ? { line: Number(at[1]) } : {}),
        ...(at?.[2] ? { column: Number(at[2]) } : {}),
        traceback,
      };
    }
    default:
      throw new IpynbError(`${where} has unknown output_type ${JSON.stringify(raw.output_type)}`);
  }
}

function fromIpynbBundle(raw: unknown, where: string): MimeBundle {
  if (!isObject(raw)) throw new IpynbError(`${where} has no "data" object`);
  const bundle: MimeBundle = {};
  for (const [mime, value] of Object.entries(raw)) {
    bundle[mime] = isJsonMime(mime) ? value : joinMultiline(value, `${where} ${mime}`);
  }
  if (Object.keys(bundle).length === 0) bundle[MIME_PLAIN] = '';
  return bundle;
}

function joinMultiline(value: unknown, where: string): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((line) => typeof line === 'string')) return value.join('');
  throw new IpynbError(`${where} must be a string or a list of strings, not ${kindOf(value)}`);
}

/** What is wrong with JSON text and where (line, column), engine-independent. */
export function describeJsonError(error: Error, text: string): string {
  const location = locateJsonError(text);
  if (!location) return error.message;
  return `${location.message} at line ${location.line}, column ${location.column}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}
