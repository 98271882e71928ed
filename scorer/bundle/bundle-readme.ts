// The bundle's README: how to run it, call it, and deploy it — with the plain statement that no
// container engine or cluster ran where the bundle was made.
import type { ScorerModel } from '../load-model';

function exampleRow(model: ScorerModel): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const f of model.inputs.slice(0, 6)) {
    if (f.categories?.length) row[f.name] = f.categories[0];
    else if (f.type === 'boolean') row[f.name] = true;
    else if (f.type === 'date' || f.type === 'datetime') row[f.name] = '2024-01-31';
    else if (f.storage === 'numeric') row[f.name] = f.min ?? 1;
    else row[f.name] = 'text';
  }
  return row;
}

/** The environment table rows every scorer bundle shares (single- and multi-model), header included. */
export const SERVER_ENV_TABLE = `| variable | meaning |
|---|---|
| \`PORT\`, \`HOST\` | where to listen (default 8080 on 127.0.0.1) |
| \`TOURNEY_API_KEY\` | required to bind anything but loopback; then every route except /healthz and /readyz needs \`Authorization: Bearer <key>\` |
| \`TOURNEY_CORS_ORIGINS\` | comma-separated origins allowed to call from a browser (CORS is off otherwise) |
| \`TOURNEY_ACCESS_LOG\` | \`off\` silences the one-JSON-line-per-request access log on stdout |
| \`TOURNEY_MAX_BODY_BYTES\`, \`TOURNEY_MAX_ROWS\` | request limits (default 32 MB, 100,000 rows): 413 above them |
| \`TOURNEY_REQUEST_TIMEOUT_MS\`, \`TOURNEY_HEADERS_TIMEOUT_MS\` | slow-client deadlines (default 30 s, 10 s): 408 |
`;

export function bundleReadme(model: ScorerModel, app: string, hasProfile: boolean): string {
  const row = JSON.stringify(exampleRow(model));
  const columns = model.inputs.slice(0, 6).map((f) => f.name);
  const csvValues = columns.map((c) => JSON.stringify(exampleRow(model)[c] ?? '')).join(',');
  return `# ${model.name} scorer (${model.version})

A standalone scoring service for the Tourney model \`${model.name}\` (${model.task}, target
\`${model.target}\`), exported by \`tourney export\`. It needs Node.js 20 and nothing else: no
Tourney, Python or JVM. It scores exactly as \`tourney predict\` does: the fitted feature pipeline
(\`pipeline.json\`) replays in the same JavaScript, bundled into \`server.js\`.

**Not tested here:** no container engine and no Kubernetes cluster ran where this bundle was
made. The \`Dockerfile\` has never been built, and the manifests in \`k8s/\` were only validated
against the Kubernetes schemas. \`npm install && npm start\` was tested.

## Run

\`\`\`sh
npm install          # or: npm ci --omit=dev
npm start            # http://127.0.0.1:8080 ; node server.js --port 9000 --host 127.0.0.1
\`\`\`

${SERVER_ENV_TABLE}| \`TOURNEY_PREDICTION_LOG\` | a folder: log every scored row as NDJSON (see below) |
| \`TOURNEY_PREDICTION_LOG_FILE_BYTES\`, \`TOURNEY_PREDICTION_LOG_TOTAL_BYTES\` | rotate past this size (default 16 MB); keep at most this much on disk (default 256 MB) |
| \`TOURNEY_SUMMARY_FLUSH_SECONDS\` | with the prediction log: write the mergeable summary of the rows logged since the last one to \`summaries.ndjson\` this often (default 300; also at each hour's end), the file \`tourney monitor <model-dir> <log folder>\` reads first |
| \`TOURNEY_MAX_BATCH_ROWS\` | most rows the server scores in one model run when it joins concurrent requests (default 1,024; 1 turns joining off) |
| \`TOURNEY_SCORER_THREADS\` | threads a big request is scored on (default: the cores the process sees; the Kubernetes Deployment sets 1, its CPU limit). Above 1, a request of 2,048 rows or more is scored in parts on a worker thread while the next part is prepared |

SIGTERM stops accepting connections, lets in-flight requests finish, then exits 0.

## Call it

\`\`\`sh
curl -s http://127.0.0.1:8080/readyz
curl -s -X POST http://127.0.0.1:8080/v1/predict -H 'content-type: application/json' \\
  -d '{"rows":[${row}]}'
printf '${columns.join(',')}\\n${csvValues.replace(/'/g, "'\\''")}\\n' | \\
  curl -s -X POST http://127.0.0.1:8080/v1/predict -H 'content-type: text/csv' --data-binary @-
curl -s http://127.0.0.1:8080/v1/model
curl -s http://127.0.0.1:8080/metrics
curl -s http://127.0.0.1:8080/openapi.json
# with an API key:
curl -s -H "Authorization: Bearer $TOURNEY_API_KEY" http://127.0.0.1:8080/v1/model
\`\`\`

The answer: \`{"model":{"name","version"},"predictions":[{"prediction":…,"probabilities":{class:p,…}}]}\`
(regression: \`prediction\` only), one per row, in order. Fields the model does not read are ignored;
missing fields and unseen categories are scored as at training time. A value that cannot belong to
its column gets 400 with \`{"error": "row 2, field \\"age\\": expected a number, got \\"abc\\""}\`.

## Files

| file | what |
|---|---|
| \`server.js\` | the server, one JavaScript file (esbuild), kernels included |
| \`manifest.json\`, \`meta.json\`, \`pipeline.json\`, \`tournament.json\` / \`model.json\`, \`report.json\`, \`template.json\` | the model directory the service scores with, unchanged; the server checks every file against \`manifest.json\` (size and SHA-256) at start and refuses an edited, missing or stale one, naming it |
| \`model.onnx\` | the model as ONNX: what the server scores with (onnxruntime-node), after replaying \`pipeline.json\` in JavaScript |
| \`bundle.json\` | bundle name, model version, file list |
| \`openapi.json\` | OpenAPI 3.1, generated from the model's input schema |
| \`MODEL_CARD.md\` | model details, intended use, training data, metrics, caveats |
| \`reference-profile.json\` | ${hasProfile ? 'the training data profile, the reference for drift monitoring' : 'absent: the model directory had no training reference profile'} |${hasProfile ? '\n| `prometheus-rules.yml` | Prometheus alerting rules over the gauges in /metrics (load it with `rule_files:`); the window they describe is served as JSON at `GET /v1/monitoring` |' : ''}
| \`package.json\`, \`package-lock.json\`, \`.npmrc\` | exact runtime dependency versions |
| \`Dockerfile\`, \`.dockerignore\` | node:20-slim image, non-root, HEALTHCHECK on /healthz (untested here) |
| \`k8s/\` | Deployment (probes, requests/limits, non-root, read-only root), Service, HorizontalPodAutoscaler, PodDisruptionBudget |

## Deploy (untested here)

\`\`\`sh
docker build -t ${app}:${model.version.replace(/[^\w.-]/g, '-')} .
docker run -p 8080:8080 -e TOURNEY_API_KEY=change-me ${app}:${model.version.replace(/[^\w.-]/g, '-')}
kubectl create secret generic ${app}-api-key --from-literal=api-key=change-me
kubectl apply -f k8s/
\`\`\`

## Prediction log format

With \`TOURNEY_PREDICTION_LOG=<dir>\`, each scored row is one line of \`<dir>/predictions.ndjson\`:
\`{"time","requestId","model":{"name","version"},"latencyMs","row","id","input":{…},"output":{"prediction","probabilities"}}\`.
Past the file size limit it is renamed \`predictions-<time>-<n>.ndjson\`; the oldest rotated files are
deleted to stay under the total.

Beside it, \`<dir>/summaries.ndjson\` gets one line every 5 minutes (\`TOURNEY_SUMMARY_FLUSH_SECONDS\`),
at each hour's end and at shutdown: the mergeable summary (per-column histograms, data-quality
counts, scores, latency) of the rows logged since the previous line. \`tourney monitor <model-dir> <dir>\`
and Tourney's Monitor view read it first and count each prediction once; 10 M predictions read
from it in well under a second, where their row lines take ~25 s to parse. It rotates like the
prediction log, within an eighth of its total.
`;
}
