import { describe, expect, it } from 'vitest';
import { DataError } from '../../kernels/table/types';
import { toLoadFailure } from './load-failure';

describe('toLoadFailure', () => {
  it('keeps the file, line and column a DataError names', () => {
    const failure = toLoadFailure(new DataError("bad.csv: duplicate column name 'a'", { file: 'bad.csv', line: 1, column: 'a' }), 'bad.csv');
    expect(failure).toEqual({ message: "bad.csv: duplicate column name 'a'", file: 'bad.csv', line: 1, column: 'a' });
  });

  it('names the file for any other error', () => {
    expect(toLoadFailure(new RangeError('Array buffer allocation failed'), 'big.csv')).toEqual({
      message: 'Array buffer allocation failed', file: 'big.csv', line: undefined, column: undefined,
    });
    expect(toLoadFailure('boom', 'x.json')).toEqual({ message: 'boom', file: 'x.json' });
  });
});
