/**
 * OB 3.0 revocation status (OB 3.0 §Verification step 4, DIGEST §3.7): a W3C Bitstring Status List (the list
 * is itself a credential: its own Data Integrity proof must verify with a key of the same issuer before a
 * bit is believed), or a 1EdTech Revocation List. A list that cannot be fetched or trusted leaves the status
 * unknown, which is an `error`, never "not revoked".
 */
import { decodeStatusList, isStatusSet, STATUS_LIST_MIN_ENTRIES } from '../credentials/ob3/status-list.ts';
import {
  asArray,
  failWith,
  idOf,
  isObject,
  messageOf,
  revocationListOutcome,
  skipped,
  success,
  typesOf,
} from './checks.ts';
import { checkDataIntegrity } from './data-integrity.ts';
import type { Session } from './session.ts';
import type { Check, StatusInfo } from './types.ts';

export interface StatusOutcome {
  readonly check: Check;
  readonly info?: StatusInfo;
}

type ListLoad =
  | { readonly ok: true; readonly bits: Uint8Array; readonly purpose: string }
  | { readonly ok: false; readonly check: Check };

const unknown = (code: string, title: string, detail: string, pointer?: string): Check =>
  failWith('status', 'error', code, title, detail, pointer);

/** Fetches, authenticates and decodes a status list credential, once per session and list. */
function loadBitstringList(session: Session, url: string, issuerId: string): Promise<ListLoad> {
  return session.memo('status-list', `${issuerId}\u0000${url}`, async (): Promise<ListLoad> => {
    const fetched = await session.fetchJson(url);
    if (!fetched.ok) {
      return {
        ok: false,
        check: unknown('STATUS_LIST_FETCH_FAILED', 'The status list could not be fetched', fetched.reason),
      };
    }
    const list = fetched.value;
    if (!isObject(list) || !typesOf(list.type).includes('BitstringStatusListCredential')) {
      return {
        ok: false,
        check: unknown(
          'STATUS_LIST_INVALID',
          'The status list is not a status list',
          `${url} is not a BitstringStatusListCredential.`,
        ),
      };
    }
    if (idOf(list.issuer) !== issuerId) {
      return {
        ok: false,
        check: unknown(
          'STATUS_LIST_NOT_ISSUERS',
          "The status list is not the issuer's",
          `${url} is issued by ${JSON.stringify(idOf(list.issuer))}, not by the badge's issuer ${issuerId}.`,
        ),
      };
    }
    const integrity = await checkDataIntegrity(session, list, issuerId);
    for (const check of [integrity.proof, integrity.key]) {
      if (check.status !== 'success') {
        const detail =
          check.status === 'failure' ? check.problems.map((p) => p.detail).join(' ') : check.message;
        return {
          ok: false,
          check: unknown(
            'STATUS_LIST_UNTRUSTED',
            'The status list could not be authenticated',
            `${url}: ${detail}`,
          ),
        };
      }
    }
    const subject = list.credentialSubject;
    if (!isObject(subject) || typeof subject.encodedList !== 'string') {
      return {
        ok: false,
        check: unknown(
          'STATUS_LIST_INVALID',
          'The status list is malformed',
          `${url} has no credentialSubject.encodedList.`,
        ),
      };
    }
    let bits: Uint8Array;
    try {
      bits = await decodeStatusList(subject.encodedList);
    } catch (error) {
      return {
        ok: false,
        check: unknown('STATUS_LIST_INVALID', 'The status list is malformed', messageOf(error)),
      };
    }
    if (bits.length * 8 < STATUS_LIST_MIN_ENTRIES) {
      return {
        ok: false,
        check: unknown(
          'STATUS_LIST_TOO_SHORT',
          'The status list is too short',
          `${url} has ${bits.length * 8} entries; Bitstring Status List §6.1 requires at least ${STATUS_LIST_MIN_ENTRIES}.`,
        ),
      };
    }
    return { ok: true, bits, purpose: String(subject.statusPurpose) };
  });
}

async function checkBitstringEntry(
  session: Session,
  entry: Record<string, unknown>,
  issuerId: string,
  pointer: string,
): Promise<StatusOutcome> {
  const url = entry.statusListCredential;
  const index =
    typeof entry.statusListIndex === 'string' && /^\d+$/.test(entry.statusListIndex)
      ? Number(entry.statusListIndex)
      : Number.NaN;
  const purpose = typeof entry.statusPurpose === 'string' ? entry.statusPurpose : 'revocation';
  if (typeof url !== 'string' || !Number.isSafeInteger(index)) {
    return {
      check: failWith(
        'status',
        'not-a-badge',
        'STATUS_ENTRY_INVALID',
        'The status entry is malformed',
        'A BitstringStatusListEntry needs statusListCredential (a URL) and statusListIndex (a base-10 string).',
        pointer,
      ),
    };
  }
  const info: StatusInfo = { type: 'BitstringStatusList', url, index, purpose };
  if (purpose !== 'revocation' && purpose !== 'suspension') {
    return { info, check: skipped('status', `Status purpose "${purpose}" says nothing about validity.`) };
  }
  const list = await loadBitstringList(session, url, issuerId);
  if (!list.ok) return { info, check: list.check };
  if (list.purpose !== purpose) {
    return {
      info,
      check: unknown(
        'STATUS_PURPOSE_MISMATCH',
        'The status list has another purpose',
        `The entry's purpose is "${purpose}" but ${url} is a "${list.purpose}" list.`,
        pointer,
      ),
    };
  }
  if (index >= list.bits.length * 8) {
    return {
      info,
      check: unknown(
        'STATUS_INDEX_OUT_OF_RANGE',
        'The status index is outside the list',
        `Index ${index} is beyond the ${list.bits.length * 8} entries of ${url}.`,
        pointer,
      ),
    };
  }
  if (isStatusSet(list.bits, index)) {
    const title = purpose === 'suspension' ? 'Suspended' : 'Revoked';
    return {
      info,
      check: failWith(
        'status',
        'revoked',
        purpose === 'suspension' ? 'SUSPENDED' : 'REVOKED',
        title,
        `The issuer's status list ${url} marks entry ${index} as ${purpose === 'suspension' ? 'suspended' : 'revoked'}.`,
        pointer,
      ),
    };
  }
  return {
    info,
    check: success(
      'status',
      `Not ${purpose === 'suspension' ? 'suspended' : 'revoked'}: entry ${index} of the signed status list ${url} is clear.`,
    ),
  };
}

async function checkRevocationList(
  session: Session,
  entry: Record<string, unknown>,
  credentialId: string,
): Promise<StatusOutcome> {
  const url = entry.id;
  if (typeof url !== 'string') {
    return {
      check: failWith(
        'status',
        'not-a-badge',
        'STATUS_ENTRY_INVALID',
        'The status entry is malformed',
        'A 1EdTechRevocationList entry needs an id (the list URL).',
        '/credentialStatus',
      ),
    };
  }
  const info: StatusInfo = { type: '1EdTechRevocationList', url };
  const fetched = await session.fetchJson(url);
  if (!fetched.ok)
    return {
      info,
      check: unknown('STATUS_LIST_FETCH_FAILED', 'The revocation list could not be fetched', fetched.reason),
    };
  const list = fetched.value;
  if (!isObject(list) || !Array.isArray(list.revokedCredential)) {
    return {
      info,
      check: unknown(
        'STATUS_LIST_INVALID',
        'The revocation list is malformed',
        `${url} has no revokedCredential array.`,
      ),
    };
  }
  const revoked = list.revokedCredential.find(
    (item) => isObject(item) && item.id === credentialId && item.revoked !== false,
  );
  return revocationListOutcome(info, revoked, 'this credential');
}

/** The `status` check of an OB 3.0 credential. */
export async function checkOb3Status(
  session: Session,
  credential: Record<string, unknown>,
  issuerId: string,
): Promise<StatusOutcome> {
  const entries = asArray(credential.credentialStatus);
  if (entries.length === 0) {
    return { check: skipped('status', 'The issuer publishes no revocation status for this badge.') };
  }
  const outcomes: StatusOutcome[] = [];
  for (const [index, entry] of entries.entries()) {
    const pointer = Array.isArray(credential.credentialStatus)
      ? `/credentialStatus/${index}`
      : '/credentialStatus';
    const type = isObject(entry) ? entry.type : undefined;
    if (isObject(entry) && typesOf(type).includes('BitstringStatusListEntry')) {
      outcomes.push(await checkBitstringEntry(session, entry, issuerId, pointer));
    } else if (isObject(entry) && typesOf(type).includes('1EdTechRevocationList')) {
      outcomes.push(await checkRevocationList(session, entry, String(credential.id)));
    } else {
      outcomes.push({
        check: unknown(
          'STATUS_UNSUPPORTED',
          'The status method is not supported',
          `Status type ${JSON.stringify(type)} is neither BitstringStatusListEntry nor 1EdTechRevocationList, so revocation could not be checked.`,
          pointer,
        ),
      });
    }
  }
  // A revocation anywhere wins; then any unknown status; else the first (clear) outcome.
  const pick =
    outcomes.find((o) => o.check.status === 'failure' && o.check.verdict === 'revoked') ??
    outcomes.find((o) => o.check.status === 'failure') ??
    outcomes.find((o) => o.check.status === 'success') ??
    outcomes[0];
  return pick ?? { check: skipped('status', 'No status was checked.') };
}
