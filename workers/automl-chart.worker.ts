// Draws the AutoML view's vega-lite charts to SVG text off the main thread: compiling a spec and
// running the dataflow take tens of milliseconds per chart, which on a busy machine becomes a
// main-thread long task; the view only inserts the finished SVG.
import { expose } from 'comlink';
import { chartSvg } from './automl/chart-svg';

const api = {
  /** The chart as an SVG document, `width` pixels wide overall (axes and legend included). */
  svg: chartSvg,
};

export type AutoMLChartWorkerApi = typeof api;
expose(api);
