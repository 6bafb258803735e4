/**
 * Test helpers for baking: a real PNG made by pngjs, and an independent chunk reader whose CRC comes from
 * node:zlib (not from the code under test).
 */
import { crc32 as zlibCrc32 } from 'node:zlib';
import { PNG } from 'pngjs';

/** A small opaque RGBA PNG encoded by pngjs, with a gradient so IDAT is not trivial. */
export function samplePng(width = 32, height = 32): Uint8Array {
  const png = new PNG({ width, height });
  for (let i = 0; i < width * height; i++) {
    png.data[i * 4] = (i * 7) % 256;
    png.data[i * 4 + 1] = (i * 13) % 256;
    png.data[i * 4 + 2] = 200;
    png.data[i * 4 + 3] = 255;
  }
  return new Uint8Array(PNG.sync.write(png));
}

export interface RawChunk {
  readonly type: string;
  readonly data: Buffer;
  readonly storedCrc: number;
  readonly computedCrc: number;
}

/** Lists chunks with their stored and independently recomputed CRC. */
export function rawChunks(bytes: Uint8Array): RawChunk[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: RawChunk[] = [];
  let pos = 8;
  while (pos < buf.length) {
    const length = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + length);
    chunks.push({
      type,
      data,
      storedCrc: buf.readUInt32BE(pos + 8 + length),
      computedCrc: zlibCrc32(buf.subarray(pos + 4, pos + 8 + length)),
    });
    pos += 12 + length;
    if (type === 'IEND') break;
  }
  return chunks;
}

/** Builds a chunk by hand (length, type, data, zlib CRC). */
export function makeChunk(type: string, data: Uint8Array): Uint8Array {
  const typeBytes = Buffer.from(type, 'latin1');
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  typeBytes.copy(out, 4);
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(zlibCrc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return new Uint8Array(out);
}

/** Inserts chunks right after IHDR (the signature is 8 bytes, IHDR 25). */
export function insertAfterIhdr(png: Uint8Array, ...chunks: Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat([png.subarray(0, 33), ...chunks, png.subarray(33)]));
}

/** Latin-1 bytes of a string (keywords and tEXt text). */
export function latin1(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

export const SAMPLE_JWS = 'eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJodHRwczovL2V4YW1wbGUub3JnIn0.c2lnbmF0dXJlLWJ5dGVz';
export const SAMPLE_ASSERTION = JSON.stringify({
  '@context': 'https://w3id.org/openbadges/v2',
  type: 'Assertion',
  id: 'https://badges.example.org/awards/0f8fad5b-d9cb-469f-a165-70867728950e/assertion.json',
  narrative: 'Réalisé en équipe 🌱 — « éco-conception »',
});
export const SAMPLE_CREDENTIAL = JSON.stringify({
  '@context': [
    'https://www.w3.org/ns/credentials/v2',
    'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
  ],
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  id: 'urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e',
  name: 'Certificat de compétences numériques',
  proof: [{ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofValue: 'z3FXQ' }],
});
