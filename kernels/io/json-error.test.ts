import { describe, expect, it } from 'vitest';
import { locateJsonError } from './json-error';

describe('locateJsonError', () => {
  it('accepts valid JSON of every kind', () => {
    for (const text of ['{}', '[]', '{"a": [1, -2.5e3, true, false, null, "x\\n\\u00e9"]}', ' "s" ', '\ufeff{"bom": 1}']) {
      expect(locateJsonError(text)).toBeNull();
      expect(() => JSON.parse(text.replace(/^\ufeff/, ''))).not.toThrow();
    }
  });

  it('finds the line and column of the first error', () => {
    expect(locateJsonError('{\n  "cells": [,]\n}')).toMatchObject({ line: 2, column: 13, message: "unexpected ','" });
    expect(locateJsonError('{"a": 1 "b": 2}')).toMatchObject({ line: 1, column: 9, message: "expected ',' or '}' after a property value, found '\"'" });
    expect(locateJsonError('{"a": [1, 2}')).toMatchObject({ column: 12 });
    expect(locateJsonError("{'a': 1}")).toMatchObject({ column: 2, message: "expected a property name in double quotes, found '''" });
    expect(locateJsonError('{"a": tru}')).toMatchObject({ column: 7 });
  });

  it('reports a truncated file at its end', () => {
    expect(locateJsonError('{"nbformat": 4,\n "cells": [')).toMatchObject({ line: 2, column: 12, message: 'unexpected end of file' });
    expect(locateJsonError('"open')).toMatchObject({ message: 'unterminated string' });
  });

  it('reports trailing garbage', () => {
    expect(locateJsonError('{} x')).toMatchObject({ column: 4, message: "unexpected 'x' after the end of the JSON value" });
  });
});
