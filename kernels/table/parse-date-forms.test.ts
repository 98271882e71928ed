import { describe, expect, it } from 'vitest';
import { parseDate } from './parse-date';
import { stringColumn } from './infer-type';

const day = (iso: string) => Date.parse(iso + 'T00:00:00Z');

describe('dates people write', () => {
  it('parses month names, dashes and times', () => {
    expect(parseDate('Jan 5, 2024')?.ms).toBe(day('2024-01-05'));
    expect(parseDate('5 Jan 2024')?.ms).toBe(day('2024-01-05'));
    expect(parseDate('5-Jan-2024')?.ms).toBe(day('2024-01-05'));
    expect(parseDate('January 5th, 2024')?.ms).toBe(day('2024-01-05'));
    expect(parseDate('March 5, 2024 3:15 PM')?.ms).toBe(Date.parse('2024-03-05T15:15:00Z'));
    expect(parseDate('05-01-2024', 'dmy')?.ms).toBe(day('2024-01-05'));
    expect(parseDate('Foo 5, 2024')).toBeUndefined();
    expect(parseDate('Feb 30, 2024')).toBeUndefined();
  });

  it('reads a column mixing six forms, with a note naming them and the day order', () => {
    const notes: string[] = [];
    const c = stringColumn('when', ['2024-01-05', '2024/01/06', '25/01/2024', 'Jan 8, 2024', '9 Jan 2024', '2024-01-10 10:30', '11.01.2024'], { notes });
    expect(c.type).toBe('datetime');
    expect(Array.from(c.values as Float64Array).slice(0, 5)).toEqual(['2024-01-05', '2024-01-06', '2024-01-25', '2024-01-08', '2024-01-09'].map(day));
    expect(notes[0]).toMatch(/column 'when': read dates written in 5 forms \(ISO, YYYY\/MM\/DD, slashed, month name, DD.MM.YYYY\); read slashed dates as day\/month\/year \("25\/01\/2024"\)/);
  });

  it('never guesses the day order silently', () => {
    const notes: string[] = [];
    const c = stringColumn('d', ['01/02/2024', '03/04/2024', '05/06/2024'], { notes });
    expect(c.type).toBe('date');
    expect((c.values as Float64Array)[0]).toBe(day('2024-01-02'));
    expect(notes[0]).toMatch(/day\/month order is ambiguous .*read as month\/day\/year/);
  });

  it('says why a date-like column was left as text', () => {
    const notes: string[] = [];
    expect(stringColumn('d', ['13/02/2024', '03/14/2024', '05/06/2024'], { notes }).storage).toBe('string');
    expect(notes[0]).toMatch(/mixes day-first \("13\/02\/2024"\) and month-first \("03\/14\/2024"\) orders; left as text/);
    notes.length = 0;
    expect(stringColumn('d', ['2024-01-05', '2024-01-06', '2024-01-07', '2024-01-08', '2024-01-09', 'soon'], { notes }).storage).toBe('string');
    expect(notes[0]).toMatch(/5 of 6 distinct values are dates but "soon" is not; left as text/);
  });
});
