import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { PortTable } from '../data-port';
import type { CellOutput } from '../../shared/runner/outputs';
import { RunnerSession } from './session';

function runner(tables: Record<string, PortTable> = {}) {
  const outputs: { cellId: string; output: CellOutput }[] = [];
  const fetched: string[][] = [];
  const session = new RunnerSession(
    (cellId, output) => outputs.push({ cellId, output }),
    async (names) => {
      fetched.push(names);
      return Object.fromEntries(names.map((name) => [name, tables[name]]));
    },
  );
  const run = async (source: string, cellId = 'c1', versions?: Record<string, number>) => {
    const start = outputs.length;
    const reply = await session.execute({ cellId, source, tables: versions });
    return { reply, outputs: outputs.slice(start).map((o) => o.output) };
  };
  return { session, run, outputs, fetched };
}

const leads: PortTable = {
  rowCount: 4,
  columns: [
    { name: 'source', type: 'categorical', values: ['web', 'ads', 'web', null] },
    { name: 'score', type: 'number', values: new Float64Array([1, 2, 3, NaN]) },
    { name: 'converted', type: 'boolean', values: new Float64Array([1, 0, 1, 0]) },
  ],
};

describe('RunnerSession', () => {
  it('stops a runaway loop when the interrupt flag is set, keeping the variables', async () => {
    const { session, run } = runner();
    const flag = new Int32Array(new SharedArrayBuffer(4));
    session.setInterruptFlag(flag);
    await run('let before = 41');
    // The loop holds this thread, so the flag is set from another one, as the app's main thread does.
    const setter = new Worker('const { workerData } = require("node:worker_threads"); setTimeout(() => Atomics.store(new Int32Array(workerData), 0, 1), 100)', { eval: true, workerData: flag.buffer });
    const stopped = await run('let i = 0\nwhile (true) {\n  i++\n}');
    expect(stopped.reply.status).toBe('interrupted');
    expect(stopped.outputs[0]).toMatchObject({ type: 'error', ename: 'Interrupted', line: 2 });
    Atomics.store(flag, 0, 0);
    await setter.terminate();
    const after = await run('[before + 1, i > 0]');
    expect(after.outputs[0]).toMatchObject({ data: { 'text/plain': '[ 42, true ]' } });
  });

  it('explains, with the line, what to do when an Arquero expression reads a cell variable, and params work', async () => {
    const { run } = runner();
    await run('const minSize = 1\nconst t = aq.table({ employees: [1, 2, 3] })');
    const failed = await run('const n = 2\nt.filter(d => d.employees > minSize).numRows()');
    expect(failed.reply.status).toBe('error');
    const error = failed.outputs[0] as Extract<CellOutput, { type: 'error' }>;
    expect(error.evalue).not.toContain('__tourney_scope');
    expect(error.evalue).toMatch(/params/);
    expect(error.line).toBe(2);
    const fixed = await run('t.params({ minSize }).filter((d, $) => d.employees > $.minSize).numRows()');
    expect(fixed.outputs[0]).toMatchObject({ data: { 'text/plain': '2' } });
    const escaped = await run('t.filter(aq.escape(d => d.employees > minSize)).numRows()');
    expect(escaped.outputs[0]).toMatchObject({ data: { 'text/plain': '2' } });
  });

  it('stops a cell that awaits forever when the interrupt flag is set', async () => {
    const { session, run } = runner();
    const flag = new Int32Array(new SharedArrayBuffer(4));
    session.setInterruptFlag(flag);
    setTimeout(() => Atomics.store(flag, 0, 1), 30);
    const stopped = await run('const kept = 1\nawait new Promise(() => {})');
    expect(stopped.reply.status).toBe('interrupted');
    Atomics.store(flag, 0, 0);
    expect((await run('kept')).outputs[0]).toMatchObject({ data: { 'text/plain': '1' } });
  });

  it('keeps variables, functions and classes between cells', async () => {
    const { run } = runner();
    await run('const x: number = 20\nfunction twice(v: number) { return v * 2 }\nclass Box { constructor(public v: number) {} }');
    const { outputs, reply } = await run('twice(x) + new Box(2).v');
    expect(reply).toEqual({ status: 'ok', executionCount: 2 });
    expect(outputs).toEqual([{ type: 'execute_result', data: { 'text/plain': '42' }, executionCount: 2 }]);
  });

  it('lets a cell redeclare a const from an earlier cell', async () => {
    const { run } = runner();
    await run('const a = 1');
    const { outputs } = await run('const a = 2\na');
    expect(outputs[0]).toMatchObject({ type: 'execute_result', data: { 'text/plain': '2' } });
  });

  it('supports top-level await', async () => {
    const { run } = runner();
    const { outputs } = await run('const v = await new Promise((resolve) => setTimeout(() => resolve(7), 1))\nv');
    expect(outputs[0]).toMatchObject({ data: { 'text/plain': '7' } });
  });

  it('captures print and console as streams', async () => {
    const { run } = runner();
    const { outputs } = await run('print("a", 1, { b: 2 })\nconsole.log("c")\nconsole.error("oops")');
    expect(outputs).toEqual([
      { type: 'stream', name: 'stdout', text: 'a 1 { b: 2 }\n' },
      { type: 'stream', name: 'stdout', text: 'c\n' },
      { type: 'stream', name: 'stderr', text: 'oops\n' },
    ]);
  });

  it('reports runtime errors with the line in the cell', async () => {
    const { run } = runner();
    const { outputs, reply } = await run('const a = 1\n\nnull.boom');
    expect(reply.status).toBe('error');
    expect(outputs[0]).toMatchObject({ type: 'error', ename: 'TypeError', line: 3 });
    expect((outputs[0] as { traceback: string[] }).traceback.join('\n')).toContain('3 | null.boom');
  });

  it('reports an undefined name as a ReferenceError and does not leak assignments to globals', async () => {
    const { run } = runner();
    const { outputs } = await run('undefinedThing + 1');
    expect(outputs[0]).toMatchObject({ type: 'error', ename: 'ReferenceError', evalue: 'undefinedThing is not defined', line: 1 });
    await run('leaked = 5');
    expect((globalThis as Record<string, unknown>).leaked).toBeUndefined();
    expect((await run('leaked')).outputs[0]).toMatchObject({ data: { 'text/plain': '5' } });
  });

  it('answers typeof for unknown names like plain JavaScript', async () => {
    const { run } = runner();
    const { outputs } = await run('if (typeof counter === "undefined") counter = 0\ncounter += 1;\n[typeof counter, typeof nothing, typeof Math]');
    expect(outputs[0]).toMatchObject({ data: { 'text/plain': "[ 'number', 'undefined', 'object' ]" } });
  });

  it('reports syntax errors with line and column', async () => {
    const { run } = runner();
    const { outputs } = await run('let ok = 1\nlet = = 2');
    expect(outputs[0]).toMatchObject({ type: 'error', ename: 'SyntaxError', line: 2 });
  });

  it('puts loaded tables in scope by variable name and in tables[name], fetching only changes', async () => {
    const { run, fetched } = runner({ 'leads 2024': leads });
    const first = await run('leads_2024.numRows() + tables["leads 2024"].numRows()', 'c1', { 'leads 2024': 1 });
    expect(first.outputs[0]).toMatchObject({ data: { 'text/plain': '8' } });
    const mean = await run('leads_2024.rollup({ m: op.mean("score") }).get("m", 0)', 'c2', { 'leads 2024': 1 });
    expect(mean.outputs[0]).toMatchObject({ data: { 'text/plain': '2' } });
    const bools = await run('leads_2024.array("converted")', 'c3', { 'leads 2024': 1 });
    expect(bools.outputs[0]).toMatchObject({ data: { 'text/plain': '[ true, false, true, false ]' } });
    expect(fetched).toEqual([['leads 2024']]);
    await run('1', 'c4', { 'leads 2024': 2 });
    expect(fetched).toEqual([['leads 2024'], ['leads 2024']]);
    const gone = await run('typeof tables["leads 2024"]', 'c5', {});
    expect(gone.outputs[0]).toMatchObject({ data: { 'text/plain': "'undefined'" } });
  });

  it('displays tables as escaped HTML and text', async () => {
    const { run } = runner();
    const { outputs } = await run('display(aq.table({ name: ["<b>x</b>", "y"], n: [1, 2.5] }))');
    const data = (outputs[0] as { data: Record<string, string> }).data;
    expect(outputs[0].type).toBe('display_data');
    expect(data['text/html']).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(data['text/html']).not.toContain('<b>x');
    expect(data['text/plain']).toContain('2 rows × 2 columns');
  });

  it('adds a vega-lite chart output with data from a table, aggregated in the runner', async () => {
    const { run } = runner({ leads });
    const { outputs } = await run(
      'chart({ data: leads, mark: "bar", encoding: { x: { field: "source", type: "nominal" }, y: { aggregate: "count", type: "quantitative" } } })',
      'c1',
      { leads: 1 },
    );
    const spec = (outputs[0] as { data: Record<string, { data: { values: unknown[] } }> }).data['application/vnd.vegalite.v5+json'];
    expect(spec.data.values).toHaveLength(3);
    expect(spec.data.values).toContainEqual({ source: 'web', __count: 2 });
  });

  it('batches a flood of prints into a few messages, all before the reply', async () => {
    const { run } = runner();
    const { outputs } = await run('for (let i = 0; i < 20000; i++) print(i)');
    expect(outputs.length).toBeLessThan(20);
    const text = outputs.map((o) => (o.type === 'stream' ? o.text : '')).join('');
    expect(text.split('\n')).toHaveLength(20001);
    expect(text.endsWith('19999\n')).toBe(true);
  });

  it('prints errors nobody awaited on the last cell', async () => {
    const { session, run, outputs } = runner();
    await run('1', 'last');
    session.reportUncaught(new TypeError('late'));
    expect(outputs[outputs.length - 1]).toEqual({ cellId: 'last', output: { type: 'stream', name: 'stderr', text: 'Uncaught TypeError: late\n' } });
  });

  it('routes output to the cell that is running', async () => {
    const { run, outputs } = runner();
    await run('print(1)', 'first');
    await run('print(2)', 'second');
    expect(outputs.map((o) => o.cellId)).toEqual(['first', 'second']);
  });
});
