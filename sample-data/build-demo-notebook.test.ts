import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PortTable } from '../workers/data-port';
import type { CellOutput } from '../shared/runner/outputs';
import { RunnerSession } from '../workers/runner/session';
import { parseIpynb } from '../renderer/notebook/ipynb';
import { DEMO_NOTEBOOK_PATH, LEADS_BY_SOURCE_SPEC, buildDemoNotebook, demoNotebookText } from './build-demo-notebook';
import { LEAD_COLUMNS, generateLeadRecords } from './generate-leads';

/** The sample leads as the data worker would hand them over, with `converted` as given. */
function leadsTable(converted: 'boolean' | 'text'): PortTable {
  const leads = generateLeadRecords({ rows: 600 }).map((r) => r.lead);
  return {
    rowCount: leads.length,
    columns: LEAD_COLUMNS.map((name) => {
      if (name === 'converted' && converted === 'boolean') {
        return { name, type: 'boolean', values: Float64Array.from(leads, (l) => (l.converted === 'Yes' ? 1 : 0)) };
      }
      if (name === 'employees' || name === 'historical_spend') {
        return { name, type: 'number', values: Float64Array.from(leads, (l) => (l[name] === '' ? NaN : Number(l[name]))) };
      }
      return { name, type: 'categorical', values: leads.map((l) => (l[name] === '' ? null : l[name])) };
    }),
  };
}

async function runCodeCells(table: PortTable): Promise<CellOutput[][]> {
  const outputs: CellOutput[][] = [];
  let current: CellOutput[] = [];
  const session = new RunnerSession((_id, output) => current.push(output), async () => ({ leads: table }));
  for (const cell of buildDemoNotebook().cells) {
    if (cell.metadata.tourney.kind !== 'code') continue;
    current = [];
    const reply = await session.execute({ cellId: cell.id, source: cell.source.join(''), tables: { leads: 1 } });
    const errors = current.filter((o) => o.type === 'error');
    expect(errors, `${cell.id}: ${JSON.stringify(errors)}`).toEqual([]);
    expect(reply.status).toBe('ok');
    outputs.push(current);
  }
  const chart = await session.chartData({ spec: LEADS_BY_SOURCE_SPEC, table: 'leads' });
  expect(JSON.stringify(chart.spec)).toContain('Referral');
  return outputs;
}

describe('demo notebook', () => {
  it('matches the committed sample-data/public/demo.ipynb', () => {
    expect(readFileSync(DEMO_NOTEBOOK_PATH, 'utf8')).toBe(demoNotebookText());
  });

  it('is nbformat 4.5 and tells the app to load leads.csv', () => {
    const nb = JSON.parse(demoNotebookText());
    expect([nb.nbformat, nb.nbformat_minor]).toEqual([4, 5]);
    expect(nb.metadata.tourney.tables).toEqual([{ name: 'leads', url: 'leads.csv' }]);
    const ids = nb.cells.map((c: { id: string }) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-zA-Z0-9-_]{1,64}$/);
  });

  it('has the data, chart, code and markdown cells the journey needs', () => {
    const cells = buildDemoNotebook().cells;
    const kinds = cells.map((c) => c.metadata.tourney.kind);
    expect(kinds[0]).toBe('markdown');
    expect(cells.find((c) => c.metadata.tourney.kind === 'data')?.metadata.tourney.table).toBe('leads');
    const chartCell = cells.find((c) => c.metadata.tourney.kind === 'chart');
    expect(chartCell?.metadata.tourney.spec).toEqual(LEADS_BY_SOURCE_SPEC);
    expect(JSON.parse(chartCell!.source.join(''))).toEqual(LEADS_BY_SOURCE_SPEC);
    const codeSources = cells.filter((c) => c.metadata.tourney.kind === 'code').map((c) => c.source.join(''));
    expect(codeSources.some((s) => s.includes('display(') && s.includes('groupby('))).toBe(true);
    expect(codeSources.some((s) => /\bchart\(\{/.test(s))).toBe(true);
    for (const cell of cells) for (const line of cell.source.slice(0, -1)) expect(line.endsWith('\n')).toBe(true);
  });

  it('opens in the workbench as the cells it describes', () => {
    const { doc } = parseIpynb(demoNotebookText(), 'demo.ipynb');
    const nb = buildDemoNotebook();
    expect(doc.cells.map((c) => c.kind)).toEqual(nb.cells.map((c) => c.metadata.tourney.kind));
    const data = doc.cells.find((c) => c.kind === 'data');
    expect(data?.tourney?.table).toBe('leads');
    const chart = doc.cells.find((c) => c.kind === 'chart');
    expect(chart?.tourney?.table).toBe('leads');
    expect(JSON.parse(chart!.source)).toEqual(LEADS_BY_SOURCE_SPEC);
    expect(doc.metadata.tourney).toEqual({ tables: [{ name: 'leads', url: 'leads.csv' }] });
  });

  it.each(['boolean', 'text'] as const)('runs every code cell without error in the runner (converted as %s)', async (converted) => {
    const outputs = await runCodeCells(leadsTable(converted));
    const bySource = outputs[0].find((o) => o.type === 'display_data');
    expect(bySource && bySource.type === 'display_data' && String(bySource.data['text/plain'])).toContain('Referral');
    const chart = outputs[1].find((o) => o.type === 'display_data');
    const spec = chart && chart.type === 'display_data' ? JSON.stringify(chart.data['application/vnd.vegalite.v5+json']) : '';
    expect(spec).toContain('C-level');
    // The rates are real: not all zero, which is what a wrong `converted` test would give.
    expect(spec).toMatch(/"conversion_rate":0\.[1-9]/);
    const byEmail = outputs[2].find((o) => o.type === 'display_data');
    expect(byEmail && byEmail.type === 'display_data' && String(byEmail.data['text/plain'])).toContain('corporate');
  });
});
