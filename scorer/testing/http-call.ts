// One HTTP request through a keep-alive agent, answering status and body text: the in-process
// scorer tests call the server this way (node:http, so sockets are reused and many can be open).
import { request, type Agent } from 'node:http';

export function httpCall(agent: Agent, url: string, method: string, body?: string, type = 'application/json'): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, agent, headers: body ? { 'content-type': type, 'content-length': Buffer.byteLength(body) } : {} }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => { text += d; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
