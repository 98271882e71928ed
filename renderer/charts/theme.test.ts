import { describe, expect, it } from 'vitest';
import { CHART_THEME, withChartTheme } from './theme';

describe('withChartTheme', () => {
  it('adds the app theme as the config and keeps the spec', () => {
    const themed = withChartTheme({ mark: 'bar', data: { values: [] } });
    expect(themed.mark).toBe('bar');
    expect(themed.config).toEqual(CHART_THEME);
  });

  it("lets the spec's own config settings win over the theme's", () => {
    const themed = withChartTheme({ mark: 'line', config: { background: 'white' } });
    expect(themed.config).toMatchObject({ background: 'white', font: CHART_THEME.font });
  });
});
