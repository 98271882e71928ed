import { describe, expect, it } from 'vitest';
import { readModelJson } from './model-json';

describe('readModelJson', () => {
  it('returns the record for the expected family and format', () => {
    const { json } = readModelJson({ family: 'linear', format: 1, coef: [] }, 'linear', 'linear', 1);
    expect(json.coef).toEqual([]);
  });

  it('names the model kind and the problem', () => {
    expect(() => readModelJson(null, 'naive Bayes', 'bayes', 1)).toThrow('naive Bayes model JSON: not an object');
    expect(() => readModelJson({ family: 'gbdt', format: 1 }, 'linear', 'linear', 1)).toThrow('family is "gbdt", expected "linear"');
    expect(() => readModelJson({ family: 'bayes', format: 2 }, 'naive Bayes', 'bayes', 1)).toThrow('format 2 is not supported (expected 1)');
  });

  it('gives a fail function that throws with the same prefix', () => {
    const { fail } = readModelJson({ family: 'bayes', format: 1 }, 'naive Bayes', 'bayes', 1);
    expect(() => fail('logPrior does not match nClasses')).toThrow('naive Bayes model JSON: logPrior does not match nClasses');
  });
});
