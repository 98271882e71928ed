// The model card: what /v1/model serves and the bundle writes as MODEL_CARD.md, from meta.json and
// report.json (model details, intended use, training data, metrics, caveats).
import type { ScorerModel } from './load-model';

const fmt = (v: unknown) => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toPrecision(4)) : String(v ?? 'n/a'));

export function modelCardMarkdown(model: ScorerModel): string {
  const { meta, report } = model;
  const lines = [`# Model card: ${model.name} (${model.version})`, '', '## Model details', ''];
  lines.push(`- Task: ${model.task}, predicting \`${model.target}\``);
  if (model.classes) lines.push(`- Classes: ${model.classes.map((c) => `\`${c}\``).join(', ')}${model.positiveClass ? ` (positive: \`${model.positiveClass}\`)` : ''}`);
  lines.push(`- Model: ${fmt(meta.family ?? meta.model ?? 'n/a')}${meta.params ? ` — \`${JSON.stringify(meta.params).slice(0, 300)}\`` : ''}`);
  lines.push(`- Trained with Tourney${meta.createdAt ? ` on ${fmt(meta.createdAt)}` : ''}${meta.seed !== undefined ? `, seed ${fmt(meta.seed)}` : ''}`);
  lines.push('', '## Intended use', '');
  lines.push(`Scoring rows shaped like the training data (${fmt(meta.trainedOn ?? 'see below')}), one prediction per row. The model learned associations in that data, not causes; use it on the population it was trained on and check its monitoring before trusting it elsewhere.`);
  lines.push('', '## Training data', '');
  lines.push(`- File: ${fmt(meta.trainedOn ?? 'n/a')}; rows: ${fmt(meta.rows ?? report?.rows)}${report?.trainRows ? ` (train ${fmt(report.trainRows)}, held-out test ${fmt(report.testRows)})` : ''}`);
  lines.push(`- Inputs (${model.inputs.length}): ${model.inputs.map((f) => `\`${f.name}\` (${f.type})`).join(', ')}`);
  lines.push('', '## Metrics', '');
  const metrics = Object.entries(model.metrics);
  if (metrics.length) {
    lines.push('| metric | value |', '|---|---|');
    for (const [k, v] of metrics) lines.push(`| ${k} | ${fmt(v)} |`);
  } else lines.push('No held-out metrics were recorded with this model.');
  lines.push('', '## Caveats', '');
  if (model.dropped.length) {
    lines.push('Columns the model does not use:');
    for (const d of model.dropped) lines.push(`- \`${d.column}\`: ${d.reason}`);
  } else lines.push('- No input column was dropped.');
  const droppedFeatures = Array.isArray(report?.droppedFeatures) ? report.droppedFeatures.length : 0;
  if (droppedFeatures) lines.push(`- ${droppedFeatures} derived feature(s) were removed as redundant (see report.json).`);
  lines.push('- Missing fields and categories never seen in training are scored as at training time (missing, or "other").');
  lines.push(model.profile ? '- A training reference profile is included (reference-profile.json) for drift monitoring.' : '- No training reference profile came with this model directory; drift monitoring needs one.');
  return lines.join('\n') + '\n';
}
