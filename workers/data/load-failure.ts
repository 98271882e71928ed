// Turns whatever a load threw into the plain failure the main thread shows: the parser's message
// plus the file, line and column it named (DataError.where), when it named them.
import type { LoadFailure } from '../../shared/data/protocol';

export function toLoadFailure(error: unknown, fileName: string): LoadFailure {
  if (error instanceof Error) {
    const where = (error as Error & { where?: { file?: string; line?: number; column?: string } }).where ?? {};
    return {
      message: error.message || String(error),
      file: where.file ?? fileName,
      line: where.line,
      column: where.column,
    };
  }
  return { message: String(error), file: fileName };
}
