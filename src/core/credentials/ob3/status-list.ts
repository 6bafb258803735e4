/**
 * The issuer's revocation list as a W3C Bitstring Status List credential (Bitstring Status List v1.0
 * §2.2–§3.2, DIGEST §3.7). Bit `i` is set when the award with `statusIndex` i is revoked; index 0 is the
 * most significant bit of byte 0. The list is at least 131 072 entries long (16 KiB), so a single award's
 * status reveals nothing. `encodedList` = `u` + base64url without padding of the gzip of the bits.
 * The list must be signed (Data Integrity) and re-published on every revocation.
 */
import { base64url } from 'jose';
import { InsigneError } from '../../errors.ts';
import type { Award, Issuer } from '../../model/types.ts';
import { type SiteUrls, sitePaths } from '../../urls.ts';
import type { DataIntegrityProof } from '../data-integrity.ts';
import { CONTEXT_URLS } from '../document-loader.ts';
import { gunzip, gzipDeterministic } from '../gzip.ts';

/** The minimum list length in entries (Bitstring Status List §6.1 "Group Privacy"). */
export const STATUS_LIST_MIN_ENTRIES = 131_072;

/** Bitstring Status List §2.2 BitstringStatusListCredential. */
export type BitstringStatusListCredential = {
  readonly '@context': readonly [typeof CONTEXT_URLS.credentialsV2];
  readonly id: string;
  readonly type: readonly ['VerifiableCredential', 'BitstringStatusListCredential'];
  readonly issuer: string;
  readonly validFrom: string;
  readonly credentialSubject: {
    readonly id: string;
    readonly type: 'BitstringStatusList';
    readonly statusPurpose: 'revocation';
    readonly encodedList: string;
  };
  readonly proof?: readonly DataIntegrityProof[];
};

const DATE_TIME_Z = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** The status list bits: `entries` bits (rounded up to whole 131 072-entry blocks) with `indexes` set. */
export function toBitstring(indexes: Iterable<number>, entries = STATUS_LIST_MIN_ENTRIES): Uint8Array {
  const list = [...indexes];
  for (const index of list) {
    if (!Number.isSafeInteger(index) || index < 0) {
      throw new InsigneError(
        'ERR_STATUS_INDEX',
        `A status list index is a non-negative integer, not ${index}.`,
      );
    }
  }
  const needed = list.reduce((most, index) => Math.max(most, index + 1), entries);
  const bits = new Uint8Array(Math.ceil(needed / STATUS_LIST_MIN_ENTRIES) * (STATUS_LIST_MIN_ENTRIES / 8));
  for (const index of list) bits[index >> 3] = (bits[index >> 3] ?? 0) | (0x80 >> (index & 7));
  return bits;
}

/** Whether entry `index` is set (index 0 = most significant bit of byte 0). */
export function isStatusSet(bits: Uint8Array, index: number): boolean {
  if (!Number.isSafeInteger(index) || index < 0 || index >= bits.length * 8) {
    throw new InsigneError(
      'ERR_STATUS_INDEX',
      `Index ${index} is outside the ${bits.length * 8}-entry status list.`,
    );
  }
  return ((bits[index >> 3] ?? 0) & (0x80 >> (index & 7))) !== 0;
}

/** `encodedList` of the bits: multibase `u` + base64url (no padding) of a deterministic gzip. */
export function encodeStatusList(bits: Uint8Array): string {
  return `u${base64url.encode(gzipDeterministic(bits))}`;
}

/** The bits of an `encodedList` (any gzip, from any issuer); `ERR_STATUS_LIST_ENCODING` if malformed. */
export async function decodeStatusList(encodedList: string): Promise<Uint8Array> {
  if (!encodedList.startsWith('u')) {
    throw new InsigneError(
      'ERR_STATUS_LIST_ENCODING',
      'An encodedList is multibase base64url: it starts with "u".',
    );
  }
  let compressed: Uint8Array;
  try {
    compressed = base64url.decode(encodedList.slice(1));
  } catch (error) {
    throw new InsigneError('ERR_STATUS_LIST_ENCODING', 'The encodedList is not base64url text.', {
      cause: error,
    });
  }
  return gunzip(compressed);
}

/** The status indexes of the revoked awards among `awards`, ascending. */
export function revokedIndexesOf(awards: Iterable<Award>): number[] {
  return [...awards]
    .filter((award) => award.revocation !== undefined)
    .map((award) => award.statusIndex)
    .sort((a, b) => a - b);
}

/**
 * The unsigned status list credential of an issuer, published at `sitePaths.statusList`. `validFrom`
 * is the build's fixed date input, never a clock reading, so an unchanged list rebuilds byte-identical.
 */
export function toStatusListCredential(
  issuer: Issuer,
  revokedIndexes: Iterable<number>,
  options: { readonly urls: SiteUrls; readonly validFrom: string },
): BitstringStatusListCredential {
  const { urls, validFrom } = options;
  if (!DATE_TIME_Z.test(validFrom)) {
    throw new InsigneError('ERR_DATE_INVALID', `"${validFrom}" is not a dateTime with a zone.`);
  }
  return {
    '@context': [CONTEXT_URLS.credentialsV2],
    id: urls.absolute(sitePaths.statusList(issuer.slug)),
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: urls.issuerDid(issuer.slug),
    validFrom,
    credentialSubject: {
      id: urls.statusListSubjectId(issuer.slug),
      type: 'BitstringStatusList',
      statusPurpose: 'revocation',
      encodedList: encodeStatusList(toBitstring(revokedIndexes)),
    },
  };
}
