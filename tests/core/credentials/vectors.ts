/** Reads the copied spec vectors (tests/vectors/README.md gives their sources). Test-side only: uses node:fs. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../vectors/', import.meta.url));

export function vectorText(path: string): string {
  return readFileSync(`${root}${path}`, 'utf8');
}

export function vectorJson<T = Record<string, unknown>>(path: string): T {
  return JSON.parse(vectorText(path)) as T;
}

export function hex(text: string): Uint8Array {
  return Uint8Array.from(text.match(/../g) ?? [], (byte) => Number.parseInt(byte, 16));
}

export function toHex(bytes: Uint8Array): string {
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
