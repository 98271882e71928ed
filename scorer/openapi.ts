// OpenAPI 3.1 for one model's scorer, generated from its input schema: what /openapi.json serves
// and what the bundle writes as openapi.json.
import type { InputField, ScorerModel } from './load-model';

export interface ApiLimits {
  maxRows: number;
  maxBodyBytes: number;
}

function fieldSchema(f: InputField): Record<string, unknown> {
  const base = { description: `${f.type} column${f.min !== undefined ? `; training range ${f.min} … ${f.max}` : ''}. Missing, null or NA: scored as missing, as at training time.` };
  if (f.type === 'boolean') return { ...base, type: ['boolean', 'number', 'string', 'null'] };
  if (f.type === 'date' || f.type === 'datetime') return { ...base, type: ['string', 'number', 'null'], format: f.type === 'date' ? 'date' : 'date-time' };
  if (f.storage === 'numeric') return { ...base, type: ['number', 'string', 'null'] };
  return { ...base, type: ['string', 'number', 'boolean', 'null'], ...(f.categories?.length ? { examples: f.categories.slice(0, 20) } : {}) };
}

function predictionSchema(model: ScorerModel): Record<string, unknown> {
  if (model.task === 'regression') return { type: 'object', required: ['prediction'], properties: { prediction: { type: 'number' } } };
  const classes = model.classes ?? [];
  return {
    type: 'object',
    required: ['prediction', 'probabilities'],
    properties: {
      prediction: { type: 'string', enum: classes },
      probabilities: { type: 'object', properties: Object.fromEntries(classes.map((c) => [c, { type: 'number', minimum: 0, maximum: 1 }])) },
    },
  };
}

const error = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });

export function openApiDocument(model: ScorerModel, limits: ApiLimits): Record<string, unknown> {
  const json = (schema: unknown) => ({ 'application/json': { schema } });
  return {
    openapi: '3.1.0',
    info: {
      title: `${model.name} scorer`,
      version: model.version,
      description: `Scores rows with the Tourney model "${model.name}" (${model.task}, target "${model.target}"). Unknown fields are ignored; missing fields are scored as missing.`,
    },
    servers: [{ url: 'http://127.0.0.1:8080' }],
    security: [{}, { bearer: [] }],
    paths: {
      '/v1/predict': {
        post: {
          summary: 'Score one or more rows',
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: { type: 'object', required: ['rows'], properties: { rows: { type: 'array', minItems: 1, maxItems: limits.maxRows, items: { $ref: '#/components/schemas/Row' } } } } },
              'text/csv': { schema: { type: 'string', description: 'A header line naming the columns, then one line per row.' } },
            },
          },
          responses: {
            200: { description: 'One prediction per row, in order', content: json({ $ref: '#/components/schemas/PredictResponse' }) },
            400: error('Malformed body, or a field that cannot be a value of its column (the message names row and field)'),
            401: error('Missing or wrong API key (when the server has one)'),
            413: error(`Body over ${limits.maxBodyBytes} bytes or more than ${limits.maxRows} rows`),
            415: error('Content type other than JSON or CSV'),
          },
        },
      },
      '/v1/model': { get: { summary: 'Model card, input schema and metrics', responses: { 200: { description: 'The model', content: json({ type: 'object' }) } } } },
      '/healthz': { get: { summary: 'Liveness: the process answers', security: [{}], responses: { 200: { description: 'alive' } } } },
      '/readyz': { get: { summary: 'Readiness: model loaded and warmed', security: [{}], responses: { 200: { description: 'ready' }, 503: { description: 'loading or draining' } } } },
      '/metrics': { get: { summary: 'Prometheus metrics', responses: { 200: { description: 'Prometheus text format', content: { 'text/plain': { schema: { type: 'string' } } } } } } },
      '/openapi.json': { get: { summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1', content: json({ type: 'object' }) } } } },
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'Required when the server runs with TOURNEY_API_KEY' } },
      schemas: {
        Row: { type: 'object', additionalProperties: true, properties: Object.fromEntries(model.inputs.map((f) => [f.name, fieldSchema(f)])) },
        Prediction: predictionSchema(model),
        PredictResponse: {
          type: 'object',
          required: ['model', 'predictions'],
          properties: {
            model: { type: 'object', properties: { name: { type: 'string', const: model.name }, version: { type: 'string', const: model.version } } },
            predictions: { type: 'array', items: { $ref: '#/components/schemas/Prediction' } },
          },
        },
        Error: { type: 'object', required: ['error'], properties: { error: { type: 'string' } } },
      },
    },
  };
}
