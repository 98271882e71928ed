// OpenAPI 3.1 for the multi-model scorer: what its /openapi.json serves and a fleet bundle writes.
// Tenants' models differ in their inputs, so a row is an open object here; each tenant's input
// schema is served by GET /v1/tenants/{tenant}/model.
import type { ApiLimits } from '../openapi';

const error = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
const json = (schema: unknown) => ({ 'application/json': { schema } });

export function fleetOpenApiDocument(tenants: string[], limits: ApiLimits): Record<string, unknown> {
  const tenant = {
    name: 'tenant', in: 'path', required: true,
    description: `A tenant id (${tenants.length} tenants; GET /v1/tenants lists them)`,
    schema: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$', examples: tenants.slice(0, 20) },
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Tourney multi-model scorer',
      version: '1',
      description: 'Scores rows with each tenant\'s champion model. Models load on first use into a bounded cache; unknown fields are ignored, missing fields are scored as missing.',
    },
    servers: [{ url: 'http://127.0.0.1:8080' }],
    security: [{}, { bearer: [] }],
    paths: {
      '/v1/tenants/{tenant}/predict': {
        post: {
          summary: 'Score one or more rows with the tenant\'s champion',
          parameters: [tenant],
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: { type: 'object', required: ['rows'], properties: { rows: { type: 'array', minItems: 1, maxItems: limits.maxRows, items: { type: 'object', additionalProperties: true } } } } },
              'text/csv': { schema: { type: 'string', description: 'A header line naming the columns, then one line per row.' } },
            },
          },
          responses: {
            200: { description: 'One prediction per row, in order', content: json({ $ref: '#/components/schemas/PredictResponse' }) },
            400: error('Malformed body, or a field that cannot be a value of its column (the message names row and field)'),
            401: error('Missing or wrong API key (when the server has one)'),
            404: error('Unknown tenant, or a tenant without a champion version'),
            413: error(`Body over ${limits.maxBodyBytes} bytes or more than ${limits.maxRows} rows`),
            415: error('Content type other than JSON or CSV'),
            500: error('The tenant\'s model could not be loaded (the server log says why)'),
          },
        },
      },
      '/v1/tenants/{tenant}/model': { get: { summary: 'The tenant\'s champion: card, input schema and metrics', parameters: [tenant], responses: { 200: { description: 'The model', content: json({ type: 'object' }) }, 404: error('Unknown tenant') } } },
      '/v1/tenants': { get: { summary: 'Every tenant with its champion, registry versions and aliases, and whether its model is loaded', responses: { 200: { description: 'The tenants', content: json({ $ref: '#/components/schemas/Tenants' }) } } } },
      '/healthz': { get: { summary: 'Liveness: the process answers', security: [{}], responses: { 200: { description: 'alive' } } } },
      '/readyz': { get: { summary: 'Readiness: the scoring runtime is loaded', security: [{}], responses: { 200: { description: 'ready' }, 503: { description: 'loading or draining' } } } },
      '/metrics': { get: { summary: 'Prometheus metrics (per-tenant requests for the busiest tenants, the rest as "other"; model cache)', responses: { 200: { description: 'Prometheus text format', content: { 'text/plain': { schema: { type: 'string' } } } } } } },
      '/openapi.json': { get: { summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1', content: json({ type: 'object' }) } } } },
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'Required when the server runs with TOURNEY_API_KEY' } },
      schemas: {
        PredictResponse: {
          type: 'object',
          required: ['model', 'predictions'],
          properties: {
            model: { type: 'object', properties: { tenant: { type: 'string' }, name: { type: 'string' }, version: { type: 'string' }, registryVersion: { type: 'integer' } } },
            predictions: { type: 'array', items: { type: 'object', required: ['prediction'], properties: { prediction: { type: ['string', 'number'] }, probabilities: { type: 'object', additionalProperties: { type: 'number' } } } } },
          },
        },
        Tenants: {
          type: 'object',
          properties: {
            count: { type: 'integer' },
            cache: { type: 'object', properties: { models: { type: 'integer' }, bytes: { type: 'integer' }, maxModels: { type: 'integer' }, maxBytes: { type: 'integer' } } },
            tenants: { type: 'array', items: { type: 'object', properties: { tenant: { type: 'string' }, champion: { type: ['integer', 'null'] }, versions: { type: 'array', items: { type: 'integer' } }, aliases: { type: 'object', additionalProperties: { type: 'integer' } }, loaded: { type: 'boolean' } } } },
          },
        },
        Error: { type: 'object', required: ['error'], properties: { error: { type: 'string' } } },
      },
    },
  };
}
