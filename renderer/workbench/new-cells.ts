// What a new data or chart cell starts with: the table it shows and, for charts, a first chart
// from the builder (a count of the first categorical column).
import { builderSpec, defaultBuilder, specText, type BuilderColumn } from '../notebook/chart-builder';
import type { CellKind, TourneyCellMetadata } from '../notebook/model';

export interface TableInfo {
  name: string;
  columns: readonly BuilderColumn[];
}

export function newCellContent(kind: CellKind, table: TableInfo | undefined): { tourney?: TourneyCellMetadata; source?: string } {
  if (kind === 'data') return table ? { tourney: { table: table.name } } : {};
  if (kind !== 'chart') return {};
  const builder = defaultBuilder(table?.columns ?? []);
  return { tourney: { ...(table ? { table: table.name } : {}), builder }, source: specText(builderSpec(builder, table?.columns ?? [])) };
}
