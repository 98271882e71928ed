import { describe, expect, it } from 'vitest';
import { aliasAt, aliasesByVersion, emptyAliases, moveAlias } from './aliases';
import { aliasesSchema } from './documents';

describe('moveAlias', () => {
  it('moves aliases and appends every move to the history, oldest first', () => {
    let a = emptyAliases('churn');
    a = moveAlias(a, [1, 2, 3], { alias: 'champion', to: 1, at: '2026-12-01T00:00:00Z' });
    a = moveAlias(a, [1, 2, 3], { alias: 'challenger', to: 2, at: '2026-12-02T00:00:00Z' });
    a = moveAlias(a, [1, 2, 3], { alias: 'champion', to: 2, at: '2026-12-03T00:00:00Z', note: 'won the retrain' });
    a = moveAlias(a, [1, 2, 3], { alias: 'challenger', to: null, at: '2026-12-04T00:00:00Z' });
    expect(a.aliases).toEqual({ champion: 2 });
    expect(a.history).toEqual([
      { at: '2026-12-01T00:00:00Z', alias: 'champion', from: null, to: 1, note: null },
      { at: '2026-12-02T00:00:00Z', alias: 'challenger', from: null, to: 2, note: null },
      { at: '2026-12-03T00:00:00Z', alias: 'champion', from: 1, to: 2, note: 'won the retrain' },
      { at: '2026-12-04T00:00:00Z', alias: 'challenger', from: 2, to: null, note: null },
    ]);
    expect(aliasesSchema.parse(a)).toEqual(a);
    expect(aliasAt(a, 'champion', '2026-12-02T12:00:00Z')).toBe(1);
    expect(aliasAt(a, 'champion', '2026-12-05T00:00:00Z')).toBe(2);
    expect(aliasAt(a, 'champion', '2026-11-30T00:00:00Z')).toBeNull();
    expect(aliasesByVersion(a)).toEqual(new Map([[2, ['champion']]]));
  });

  it('keeps the history unchanged for a no-op and refuses bad moves', () => {
    const a = moveAlias(emptyAliases('churn'), [1], { alias: 'champion', to: 1, at: '2026-12-01T00:00:00Z' });
    expect(moveAlias(a, [1], { alias: 'champion', to: 1, at: '2026-12-02T00:00:00Z' })).toBe(a);
    expect(() => moveAlias(a, [1], { alias: 'champion', to: 5, at: '2026-12-02T00:00:00Z' })).toThrow('model "churn" has no version 5');
    expect(() => moveAlias(a, [1], { alias: 'Champion!', to: 1, at: '2026-12-02T00:00:00Z' })).toThrow(/invalid alias name "Champion!"/);
    expect(() => moveAlias(a, [1], { alias: 'latest', to: 1, at: '2026-12-02T00:00:00Z' })).toThrow(/reserved/);
    expect(() => moveAlias(a, [1], { alias: 'staging', to: null, at: '2026-12-02T00:00:00Z' })).toThrow(/no alias "staging" to remove/);
  });
});
