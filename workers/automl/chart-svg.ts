// A vega-lite spec drawn to SVG text, as the AutoML chart worker does (and its tests, in Node).
// Expressions go through vega-interpreter (ast: true), so no code is generated at run time.
import { parse, View } from 'vega';
import { expressionInterpreter } from 'vega-interpreter';
import { compile, type TopLevelSpec } from 'vega-lite';

/**
 * The chart as an SVG document, `width` pixels wide overall (axes and legend included) unless the
 * spec sizes itself (its own `autosize`, like the confusion matrix whose cells must fit their numbers).
 */
export async function chartSvg(spec: Record<string, unknown>, width: number, config: Record<string, unknown>): Promise<string> {
  const sized = {
    ...spec,
    ...(spec.width === 'container' || spec.width === undefined ? { width: Math.max(120, Math.floor(width)) } : {}),
    autosize: spec.autosize ?? { type: 'fit-x', contains: 'padding' },
    config: { ...config, ...(spec.config as object | undefined) },
  };
  const compiled = compile(sized as unknown as TopLevelSpec).spec;
  const view = new View(parse(compiled, undefined, { ast: true }), { expr: expressionInterpreter, renderer: 'none' } as never);
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
