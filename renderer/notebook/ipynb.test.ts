import { describe, expect, it } from 'vitest';
import { IpynbError, parseIpynb, serializeIpynb, splitLines, toIpynb } from './ipynb';
import type { NotebookDoc } from './model';
import type { CellRun } from './reducer';

const doc: NotebookDoc = {
  metadata: {},
  cells: [
    { id: 'md1', kind: 'markdown', source: '# Leads\n\nSome *text*.' },
    { id: 'code1', kind: 'code', source: 'const n = leads.numRows()\nn' },
    { id: 'data1', kind: 'data', source: '', tourney: { table: 'leads' } },
    {
      id: 'chart1',
      kind: 'chart',
      source: '{\n  "mark": "bar"\n}',
      tourney: { table: 'leads', builder: { mark: 'bar', x: 'source', aggregate: 'count' } },
    },
  ],
};

const runs: Record<string, CellRun> = {
  code1: {
    status: 'idle',
    executionCount: 3,
    outputs: [
      { type: 'stream', name: 'stdout', text: 'loaded\nok\n' },
      { type: 'execute_result', executionCount: 3, data: { 'text/plain': '1000', 'text/html': '<table>\n</table>' } },
      { type: 'error', ename: 'TypeError', evalue: 'x is undefined', line: 2, traceback: ['TypeError: x is undefined', '    at line 2 of the cell'] },
    ],
  },
  chart1: {
    status: 'idle',
    executionCount: null,
    outputs: [{ type: 'display_data', data: { 'application/vnd.vegalite.v5+json': { mark: 'bar', data: { values: [{ a: 1 }] } } } }],
  },
};

describe('ipynb', () => {
  it('writes nbformat 4 with Jupyter-style multiline strings and Tourney cells marked in metadata', () => {
    const nb = toIpynb(doc, runs);
    expect(nb.nbformat).toBe(4);
    expect(nb.cells.map((c) => c.cell_type)).toEqual(['markdown', 'code', 'raw', 'code']);
    expect(nb.cells[1].source).toEqual(['const n = leads.numRows()\n', 'n']);
    expect(nb.cells[1].execution_count).toBe(3);
    expect(nb.cells[1].outputs?.[0]).toEqual({ output_type: 'stream', name: 'stdout', text: ['loaded\n', 'ok\n'] });
    expect(nb.cells[2]).toMatchObject({ metadata: { tourney: { table: 'leads', kind: 'data' } }, source: ['leads'] });
    expect(nb.cells[3].metadata.tourney).toMatchObject({ kind: 'chart', spec: { mark: 'bar' } });
    expect(nb.cells[0].metadata.tourney).toEqual({ kind: 'markdown' });
    // A vega-lite output stays a JSON object so JupyterLab renders the chart.
    expect(nb.cells[3].outputs?.[0]).toMatchObject({ data: { 'application/vnd.vegalite.v5+json': { mark: 'bar' } } });
    expect(nb.metadata.kernelspec).toMatchObject({ name: 'tourney' });
  });

  it('round-trips cells, kinds, metadata and outputs', () => {
    const opened = parseIpynb(serializeIpynb(doc, runs));
    expect(opened.doc.cells).toEqual(doc.cells);
    expect(opened.runs).toEqual(runs);
  });

  it('keeps unknown metadata and raw cells from other tools', () => {
    const text = JSON.stringify({
      nbformat: 4,
      nbformat_minor: 4,
      metadata: { kernelspec: { name: 'python3' } },
      cells: [
        { cell_type: 'raw', metadata: { format: 'text/x-rst' }, source: 'raw *text*' },
        { cell_type: 'code', metadata: { collapsed: true }, source: 'print(1)', outputs: [], execution_count: null },
      ],
    });
    const opened = parseIpynb(text);
    expect(opened.doc.cells[0]).toMatchObject({ kind: 'markdown', source: 'raw *text*', tourney: { raw: true } });
    expect(opened.doc.cells[1].id).toMatch(/^[a-z0-9-]+$/);
    const back = toIpynb(opened.doc, opened.runs);
    expect(back.cells[0]).toMatchObject({ cell_type: 'raw', metadata: { format: 'text/x-rst' } });
    expect(back.cells[1].metadata).toEqual({ collapsed: true, tourney: { kind: 'code' } });
    expect(back.metadata.kernelspec).toEqual({ name: 'python3' });
  });

  it('reads the demo notebook conventions: raw chart cells with a spec object, data cells naming their table', () => {
    const spec = { mark: 'bar', encoding: { x: { field: 'a' } } };
    const text = JSON.stringify({
      nbformat: 4,
      nbformat_minor: 5,
      metadata: { tourney: { tables: [{ name: 'leads', url: 'leads.csv' }] } },
      cells: [
        { id: 'd', cell_type: 'raw', metadata: { tourney: { kind: 'data', table: 'leads' } }, source: ['leads'] },
        { id: 'c', cell_type: 'raw', metadata: { tourney: { kind: 'chart', table: 'leads', spec } }, source: ['{"mark": "point"}'] },
        { id: 'k', cell_type: 'code', metadata: { tourney: { kind: 'code' } }, source: ['1'], outputs: [], execution_count: null },
      ],
    });
    const opened = parseIpynb(text);
    expect(opened.doc.metadata).toEqual({ tourney: { tables: [{ name: 'leads', url: 'leads.csv' }] } });
    expect(opened.doc.cells).toEqual([
      { id: 'd', kind: 'data', source: '', tourney: { table: 'leads' } },
      { id: 'c', kind: 'chart', source: JSON.stringify(spec, null, 2), tourney: { table: 'leads' } },
      { id: 'k', kind: 'code', source: '1' },
    ]);
  });

  it('names the line and column of a JSON syntax error', () => {
    const text = '{\n  "nbformat": 4,\n  "cells": [,]\n}';
    expect(() => parseIpynb(text, 'broken.ipynb')).toThrow(IpynbError);
    expect(() => parseIpynb(text, 'broken.ipynb')).toThrow("broken.ipynb is not valid JSON: unexpected ',' at line 3, column 13");
  });

  it('explains a truncated file', () => {
    expect(() => parseIpynb('{"nbformat": 4, "cells": [', 'cut.ipynb')).toThrow(/cut\.ipynb is not valid JSON/);
  });

  it('rejects other nbformat versions and non-notebooks by name', () => {
    expect(() => parseIpynb('{"nbformat": 3, "worksheets": []}', 'old.ipynb')).toThrow(/old\.ipynb is nbformat 3; Tourney opens nbformat 4/);
    expect(() => parseIpynb('[1, 2]', 'list.ipynb')).toThrow(/list\.ipynb is not a Jupyter notebook: the file holds an array/);
    expect(() => parseIpynb('{"cells": []}', 'x.ipynb')).toThrow(/no "nbformat" field/);
    expect(() => parseIpynb('{"nbformat": 4, "cells": {}}', 'x.ipynb')).toThrow(/"cells" must be an array/);
    expect(() => parseIpynb('{"nbformat": 4, "cells": [{"cell_type": "sql", "source": ""}]}', 'x.ipynb')).toThrow(
      /x\.ipynb: cell 1 has unknown cell_type "sql"/,
    );
  });

  it('splits lines the way Jupyter stores them', () => {
    expect(splitLines('a\nb\n')).toEqual(['a\n', 'b\n']);
    expect(splitLines('a\n\nb')).toEqual(['a\n', '\n', 'b']);
    expect(splitLines('')).toEqual([]);
  });
});
