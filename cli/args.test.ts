import { describe, expect, it } from 'vitest';
import { checkFlags, integerFlag, listFlag, numberFlag, parseArgs, stringFlag, UsageError } from './args';

const parse = (...argv: string[]) => parseArgs(argv, ['json']);

describe('parseArgs', () => {
  it('reads positionals, --flag value, --flag=value and switches', () => {
    const a = parse('data.csv', '--target', 'y', '--seed=3', '--json', 'more');
    expect(a.positionals).toEqual(['data.csv', 'more']);
    expect([...a.flags]).toEqual([['target', 'y'], ['seed', '3'], ['json', true]]);
  });

  it('keeps values that look like numbers or start with one dash, and everything after --', () => {
    expect(parse('--seed', '-1').flags.get('seed')).toBe('-1');
    expect(parse('--', '--not-a-flag', 'x').positionals).toEqual(['--not-a-flag', 'x']);
    expect(parse('--out=a=b').flags.get('out')).toBe('a=b');
  });

  it.each([
    [['--target'], '--target needs a value'],
    [['--target', '--json'], '--target needs a value'],
    [['--seed', '1', '--seed', '2'], '--seed is given twice'],
    [['--json=yes'], '--json takes no value'],
    [['--'], undefined],
    [['--=x'], '"--=x" is not an option'],
  ])('%j', (argv, message) => {
    if (message === undefined) expect(() => parse(...argv)).not.toThrow();
    else expect(() => parse(...argv)).toThrow(new UsageError(message));
  });

  it('checkFlags names the unknown option', () => {
    expect(() => checkFlags(parse('--budget', '5'), ['seed'])).toThrow('unknown option --budget');
    expect(() => checkFlags(parse('--seed', '5'), ['seed'])).not.toThrow();
  });

  it('stringFlag refuses a switch where a value is needed', () => {
    expect(() => stringFlag(parse('--json'), 'json')).toThrow('--json needs a value');
  });
});

describe('numbers are decimal, whole where they must be', () => {
  const seed = (v: string) => integerFlag(parse(`--seed=${v}`), 'seed');
  it.each(['0x10', ' ', '', '1.5', '1e3', '0b1', '0o7', 'Infinity', 'NaN', '１', '9007199254740993', '3 '])('--seed %j is refused', (v) => {
    expect(() => seed(v)).toThrow(UsageError);
  });
  it.each([['16', 16], ['-3', -3], ['+4', 4], ['007', 7]])('--seed %j is %d', (v, n) => expect(seed(v)).toBe(n));
  it('a lower bound', () => {
    expect(() => integerFlag(parse('--workers=0'), 'workers', 1)).toThrow('--workers must be ≥ 1, got 0');
    expect(integerFlag(parse('--workers=2'), 'workers', 1)).toBe(2);
    expect(integerFlag(parse(), 'workers', 1)).toBeUndefined();
  });

  const budget = (v: string) => numberFlag(parse(`--time-budget=${v}`), 'time-budget');
  it.each(['0x10', ' ', '', 'Infinity', '-Infinity', '1,5', '5s', '1e999', '.'])('--time-budget %j is refused', (v) => {
    expect(() => budget(v)).toThrow(UsageError);
  });
  it.each([['5', 5], ['2.5', 2.5], ['.5', 0.5], ['1e1', 10], ['-1', -1]])('--time-budget %j is %d', (v, n) => expect(budget(v)).toBe(n));
});

describe('lists name at least one known item and no empty ones', () => {
  const models = (v: string) => listFlag(parse(`--models=${v}`), 'models', ['gbdt', 'forest']);
  it.each([',', ' , ', ''])('%j names nothing', (v) => expect(() => models(v)).toThrow(/names nothing/));
  it.each(['gbdt,', ',gbdt', 'gbdt,,forest'])('%j has an empty entry', (v) => expect(() => models(v)).toThrow(/has an empty entry/));
  it('an unknown item is named', () => expect(() => models('gbdt,svm')).toThrow('unknown value "svm" in --models (known: gbdt, forest)'));
  it('items are trimmed and deduplicated', () => expect(models(' gbdt , forest,gbdt')).toEqual(['gbdt', 'forest']));
});
