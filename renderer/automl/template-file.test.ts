import { describe, expect, it } from 'vitest';
import { parseTemplate, templateSettings } from '../../kernels/tournament/template';
import { templateFileName, templateFromView, viewFromTemplateFile } from './template-file';

const leads = { name: 'leads', columns: [{ name: 'converted' }, { name: 'title' }, { name: 'email' }] };
const view = { target: 'converted', metric: 'aupr', timeBudgetSeconds: 45, choices: { disabled: ['title:seniority'], types: { email: 'text' as const } } };

describe('AutoML view templates', () => {
  it('write the view settings as a template the CLI reads, and read them back', () => {
    const template = templateFromView(view, 'leads');
    const text = JSON.stringify(template);
    // What `tourney train --template` does with it: the same settings.
    expect(templateSettings(parseTemplate(JSON.parse(text)))).toMatchObject({
      target: 'converted', metric: 'aupr', timeBudgetSeconds: 45, features: { disabled: ['title:seniority'], types: { email: 'text' } },
    });
    expect(templateFileName(template)).toBe('converted.template.json');
    const read = viewFromTemplateFile('converted.template.json', text, { ...leads, name: 'leads 2027' });
    expect(read.view).toEqual(view);
    expect(read.template.name).toBe('converted tournament');
  });

  it('name what is wrong with a file or with the table it is applied to', () => {
    const text = JSON.stringify(templateFromView(view, 'leads'));
    expect(() => viewFromTemplateFile('t.json', '{"kind":', leads)).toThrow(/^t\.json is not valid JSON/);
    expect(() => viewFromTemplateFile('t.json', '{"kind":"notebook"}', leads)).toThrow(/^t\.json: tournament template: "kind" must be/);
    expect(() => viewFromTemplateFile('t.json', text, { name: 'deals', columns: [{ name: 'amount' }] }))
      .toThrow('table "deals" does not fit t.json: the table has no target column "converted"; the feature settings name column "email", which the table does not have');
  });
});
