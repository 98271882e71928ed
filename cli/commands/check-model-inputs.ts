// predict and evaluate: does the data file hold what the model reads? Warnings go to stderr as
// `warning: <file>: …` lines (and back to the caller for --json); a file the model cannot score
// meaningfully (no model column at all, or an ambiguous header) is refused with one error line.
import { basename } from 'node:path';
import { checkInputs } from '../../kernels/features/check-inputs';
import { DataError, type DataTable } from '../../kernels/table/types';

export function checkModelInputs(pipeline: unknown, table: DataTable, dataPath: string, warn = (line: string) => process.stderr.write(line + '\n')): string[] {
  const file = basename(dataPath);
  const check = checkInputs(pipeline, table);
  if (check.error) throw new DataError(`${file}: ${check.error}`, { file, ...(check.ambiguous[0] ? { column: check.ambiguous[0].column } : {}) });
  const warnings = check.warnings.map((w) => `${file}: ${w}`);
  for (const w of warnings) warn(`warning: ${w}`);
  return warnings;
}
