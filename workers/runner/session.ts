// One runner session: the scope that code cells share, the tables in it, and running a cell.
// Plain TypeScript with no worker APIs, so it runs under Vitest; runner.worker.ts wires it to
// comlink and the data worker's port.
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import type { PortTable } from '../data-port';
import { materializeChart, type MaterializedChart, type VegaLiteSpec } from './chart-data';
import { formatValue, isTableLike, tableBundle } from './format';
import { MIME_PLAIN, MIME_VEGALITE, type CellOutput, type MimeBundle } from '../../shared/runner/outputs';
import { OutputThrottle, type OutputSink } from './output-throttle';
import { toArqueroTable, variableName } from './tables';
import { CellSyntaxError, GUARD_PARAMETER, SCOPE_PARAMETER, compileCell } from './transform';

export interface ExecuteRequest {
  cellId: string;
  source: string;
  /** The tables the data worker holds now: name -> version. Only changed ones are fetched. */
  tables?: Record<string, number>;
}

export interface ExecuteReply {
  /** 'interrupted': the interrupt flag stopped the cell (its loop guard threw); variables are kept. */
  status: 'ok' | 'error' | 'interrupted';
  executionCount: number;
}

export interface ChartRequest {
  spec: VegaLiteSpec;
  table: string;
  tables?: Record<string, number>;
}

export type { OutputSink };
/** Fetches tables by name from wherever they live (the data worker's port in the app). */
export type TableFetcher = (names: string[]) => Promise<Record<string, PortTable>>;

/** `new Function` puts two header lines before the body and the wrapper adds one more. */
const BODY_LINE_OFFSET = 3;
const DISPLAY_ROWS = 20;
/** How often a cell that awaits looks at the interrupt flag (its loops look at every turn). */
const INTERRUPT_POLL_MS = 50;

/** Thrown by a loop guard (or the await watcher) once the interrupt flag is set. */
export class CellInterrupt extends Error {
  constructor() {
    super('interrupted');
    this.name = 'Interrupted';
  }
}

export class RunnerSession {
  private executionCount = 0;
  private currentCellId = '';
  private readonly variables: Record<string, unknown> = Object.create(null);
  /** What cells see as `tables`: every loaded table by its original name. */
  private readonly tables: Record<string, ColumnTable> = {};
  private readonly tableVersions = new Map<string, number>();
  private readonly tableVariables = new Map<string, string>();

  private readonly output: OutputThrottle;
  /** Element 0 is set (by the main thread, through shared memory) to ask the running cell to stop. */
  private interruptFlag: Int32Array | null = null;
  private readonly guard = (): void => {
    if (this.interruptRequested()) throw new CellInterrupt();
  };

  constructor(
    sink: OutputSink,
    private readonly fetchTables: TableFetcher | null = null,
  ) {
    this.output = new OutputThrottle(sink);
    Object.assign(this.variables, this.builtins());
    // Errors are located by the cell's frame in the stack; a library that recurses (Arquero's
    // expression parser) pushes it past V8's default 10 frames.
    const errors = Error as { stackTraceLimit?: number };
    errors.stackTraceLimit = Math.max(errors.stackTraceLimit ?? 10, 100);
  }

  /** Shares the interrupt flag (an Int32Array over a SharedArrayBuffer) with the main thread. */
  setInterruptFlag(flag: Int32Array | null): void {
    this.interruptFlag = flag;
  }

  private interruptRequested(): boolean {
    return this.interruptFlag !== null && Atomics.load(this.interruptFlag, 0) !== 0;
  }

  get count(): number {
    return this.executionCount;
  }

  async execute(request: ExecuteRequest): Promise<ExecuteReply> {
    this.output.startCell(request.cellId);
    try {
      return await this.run(request);
    } finally {
      // Every output of the cell is sent before its reply.
      this.output.flush();
    }
  }

  private async run(request: ExecuteRequest): Promise<ExecuteReply> {
    const executionCount = ++this.executionCount;
    this.currentCellId = request.cellId;
    const out = (output: CellOutput) => this.output.emit(request.cellId, output);
    if (request.tables) await this.syncTables(request.tables, out);

    let compiled;
    try {
      compiled = compileCell(request.source, new Set(Object.keys(this.variables)));
    } catch (error) {
      if (!(error instanceof CellSyntaxError)) throw error;
      out(errorOutput(error, request.source, error.line, error.column));
      return { status: 'error', executionCount };
    }

    const tag = `tourney-cell-${executionCount}`;
    let run: (scope: Record<string, unknown>, guard: () => void) => Promise<unknown>;
    try {
      run = new Function(SCOPE_PARAMETER, GUARD_PARAMETER, `return (async () => {\n${compiled.body}\n})();\n//# sourceURL=${tag}`) as typeof run;
    } catch (error) {
      out(errorOutput(error, request.source));
      return { status: 'error', executionCount };
    }

    for (const name of compiled.declared) if (!(name in this.variables)) this.variables[name] = undefined;
    try {
      const value = await this.watchInterrupt(run(this.variables, this.guard));
      if (compiled.returnsValue && value !== undefined) {
        out({ type: 'execute_result', data: bundleOf(value), executionCount });
      }
      return { status: 'ok', executionCount };
    } catch (error) {
      const where = locate(error, tag);
      if (error instanceof CellInterrupt) {
        out(interruptOutput(request.source, where.line));
        return { status: 'interrupted', executionCount };
      }
      out(errorOutput(error, request.source, where.line));
      return { status: 'error', executionCount };
    }
  }

  /** Rejects with CellInterrupt when the flag is set while the cell awaits (its loops throw by themselves). */
  private watchInterrupt<T>(running: Promise<T>): Promise<T> {
    if (!this.interruptFlag) return running;
    let timer: ReturnType<typeof setInterval> | undefined;
    const watcher = new Promise<never>((_, reject) => {
      timer = setInterval(() => {
        if (this.interruptRequested()) reject(new CellInterrupt());
      }, INTERRUPT_POLL_MS);
    });
    return Promise.race([running, watcher]).finally(() => clearInterval(timer));
  }

  /** An error no cell awaited (a throwing timer, a rejected promise): shown on the last cell. */
  reportUncaught(error: unknown): void {
    const text = error instanceof Error ? `${error.name}: ${error.message}` : formatValue(error, true);
    this.output.emit(this.currentCellId, { type: 'stream', name: 'stderr', text: `Uncaught ${text.replaceAll(`${SCOPE_PARAMETER}.`, '')}\n` });
  }

  /** The chart spec with its data from `request.table`, aggregated here when exact. */
  async chartData(request: ChartRequest): Promise<MaterializedChart> {
    if (request.tables) await this.syncTables(request.tables, () => {});
    const table = this.tables[request.table];
    if (!table) {
      const known = Object.keys(this.tables).join(', ') || 'none loaded';
      throw new Error(`unknown table "${request.table}" (tables: ${known})`);
    }
    return materializeChart(request.spec, table);
  }

  /** Fetches tables that are new or changed, binds each to a variable, drops removed ones. */
  private async syncTables(versions: Record<string, number>, out: (output: CellOutput) => void): Promise<void> {
    for (const name of Object.keys(this.tables)) {
      if (name in versions) continue;
      const variable = this.tableVariables.get(name);
      if (variable && this.variables[variable] === this.tables[name]) delete this.variables[variable];
      delete this.tables[name];
      this.tableVersions.delete(name);
      this.tableVariables.delete(name);
    }
    const stale = Object.keys(versions).filter((name) => this.tableVersions.get(name) !== versions[name]);
    if (stale.length === 0) return;
    if (!this.fetchTables) {
      out({ type: 'stream', name: 'stderr', text: 'Tables are not available: the kernel is not connected to the data worker.\n' });
      return;
    }
    let fetched: Record<string, PortTable>;
    try {
      fetched = await this.fetchTables(stale);
    } catch (error) {
      out({ type: 'stream', name: 'stderr', text: `Could not load tables ${stale.join(', ')}: ${(error as Error).message}\n` });
      return;
    }
    const taken = new Set(Object.keys(this.builtins()));
    for (const [name, variable] of this.tableVariables) if (!(name in fetched)) taken.add(variable);
    for (const [name, payload] of Object.entries(fetched)) {
      const table = toArqueroTable(payload);
      const variable = this.tableVariables.get(name) ?? variableName(name, taken);
      taken.add(variable);
      this.tables[name] = table;
      this.tableVersions.set(name, versions[name]);
      this.tableVariables.set(name, variable);
      this.variables[variable] = table;
    }
  }

  private builtins(): Record<string, unknown> {
    const stream = (name: 'stdout' | 'stderr') => (...args: unknown[]): void => {
      this.output.emit(this.currentCellId, { type: 'stream', name, text: `${args.map((arg) => formatValue(arg, true)).join(' ')}\n` });
    };
    const display = (...values: unknown[]): void => {
      for (const value of values) this.output.emit(this.currentCellId, { type: 'display_data', data: bundleOf(value) });
    };
    const chart = (spec: VegaLiteSpec): void => {
      const materialized = this.chartSpec(spec);
      const data: MimeBundle = { [MIME_VEGALITE]: materialized.spec, [MIME_PLAIN]: materialized.note ?? '<vega-lite chart>' };
      this.output.emit(this.currentCellId, { type: 'display_data', data });
    };
    const capture = Object.assign(Object.create(console) as Console, {
      log: stream('stdout'),
      info: stream('stdout'),
      debug: stream('stdout'),
      warn: stream('stderr'),
      error: stream('stderr'),
      dir: (value: unknown) => display(value),
      table: (value: unknown) => display(isTableLike(value) ? value : Array.isArray(value) ? aq.from(value) : value),
    });
    return { aq, op: aq.op, tables: this.tables, display, chart, print: stream('stdout'), console: capture };
  }

  private chartSpec(spec: VegaLiteSpec): MaterializedChart {
    if (!spec || typeof spec !== 'object') throw new TypeError('chart(spec) needs a vega-lite spec object');
    const data = spec.data as unknown;
    const { data: _data, ...rest } = spec;
    if (isTableLike(data)) return materializeChart(rest, data as ColumnTable);
    if (typeof data === 'string') {
      const table = this.tables[data];
      if (!table) throw new Error(`chart(): unknown table "${data}" (tables: ${Object.keys(this.tables).join(', ') || 'none loaded'})`);
      return materializeChart(rest, table);
    }
    if (Array.isArray(data)) return materializeChart(rest, aq.from(data));
    return { spec };
  }
}

function bundleOf(value: unknown): MimeBundle {
  if (isTableLike(value)) return tableBundle(value, DISPLAY_ROWS);
  if (Array.isArray(value) && value.length > 0 && value.every((row) => row && typeof row === 'object' && !Array.isArray(row))) {
    return { ...tableBundle(aq.from(value), DISPLAY_ROWS), [MIME_PLAIN]: formatValue(value) };
  }
  return { [MIME_PLAIN]: formatValue(value) };
}

function locate(error: unknown, tag: string): { line?: number } {
  const stack = String((error as Error | undefined)?.stack ?? '');
  const match = new RegExp(`${tag}:(\\d+):(\\d+)`).exec(stack);
  if (!match) return {};
  // Columns are left out: rewriting declarations shifts them, lines it never moves.
  const line = Number(match[1]) - BODY_LINE_OFFSET;
  return line >= 1 ? { line } : {};
}

/** What to do when an Arquero expression reads a cell variable (Arquero parses it as text, without its closure). */
export const ARQUERO_CLOSURE_HINT =
  'an Arquero expression cannot read cell variables (Arquero compiles it from its text, without the variables around it): ' +
  'pass them as params, e.g. table.params({ minSize }).filter((d, $) => d.employees > $.minSize), or use aq.escape(d => d.employees > minSize) to run it as a plain function';

function interruptOutput(source: string, line?: number): CellOutput {
  const evalue = 'the cell was stopped by Interrupt; variables keep the values they had';
  const traceback = [`Interrupted: ${evalue}`];
  if (line !== undefined) {
    traceback.push(`    at line ${line} of the cell`);
    const text = source.split('\n')[line - 1];
    if (text !== undefined) traceback.push(`    ${line} | ${text}`);
  }
  return { type: 'error', ename: 'Interrupted', evalue, line, traceback };
}

function errorOutput(error: unknown, source: string, line?: number, column?: number): CellOutput {
  const isError = error instanceof Error || (typeof error === 'object' && error !== null && 'message' in error);
  const ename = isError ? String((error as Error).name || 'Error') : 'Error';
  const raw = isError ? String((error as Error).message) : formatValue(error, true);
  // Messages name the scope object the compiler routes notebook variables through; hide it. Arquero
  // compiles a table expression from its source text, where a cell variable reads as that object.
  const evalue = raw.includes(`"${SCOPE_PARAMETER}"`) ? ARQUERO_CLOSURE_HINT : raw.replaceAll(`${SCOPE_PARAMETER}.`, '');
  const traceback = [`${ename}: ${evalue}`];
  if (line !== undefined) {
    const text = source.split('\n')[line - 1];
    traceback.push(`    at line ${line}${column !== undefined ? `, column ${column}` : ''} of the cell`);
    if (text !== undefined) traceback.push(`    ${line} | ${text}`);
  }
  return { type: 'error', ename, evalue, line, column, traceback };
}
