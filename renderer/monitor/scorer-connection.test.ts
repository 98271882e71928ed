import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchMonitoring, scorerBaseUrl } from './scorer-connection';

describe('scorerBaseUrl', () => {
  it('takes what people paste', () => {
    expect(scorerBaseUrl('127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
    expect(scorerBaseUrl(' http://localhost:8080/ ')).toBe('http://localhost:8080');
    expect(scorerBaseUrl('http://127.0.0.1:8080/v1/monitoring')).toBe('http://127.0.0.1:8080');
    expect(scorerBaseUrl('https://models.example.com/churn/metrics')).toBe('https://models.example.com/churn');
    expect(() => scorerBaseUrl('')).toThrow(/type the scorer's URL/);
    expect(() => scorerBaseUrl('http://[bad')).toThrow(/is not a URL/);
  });
});

describe('fetchMonitoring (a real HTTP server on loopback)', () => {
  let server: Server;
  let base = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      const key = req.headers.authorization;
      if (req.url === '/garbage/v1/monitoring') return res.writeHead(200).end('<html>');
      if (req.url === '/off/v1/monitoring') return res.writeHead(404).end(JSON.stringify({ error: 'monitoring is off: the model directory has no reference-profile.json' }));
      if (key !== 'Bearer k') return res.writeHead(401).end(JSON.stringify({ error: 'missing or wrong API key' }));
      res.writeHead(200).end(JSON.stringify({ model: { name: 'm', version: '1' }, report: { features: [] }, now: '2026-01-01T00:00:00Z', lastPrediction: null, predictions: 0, window: {}, alerts: [] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('reads the report with the API key, and names every failure', async () => {
    expect((await fetchMonitoring(base, 'k')).model.name).toBe('m');
    await expect(fetchMonitoring(base, 'wrong')).rejects.toThrow('the scorer refused the API key (missing or wrong API key)');
    await expect(fetchMonitoring(`${base}/off`, 'k')).rejects.toThrow('the scorer answered 404: monitoring is off');
    await expect(fetchMonitoring(`${base}/garbage`, 'k')).rejects.toThrow('something other than JSON: is this a Tourney scorer?');
    await expect(fetchMonitoring('http://127.0.0.1:1', '')).rejects.toThrow(/cannot reach http:\/\/127\.0\.0\.1:1: is the scorer running, and does it allow this app/);
  });
});
