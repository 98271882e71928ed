// The predictions CSV, `tourney predict`'s output contract, one line per input row in order:
// binary `prediction,probability` (of the positive class), multiclass `prediction,probability_<class>…`,
// regression `prediction`. Here so the CLI and the app's batch scoring (a worker) write the same file.

export interface PredictionsMeta {
  task: 'binary' | 'multiclass' | 'regression';
  classes: string[] | null;
}

/** `p` in FittedModel.predict's shape (binary P(positive), multiclass n × k row-major, regression values). */
export function formatPredictions(nClasses: number, meta: PredictionsMeta, p: Float64Array, n: number): string {
  const lines: string[] = [];
  if (meta.task === 'regression') {
    lines.push('prediction');
    for (let i = 0; i < n; i++) lines.push(String(p[i]));
  } else if (meta.task === 'binary') {
    const [negative, positive] = meta.classes ?? ['0', '1'];
    lines.push('prediction,probability');
    for (let i = 0; i < n; i++) lines.push(`${csvField(p[i] >= 0.5 ? positive : negative)},${p[i]}`);
  } else {
    const classes = meta.classes ?? [];
    const k = nClasses;
    if (classes.length !== k) throw new Error(`meta.json lists ${classes.length} classes, the model predicts ${k}`);
    lines.push(['prediction', ...classes.map((c) => csvField(`probability_${c}`))].join(','));
    for (let i = 0; i < n; i++) {
      let best = 0;
      for (let c = 1; c < k; c++) if (p[i * k + c] > p[i * k + best]) best = c;
      const row = [csvField(classes[best])];
      for (let c = 0; c < k; c++) row.push(String(p[i * k + c]));
      lines.push(row.join(','));
    }
  }
  return lines.join('\n') + '\n';
}

function csvField(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
