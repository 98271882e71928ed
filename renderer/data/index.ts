// Data loading and viewing for the app shell: the client (loads, tables, rows, profiles, the
// runner port) and the components that use it.
export { dataClient, DataClient, LoadCancelledError, LoadFailedError, describeFailure } from './data-client';
export type { DataState, LoadJob, LoadNotice, LoadOptions } from './data-client';
export { useDataState, useTables, useTable } from './use-data';
export { DataLoader, type DataLoaderProps } from './DataLoader';
export { DataCellView, type DataCellViewProps } from './DataCellView';
export { TablePicker, type TablePickerProps } from './TablePicker';
export type { TableSummary, ColumnSummary, RowQuery, RowWindow, ColumnFilter } from '../../shared/data/protocol';
