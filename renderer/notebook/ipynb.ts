// Reading and writing Jupyter notebooks (nbformat 4). Code and markdown cells map one to one;
// data cells are raw cells and chart cells are code cells (spec as source, the chart as a
// vega-lite output), both marked with `metadata.tourney`, so JupyterLab and VS Code open them
// (and show the chart) while Tourney gets its cells back.
import { MIME_PLAIN, type CellOutput, type MimeBundle } from '../../workers/kernel/outputs';
import { locateJsonError } from './json-error';
import { newCellId, type Cell, type CellKind, type NotebookDoc, type TourneyCellMetadata } from './model';
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
  /** A raw cell from another tool, shown as markdown and saved back as raw. */
  raw?: boolean;
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
  const base = { id: cell.id, metadata: { ...cell.extraMetadata } as Record<string, unknown> };
  const tourney: SavedTourneyMetadata = { ...cell.tourney };
  switch (cell.kind) {
    case 'code':
      return {
        ...base,
        cell_type: 'code',
        source,
        execution_count: run?.executionCount ?? null,
        outputs: (run?.outputs ?? []).map(toIpynbOutput),
      };
    case 'markdown':
      if (tourney.raw) return { ...base, cell_type: 'raw', source };
      return { ...base, cell_type: 'markdown', source };
    case 'data':
      return {
        ...base,
        metadata: { ...base.metadata, tourney: { ...tourney, kind: 'data' } },
        cell_type: 'raw',
        source: splitLines(cell.source || `Tourney data cell: table "${cell.tourney?.table ?? ''}"`),
      };
    case 'chart':
      return {
        ...base,
        metadata: { ...base.metadata, tourney: { ...tourney, kind: 'chart' } },
        cell_type: 'code',
        source,
        execution_count: null,
        outputs: (run?.outputs ?? []).map(toIpynbOutput),
      };
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

    const kind: CellKind =
      saved?.kind === 'chart' && cellType === 'code'
        ? 'chart'
        : saved?.kind === 'data' && cellType === 'raw'
          ? 'data'
          : cellType === 'code'
            ? 'code'
            : 'markdown';
    const tourney: SavedTourneyMetadata = { ...saved };
    delete tourney.kind;
    if (cellType === 'raw' && kind === 'markdown') tourney.raw = true;

    const cell: Cell = { id, kind, source: kind === 'data' ? '' : source };
    if (Object.keys(tourney).length > 0) cell.tourney = tourney;
    if (Object.keys(cellMetadata).length > 0) cell.extraMetadata = cellMetadata;
    cells.push(cell);

    if (cellType === 'code') {
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
