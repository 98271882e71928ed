import { describe, expect, it } from 'vitest';
import { describeFailure } from './data-client';

describe('describeFailure', () => {
  it('puts file and line first when the message does not name them', () => {
    expect(describeFailure({ message: 'expected 3 fields, found 4', file: 'bad.csv', line: 12 })).toBe('bad.csv, line 12: expected 3 fields, found 4');
  });

  it('does not repeat what the parser already said', () => {
    expect(describeFailure({ message: 'bad.csv: line 12: expected 3 fields', file: 'bad.csv', line: 12 })).toBe('bad.csv: line 12: expected 3 fields');
    expect(describeFailure({ message: 'bad.csv: line 120 is odd', file: 'bad.csv', line: 12 })).toBe('line 12: bad.csv: line 120 is odd');
  });
});
