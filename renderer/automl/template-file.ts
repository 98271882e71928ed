// The AutoML view's settings as a tournament template file (kernels/tournament/template.ts): the
// same JSON `tourney train --template` reads and every CLI model directory holds, so a tournament
// set up in the app reruns on the next tenant's table in the app or headless, and back.
import type { FeatureRole } from '../../kernels/features/types';
import { checkTemplate, createTemplate, parseTemplateText, type TournamentTemplate } from '../../kernels/tournament/template';
import type { FeatureChoices } from '../features/feature-choices';

export interface ViewSettings {
  target: string;
  metric: string;
  timeBudgetSeconds: number;
  choices: FeatureChoices;
}

export function templateFromView(view: ViewSettings, tableName: string): TournamentTemplate {
  const { choices } = view;
  const features = {
    ...(choices.disabled.length ? { disabled: [...choices.disabled] } : {}),
    ...(Object.keys(choices.types).length ? { types: { ...choices.types } } : {}),
  };
  return createTemplate(
    { target: view.target, metric: view.metric, timeBudgetSeconds: view.timeBudgetSeconds, seed: 0, features },
    `${view.target} tournament`,
    `Set up in the AutoML view on table "${tableName}".`,
  );
}

export function templateFileName(template: TournamentTemplate): string {
  return `${template.target.replace(/[^\w.-]+/g, '_') || 'tournament'}.template.json`;
}

/**
 * Reads a template file for a table: the view settings it sets, or an Error naming what is wrong
 * (not JSON, not a template, or a table that lacks what it needs).
 */
export function viewFromTemplateFile(fileName: string, text: string, table: { name: string; columns: readonly { name: string }[] }): { template: TournamentTemplate; view: ViewSettings } {
  const template = parseTemplateText(text, fileName);
  const problems = checkTemplate(template, table);
  if (problems.length) throw new Error(`table "${table.name}" does not fit ${fileName}: ${problems.join('; ')}`);
  const features = template.features;
  return {
    template,
    view: {
      target: template.target,
      metric: template.metric ?? '',
      timeBudgetSeconds: template.timeBudgetSeconds,
      choices: { disabled: [...(features.disabled ?? [])], types: { ...(features.types ?? {}) } as Record<string, FeatureRole> },
    },
  };
}
