// Draws the AutoML view's vega-lite charts to SVG text off the main thread: compiling a spec and
// running the dataflow take tens of milliseconds per chart, which on a busy machine becomes a
// main-thread long task; the view only inserts the finished SVG. Expressions go through
// vega-interpreter (ast: true), as in cells/VegaChart, so no code is generated at run time.
import { expose } from 'comlink';
import { parse, View } from 'vega';
import { expressionInterpreter } from 'vega-interpreter';
import { compile, type TopLevelSpec } from 'vega-lite';

const api = {
  /** The chart as an SVG document, `width` pixels wide overall (axes and legend included). */
  async svg(spec: Record<string, unknown>, width: number, config: Record<string, unknown>): Promise<string> {
    const sized = {
      ...spec,
      ...(spec.width === 'container' || spec.width === undefined ? { width: Math.max(120, Math.floor(width)) } : {}),
      autosize: { type: 'fit-x', contains: 'padding' },
      config: { ...config, ...(spec.config as object | undefined) },
    };
    const compiled = compile(sized as unknown as TopLevelSpec).spec;
    const view = new View(parse(compiled, undefined, { ast: true }), { expr: expressionInterpreter, renderer: 'none' } as never);
    try {
      return await view.toSVG();
    } finally {
      view.finalize();
    }
  },
};

export type AutoMLChartWorkerApi = typeof api;
expose(api);
