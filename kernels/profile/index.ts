// Public API of kernels/profile: column and table profiles as plain data.
export { profileColumn } from './profile-column';
export { profileTable } from './profile-table';
export { quantilesInPlace, selectInPlace } from './quantiles';
export type { ColumnProfile, TableProfile, Histogram, HistogramBin, ValueCount } from './types';
