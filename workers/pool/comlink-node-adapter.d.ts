// comlink ships node-adapter.d.ts beside node-adapter.mjs, which TypeScript does not pair with
// a .mjs import; this re-declares it (with `any` as upstream has it).
/* eslint-disable @typescript-eslint/no-explicit-any */
declare module 'comlink/dist/esm/node-adapter.mjs' {
  import type { Endpoint } from 'comlink';
  export interface NodeEndpoint {
    postMessage(message: any, transfer?: any[]): void;
    on(type: string, listener: (...args: any[]) => void): unknown;
    off(type: string, listener: (...args: any[]) => void): unknown;
    start?: () => void;
  }
  export default function nodeEndpoint(nep: NodeEndpoint): Endpoint;
}
