// The fleet bundle's README: how to run it, call it per tenant, size its cache, and deploy it —
// with the plain statement that no container engine or cluster ran where it was made.
import type { FleetBundleIndex } from '../fleet/bundle-catalog';
import { SERVER_ENV_TABLE } from './bundle-readme';
import { DEFAULT_CACHE, DEFAULT_TOP_TENANTS } from '../fleet/fleet-app';

export function fleetBundleReadme(name: string, app: string, image: string, index: FleetBundleIndex): string {
  const first = index.tenants[0]?.id ?? 'tenant-1';
  const shown = index.tenants.slice(0, 10).map((t) => `| \`${t.id}\` | ${t.champion} | ${t.modelVersion} |`).join('\n');
  return `# ${name}: multi-model scorer (${index.tenants.length} tenants)

One service scoring every tenant of \`${name}\` with that tenant's champion model, exported by
\`tourney export\` from a Tourney registry. It needs Node.js 20 and nothing else. Models load on
first use into a cache bounded by count and by bytes (least recently used goes first), so one
process serves thousands of tenants in the memory of the ones in use.

**Not tested here:** no container engine and no Kubernetes cluster ran where this bundle was
made. The \`Dockerfile\` has never been built, and the manifests in \`k8s/\` were only validated
against the Kubernetes schemas. \`npm install && npm start\` was tested.

## Run

\`\`\`sh
npm install          # or: npm ci --omit=dev
npm start            # http://127.0.0.1:8080 ; node server.js --port 9000 --host 127.0.0.1
\`\`\`

${SERVER_ENV_TABLE}| \`TOURNEY_CACHE_MODELS\` | most tenant models held in memory (default ${DEFAULT_CACHE.maxModels}) |
| \`TOURNEY_CACHE_BYTES\` | most bytes of model files held (default ${DEFAULT_CACHE.maxBytes / 1024 ** 2} MB; \`512MB\`, \`2GB\` …); the process's memory grows with it |
| \`TOURNEY_TOP_TENANTS\` | tenants with their own label in /metrics (default ${DEFAULT_TOP_TENANTS}); the rest count as \`other\` |

SIGTERM stops accepting connections, lets in-flight requests finish, then exits 0.

## Call it

\`\`\`sh
curl -s http://127.0.0.1:8080/v1/tenants                     # every tenant, its champion and versions
curl -s http://127.0.0.1:8080/v1/tenants/${first}/model       # one tenant's inputs, metrics and card
curl -s -X POST http://127.0.0.1:8080/v1/tenants/${first}/predict -H 'content-type: application/json' \\
  -d '{"rows":[{"column":"value"}]}'
curl -s http://127.0.0.1:8080/metrics
curl -s http://127.0.0.1:8080/openapi.json
\`\`\`

The answer: \`{"model":{"tenant","name","version","registryVersion"},"predictions":[{"prediction":…,"probabilities":{class:p,…}}]}\`
(regression: \`prediction\` only), one per row, in order. An unknown tenant gets 404; a value that
cannot belong to its column gets 400 naming row and field; a body over the limit 413.

/metrics has \`tourney_tenant_requests_total{tenant}\` for the ${DEFAULT_TOP_TENANTS} busiest tenants and \`other\`
for the rest (a tenant's series counts from when it became one of the busiest), the cache's
\`tourney_model_cache_lookups_total{result="hit|miss|wait"}\`, \`tourney_model_cache_evictions_total{reason="count|bytes"}\`,
\`tourney_model_cache_models\`, \`tourney_model_cache_bytes\` and \`tourney_model_load_seconds\`.

## Tenants

${index.tenants.length} tenants (the first ${Math.min(10, index.tenants.length)}; \`tenants.json\` lists them all):

| tenant | registry version (champion) | model version |
|---|---|---|
${shown}

## Files

| file | what |
|---|---|
| \`server.js\` | the multi-model server, one JavaScript file (esbuild), kernels included |
| \`tenants.json\` | tenant ids, champion and registry versions |
| \`tenants/<id>/\` | each champion's model directory, unchanged (checked against its \`manifest.json\` when it loads), plus \`model.onnx\`, what it scores with |
| \`bundle.json\` | bundle name, tenant count, file list |
| \`openapi.json\` | OpenAPI 3.1 of the routes (each tenant's input schema: \`GET /v1/tenants/{tenant}/model\`) |
| \`package.json\`, \`package-lock.json\`, \`.npmrc\` | exact runtime dependency versions |
| \`Dockerfile\`, \`.dockerignore\` | node:20-slim image, non-root, HEALTHCHECK on /healthz (untested here) |
| \`k8s/\` | Deployment (probes, cache limits, memory sized for them, non-root, read-only root), Service, HorizontalPodAutoscaler, PodDisruptionBudget |

## Deploy (untested here)

\`\`\`sh
docker build -t ${image} .
docker run -p 8080:8080 -e TOURNEY_API_KEY=change-me ${image}
kubectl create secret generic ${app}-api-key --from-literal=api-key=change-me
kubectl apply -f k8s/
\`\`\`
`;
}
