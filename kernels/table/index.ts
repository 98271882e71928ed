// Public API of kernels/table: shared types, type inference, retyping, row access.
export * from './types';
export { inferNumericType, inferStringType, numericColumn, stringColumn, columnFromValues, isIdLikeName, valueToText } from './infer-type';
export type { StringInference } from './infer-type';
export { retypeColumn, convertColumn, cellTexts } from './retype-column';
export { sliceRows, tableToRows, cellValue } from './slice-rows';
export type { CellValue } from './slice-rows';
export { isMissingText } from './missing';
export { parseNumberText } from './parse-number';
export { parseDate, formatDate } from './parse-date';
export { stringStats, StringInterner } from './string-stats';
export type { StringStats } from './string-stats';
export { distinctNumbers } from './distinct-numbers';
export type { DistinctNumbers } from './distinct-numbers';
