// The AutoML winner as the exported service would score it: batch scoring and "Export scorer"
// (the view's own What if? scores through the same ONNX model, see automl-client.ts).
import { automlClient } from '../automl/automl-client';
import { modelNameFrom } from '../registry/interchange';
import { ScoringPanel } from './ScoringPanel';

export function WinnerScoring({ tableName }: { tableName: string }) {
  // One source per finished run: its key changes with each run, so the panel reloads the new winner.
  return <ScoringPanel source={automlClient.winnerSource(modelNameFrom(tableName))} whatIf={false} />;
}
