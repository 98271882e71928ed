// Content hashes for dataset fingerprints and model-file manifests (pure JS sha256).
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

export function sha256Hex(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes));
}

const encoder = new TextEncoder();

export function sha256OfText(text: string): string {
  return sha256Hex(encoder.encode(text));
}
