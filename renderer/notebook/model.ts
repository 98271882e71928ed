// The notebook document: an ordered list of cells of four kinds. Pure data and pure functions;
// the undoable history and the run state are in reducer.ts.

export type CellKind = 'markdown' | 'code' | 'data' | 'chart';

export const CELL_KINDS: readonly CellKind[] = ['code', 'markdown', 'data', 'chart'];

/** What Tourney keeps about a cell beyond its source (saved under `metadata.tourney`). */
export interface TourneyCellMetadata {
  /** data and chart cells: the table they show. */
  table?: string;
  /** chart cells: the builder's choices that produced the spec (absent: spec written by hand). */
  builder?: ChartBuilderState;
  /** A raw cell from another tool: shown as markdown, saved back as raw. */
  raw?: boolean;
}

export interface ChartBuilderState {
  mark: string;
  x?: string;
  y?: string;
  color?: string;
  aggregate?: string;
}

export interface Cell {
  id: string;
  kind: CellKind;
  /** code: TypeScript; markdown: markdown; chart: the vega-lite spec as JSON text; data: unused. */
  source: string;
  tourney?: TourneyCellMetadata;
  /** Metadata from the file that Tourney does not use, kept so it survives a round trip. */
  extraMetadata?: Record<string, unknown>;
}

export interface NotebookDoc {
  cells: Cell[];
  /** Notebook-level metadata kept from the file (kernelspec, ...). */
  metadata: Record<string, unknown>;
}

let idCounter = 0;

/** A short unique cell id (nbformat 4.5 allows 1-64 chars of [a-zA-Z0-9-_]). */
export function newCellId(): string {
  idCounter = (idCounter + 1) % 1_000_000;
  const random = Math.random().toString(36).slice(2, 10);
  return `${Date.now().toString(36)}-${idCounter.toString(36)}-${random}`;
}

export function createCell(kind: CellKind, source = '', id = newCellId()): Cell {
  return { id, kind, source };
}

export function emptyNotebook(): NotebookDoc {
  return { cells: [createCell('code')], metadata: {} };
}

export function cellIndex(doc: NotebookDoc, id: string): number {
  return doc.cells.findIndex((cell) => cell.id === id);
}

export function insertCell(doc: NotebookDoc, cell: Cell, index: number): NotebookDoc {
  const at = Math.max(0, Math.min(index, doc.cells.length));
  return { ...doc, cells: [...doc.cells.slice(0, at), cell, ...doc.cells.slice(at)] };
}

export function deleteCell(doc: NotebookDoc, id: string): NotebookDoc {
  return { ...doc, cells: doc.cells.filter((cell) => cell.id !== id) };
}

/** Moves a cell by `delta` places (clamped to the ends). */
export function moveCell(doc: NotebookDoc, id: string, delta: number): NotebookDoc {
  const from = cellIndex(doc, id);
  if (from < 0) return doc;
  const to = Math.max(0, Math.min(doc.cells.length - 1, from + delta));
  if (to === from) return doc;
  const cells = [...doc.cells];
  const [cell] = cells.splice(from, 1);
  cells.splice(to, 0, cell);
  return { ...doc, cells };
}

export function updateCell(doc: NotebookDoc, id: string, update: (cell: Cell) => Cell): NotebookDoc {
  let changed = false;
  const cells = doc.cells.map((cell) => {
    if (cell.id !== id) return cell;
    const next = update(cell);
    changed ||= next !== cell;
    return next;
  });
  return changed ? { ...doc, cells } : doc;
}

/** Changes a cell's kind, keeping its source (as Jupyter's M and Y do). */
export function changeKind(doc: NotebookDoc, id: string, kind: CellKind): NotebookDoc {
  return updateCell(doc, id, (cell) => (cell.kind === kind ? cell : { ...cell, kind }));
}
