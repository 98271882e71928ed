import { describe, expect, it } from 'vitest';
import { describeFeatureChoices, getFeatureChoices, hasFeatureChoices, setFeatureChoices } from './feature-choices';

describe('feature choices shared by the Features and AutoML views', () => {
  it('keeps choices per table, copied so later edits of the caller do not leak in', () => {
    const disabled = ['description:text-terms'];
    setFeatureChoices('leads', { disabled, types: { title: 'categorical' } });
    disabled.push('email:domain');
    expect(getFeatureChoices('leads')).toEqual({ disabled: ['description:text-terms'], types: { title: 'categorical' } });
    expect(hasFeatureChoices(getFeatureChoices('other'))).toBe(false);
  });

  it('describes them in one line', () => {
    expect(describeFeatureChoices({ disabled: ['description:text-terms'], types: { title: 'categorical' } }))
      .toBe('1 derivation off (description:text-terms), 1 type changed (title → categorical)');
    expect(describeFeatureChoices({ disabled: ['a:x', 'b:y'], types: {} })).toBe('2 derivations off (a:x, b:y)');
  });
});
