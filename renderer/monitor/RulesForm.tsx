// The model's alert rules as a small form: the thresholds a person tunes most, each applied as it
// is typed (a value that is not a number ≥ 0 is shown as wrong and not applied).
import { useState } from 'react';
import type { AlertRules } from '../../kernels/monitor/alert-rules';

const FIELDS: { rule: keyof AlertRules; key: string; label: string }[] = [
  { rule: 'noScores', key: 'hours', label: 'no scores for (hours)' },
  { rule: 'featureDrift', key: 'minPsi', label: 'drift: PSI at least' },
  { rule: 'featureDrift', key: 'minImportance', label: 'drift: importance at least' },
  { rule: 'scoreShift', key: 'psi', label: 'score shift: PSI at least' },
  { rule: 'invalidInputs', key: 'outOfRangeShare', label: 'out of range: share above' },
  { rule: 'performance', key: 'maxRelativeDrop', label: 'performance: drop above' },
];

export function RulesForm({ rules, onChange }: { rules: AlertRules; onChange: (rules: AlertRules) => void }) {
  return (
    <details className="mo-rules" data-testid="monitor-rules">
      <summary>Alert rules for this model</summary>
      <div className="rg-form">
        {FIELDS.map((f) => (
          <RuleField key={`${f.rule}.${f.key}`} label={f.label} value={(rules[f.rule] as unknown as Record<string, number>)[f.key]} testId={`monitor-rule-${f.rule}-${f.key}`}
            onValue={(v) => onChange({ ...rules, [f.rule]: { ...rules[f.rule], [f.key]: v } })} />
        ))}
      </div>
    </details>
  );
}

function RuleField({ label, value, testId, onValue }: { label: string; value: number; testId: string; onValue: (v: number) => void }) {
  const [text, setText] = useState(String(value));
  const parsed = Number(text);
  const bad = text.trim() === '' || !Number.isFinite(parsed) || parsed < 0;
  return (
    <label>
      <span>{label}</span>
      <input value={text} aria-invalid={bad} data-testid={testId} size={8}
        onChange={(e) => {
          setText(e.target.value);
          const v = Number(e.target.value);
          if (e.target.value.trim() !== '' && Number.isFinite(v) && v >= 0) onValue(v);
        }} />
    </label>
  );
}
