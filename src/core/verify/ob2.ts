/**
 * Verifying an OB 2.0 assertion (OB 2.0 §Verification, DIGEST §1.6–1.8), signed or hosted.
 * - Signed: an RS256 JWS whose `verification.creator` is a CryptographicKey (SPKI PEM) listed in the issuer
 *   Profile's `publicKey`; revocation through the Profile's RevocationList.
 * - Hosted: the assertion's `id` URL is the source of truth: the copy given is compared with the one the
 *   issuer hosts, which must be within the issuer's hosting scope (same origin by default); a hosted body
 *   declaring `revoked: true` (or an HTTP 410) means revoked.
 */
import {
  asArray,
  failure,
  failWith,
  idOf,
  isObject,
  jsonEqual,
  payloadReport,
  revocationListOutcome,
  skipped,
  success,
} from './checks.ts';
import { checkAlgorithm, type DecodedJws, verifyJwsWithPem } from './jws.ts';
import { checkRecipient, ob2EmailIdentities } from './recipient.ts';
import type { Session } from './session.ts';
import { ob2Problems, ob2StructureCheck } from './structure.ts';
import type {
  BadgeSummary,
  Check,
  KeyInfo,
  PayloadReport,
  Problem,
  ProofInfo,
  StatusInfo,
  VerifyOptions,
} from './types.ts';
import { checkValidity } from './validity.ts';

type Json = Record<string, unknown>;

const NOT_A_BADGE = 'Not checked: the document is not a valid badge.';
const NOT_AUTHENTIC = 'Not checked: the badge could not be authenticated.';

interface Linked {
  readonly badgeClass: Json;
  readonly profile: Json;
  readonly problems: readonly Problem[];
}

/** Fetches a linked object given by URL (or embedded without an http id); once per session. */
async function linkedObject(
  session: Session,
  value: unknown,
  what: string,
): Promise<{ ok: true; value: unknown } | { ok: false; check: Check }> {
  const id = idOf(value);
  if (id === undefined || !/^https?:\/\//.test(id)) {
    return isObject(value) ? { ok: true, value } : { ok: true, value: undefined };
  }
  const fetched = await session.fetchJson(id);
  if (!fetched.ok) {
    return {
      ok: false,
      check: failWith(
        'structure',
        fetched.kind === 'fetch' ? 'error' : 'not-a-badge',
        'OB2_LINKED_FETCH_FAILED',
        `The ${what} could not be read`,
        fetched.reason,
      ),
    };
  }
  if (isObject(fetched.value) && fetched.value.id !== id) {
    return {
      ok: false,
      check: failWith(
        'structure',
        'not-a-badge',
        'OB2_ID_MISMATCH',
        `The ${what} is not hosted at its id`,
        `${id} serves a document whose id is ${JSON.stringify(fetched.value.id)} (DIGEST §1.8 "ID must match URL").`,
      ),
    };
  }
  return { ok: true, value: fetched.value };
}

/** The assertion's BadgeClass and issuer Profile, with their structure problems. */
async function loadLinked(
  session: Session,
  assertion: Json,
): Promise<{ ok: true; value: Linked } | { ok: false; check: Check }> {
  const badge = await linkedObject(session, assertion.badge, 'BadgeClass');
  if (!badge.ok) return badge;
  const badgeClass = isObject(badge.value) ? badge.value : {};
  const issuer = await linkedObject(session, badgeClass.issuer, 'issuer Profile');
  if (!issuer.ok) return issuer;
  const profile = isObject(issuer.value) ? issuer.value : {};
  return {
    ok: true,
    value: {
      badgeClass,
      profile,
      problems: [
        ...ob2Problems('Assertion', assertion),
        ...(isObject(badge.value) ? ob2Problems('BadgeClass', badgeClass, '/badge') : []),
        ...(isObject(issuer.value) ? ob2Problems('Profile', profile, '/badge/issuer') : []),
      ],
    },
  };
}

/** What an OB 2.0 assertion says, for display. */
export function summariseOb2(assertion: Json, badgeClass: Json = {}, profile: Json = {}): BadgeSummary {
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const recipient = ob2EmailIdentities(assertion.recipient)[0];
  const criteria = badgeClass.criteria;
  const fields = {
    name: text(badgeClass.name),
    description: text(badgeClass.description),
    image: idOf(badgeClass.image),
    criteria: idOf(criteria) ?? (isObject(criteria) ? text(criteria.narrative) : undefined),
    recipientIdentity: recipient?.hashed ? recipient.identity.toLowerCase() : undefined,
    validFrom: text(assertion.issuedOn),
    validUntil: text(assertion.expires),
  };
  return {
    id: text(assertion.id) ?? '',
    issuer: {
      id: text(profile.id) ?? idOf(badgeClass.issuer) ?? '',
      ...(typeof profile.name === 'string' && { name: profile.name }),
      ...(typeof profile.url === 'string' && { url: profile.url }),
    },
    ...Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)),
  };
}

function validityOf(assertion: Json, now: Date): Check {
  return checkValidity(
    {
      ...(typeof assertion.issuedOn === 'string' && { from: assertion.issuedOn }),
      ...(typeof assertion.expires === 'string' && { until: assertion.expires }),
      fromMember: 'issuedOn',
      untilMember: 'expires',
    },
    now,
  );
}

const skipAll = (ids: readonly Check['id'][], message: string) => ids.map((id) => skipped(id, message));

/** The RevocationList check of a signed assertion (DIGEST §1.7 step 7). */
async function checkRevocationList(
  session: Session,
  profile: Json,
  assertion: Json,
): Promise<{ check: Check; info?: StatusInfo }> {
  const url = idOf(profile.revocationList);
  if (url === undefined) {
    return { check: skipped('status', 'The issuer publishes no revocation list.') };
  }
  const info: StatusInfo = { type: 'OB2-RevocationList', url };
  const fetched = await session.fetchJson(url);
  if (!fetched.ok || !isObject(fetched.value) || !Array.isArray(fetched.value.revokedAssertions)) {
    return {
      info,
      check: failWith(
        'status',
        'error',
        'STATUS_LIST_FETCH_FAILED',
        'The revocation list could not be read',
        fetched.ok ? `${url} has no revokedAssertions array.` : fetched.reason,
      ),
    };
  }
  const id = assertion.id;
  const entry = fetched.value.revokedAssertions.find(
    (item) =>
      item === id ||
      (isObject(item) && (item.id === id || (item.uid !== undefined && item.uid === assertion.uid))),
  );
  return revocationListOutcome(info, entry, String(id));
}

/** The linked BadgeClass and Profile, what the assertion says with them, and the structure check. */
async function loadAndSummarise(session: Session, assertion: Json) {
  const linked = await loadLinked(session, assertion);
  const summary = summariseOb2(
    assertion,
    linked.ok ? linked.value.badgeClass : {},
    linked.ok ? linked.value.profile : {},
  );
  const structure = linked.ok ? ob2StructureCheck(linked.value.problems) : linked.check;
  return { linked, summary, structure };
}

/** Verifies a signed OB 2.0 assertion (a compact JWS). */
export async function verifyOb2Signed(
  session: Session,
  jws: DecodedJws,
  options: VerifyOptions,
): Promise<PayloadReport> {
  const assertion = jws.payload;
  const recipient = checkRecipient(options.email, ob2EmailIdentities(assertion.recipient));
  const { linked, summary, structure } = await loadAndSummarise(session, assertion);
  if (!linked.ok || structure.status === 'failure') {
    return payloadReport(
      'ob2-jws',
      [structure, ...skipAll(['proof', 'key', 'status', 'validity'], NOT_A_BADGE), recipient],
      { badge: summary },
    );
  }
  const { profile } = linked.value;
  const verification = isObject(assertion.verification) ? assertion.verification : {};
  const creator = idOf(verification.creator);
  const proofInfo: ProofInfo = { type: 'OB2-JWS', alg: String(jws.header.alg), creator: creator ?? '' };
  const validity = validityOf(assertion, options.now);
  const done = (proof: Check, key: Check, keyInfo?: KeyInfo) =>
    payloadReport('ob2-jws', [structure, proof, key, skipped('status', NOT_AUTHENTIC), validity, recipient], {
      proof: proofInfo,
      ...(keyInfo !== undefined && { key: keyInfo }),
      badge: summary,
    });
  if (creator === undefined) {
    return done(
      skipped('proof', 'Not checked: the assertion names no key.'),
      failWith(
        'key',
        'key-not-issuers',
        'OB2_NO_CREATOR',
        'The assertion names no key',
        'verification.creator must be the URL of the CryptographicKey that signed it (DIGEST §1.8).',
        '/verification/creator',
      ),
    );
  }
  const fetched = await session.fetchJson(creator);
  const keyDocument = fetched.ok && isObject(fetched.value) ? fetched.value : undefined;
  if (keyDocument === undefined || typeof keyDocument.publicKeyPem !== 'string') {
    return done(
      skipped('proof', 'Not checked: the key could not be found.'),
      !fetched.ok && fetched.kind === 'fetch'
        ? failWith('key', 'error', 'KEY_FETCH_FAILED', 'The key could not be fetched', fetched.reason)
        : failWith(
            'key',
            'key-not-issuers',
            'KEY_NOT_FOUND',
            'The key was not found',
            `${creator} is not a CryptographicKey with a publicKeyPem.`,
          ),
    );
  }
  const keyInfo: KeyInfo = {
    id: creator,
    type: 'CryptographicKey',
    document: creator,
    ...(typeof keyDocument.owner === 'string' && { controller: keyDocument.owner }),
  };
  const algorithm = checkAlgorithm(jws.header, { kty: 'RSA', alg: 'RS256' });
  const proof = algorithm.ok
    ? await verifyJwsWithPem(session, jws.text, keyDocument.publicKeyPem)
    : algorithm.check;
  const listed = asArray(profile.publicKey).map(idOf).includes(creator);
  const key = !listed
    ? failWith(
        'key',
        'key-not-issuers',
        'KEY_NOT_LISTED_BY_ISSUER',
        "The key is not the issuer's",
        `The issuer Profile ${String(profile.id)} does not list ${creator} in publicKey.`,
      )
    : keyDocument.owner !== undefined && keyDocument.owner !== profile.id
      ? failWith(
          'key',
          'key-not-issuers',
          'KEY_CONTROLLER_NOT_ISSUER',
          "The key is not the issuer's",
          `${creator} is owned by ${String(keyDocument.owner)}, not by ${String(profile.id)}.`,
        )
      : success('key', `${creator} is listed in the issuer Profile's publicKey.`);
  if (proof.status !== 'success' || key.status !== 'success') return done(proof, key, keyInfo);
  const status = await checkRevocationList(session, profile, assertion);
  return payloadReport('ob2-jws', [structure, proof, key, status.check, validity, recipient], {
    proof: proofInfo,
    key: keyInfo,
    ...(status.info !== undefined && { status: status.info }),
    badge: summary,
  });
}

/** Whether the hosted assertion URL is within the issuer's hosting scope (DIGEST §1.6, §1.8). */
function scopeCheck(url: string, profile: Json): Check {
  const policy = isObject(profile.verification) ? profile.verification : {};
  const host = (value: string) => {
    try {
      return new URL(value).host;
    } catch {
      return undefined;
    }
  };
  const origins =
    policy.allowedOrigins === undefined ? [host(String(profile.id))] : asArray(policy.allowedOrigins);
  const prefixes = asArray(policy.startsWith).filter((p): p is string => typeof p === 'string');
  if (!origins.includes(host(url)) || (prefixes.length > 0 && !prefixes.some((p) => url.startsWith(p)))) {
    return failWith(
      'key',
      'key-not-issuers',
      'HOSTED_OUTSIDE_ISSUER_SCOPE',
      'The assertion is not hosted by the issuer',
      `${url} is outside the hosting scope of the issuer ${String(profile.id)} (allowed: ${origins.join(', ')}${prefixes.length > 0 ? `; starting with ${prefixes.join(', ')}` : ''}).`,
    );
  }
  return success('key', `Hosted at ${host(url) ?? url}, within the issuer's hosting scope.`);
}

/** Verifies a hosted OB 2.0 assertion at `url`, comparing `supplied` (a copy from a file) when given. */
export async function verifyOb2Hosted(
  session: Session,
  url: string,
  supplied: Json | undefined,
  options: VerifyOptions,
): Promise<PayloadReport> {
  const proofInfo: ProofInfo = { type: 'OB2-hosted', url };
  const statusInfo: StatusInfo = { type: 'OB2-hosted', url };
  const recipient = checkRecipient(options.email, ob2EmailIdentities(supplied?.recipient));
  const early = (checks: Check[], badge?: BadgeSummary, status?: StatusInfo) =>
    payloadReport('ob2-url', [...checks, recipient], {
      proof: proofInfo,
      ...(status !== undefined && { status }),
      ...(badge !== undefined && { badge }),
    });
  const suppliedSummary = supplied === undefined ? undefined : summariseOb2(supplied);
  const resolved = await session.fetch(url);
  if (!resolved.ok && resolved.status === 410) {
    return early(
      [
        skipped('structure', 'Not checked: the issuer withdrew the assertion.'),
        success('proof', `The issuer answers for ${url}.`),
        skipped('key', 'Not checked: the issuer withdrew the assertion.'),
        failWith(
          'status',
          'revoked',
          'REVOKED',
          'Revoked',
          `${url} answers 410 Gone: the issuer revoked it.`,
        ),
        skipped('validity', 'Not checked: the badge is revoked.'),
      ],
      suppliedSummary,
      statusInfo,
    );
  }
  const fetched = await session.fetchJson(url);
  if (!fetched.ok) {
    return early(
      [
        skipped('structure', 'Not checked: the hosted assertion could not be read.'),
        failWith(
          'proof',
          fetched.kind === 'fetch' ? 'error' : 'not-a-badge',
          'HOSTED_FETCH_FAILED',
          "The issuer's copy could not be read",
          fetched.reason,
        ),
        ...skipAll(['key', 'status', 'validity'], "Not checked: the issuer's copy could not be read."),
      ],
      suppliedSummary,
    );
  }
  const hosted = isObject(fetched.value) ? fetched.value : {};
  if (hosted.id !== url) {
    return early(
      [
        skipped('structure', "Not checked: the issuer's copy is not at its id."),
        failWith(
          'proof',
          'signature-invalid',
          'HOSTED_ID_MISMATCH',
          'The assertion is not hosted at its id',
          `${url} serves a document whose id is ${JSON.stringify(hosted.id)}.`,
          '/id',
        ),
        ...skipAll(['key', 'status', 'validity'], NOT_AUTHENTIC),
      ],
      suppliedSummary,
    );
  }
  if (hosted.revoked === true) {
    const reason = typeof hosted.revocationReason === 'string' ? hosted.revocationReason : undefined;
    return early(
      [
        skipped('structure', 'Not checked: the issuer withdrew the assertion.'),
        success('proof', `The issuer hosts ${url}.`),
        skipped('key', 'Not checked: the issuer withdrew the assertion.'),
        failWith(
          'status',
          'revoked',
          'REVOKED',
          'Revoked',
          `The issuer's copy at ${url} declares it revoked${reason ? `: ${reason.replace(/[.\s]+$/, '')}` : ''}.`,
        ),
        skipped('validity', 'Not checked: the badge is revoked.'),
      ],
      suppliedSummary,
      { ...statusInfo, ...(reason !== undefined && { reason }) },
    );
  }
  const differs = supplied !== undefined && !jsonEqual(supplied, hosted);
  const { linked, summary, structure } = await loadAndSummarise(session, hosted);
  const hostedRecipient =
    supplied === undefined ? checkRecipient(options.email, ob2EmailIdentities(hosted.recipient)) : recipient;
  if (!linked.ok || structure.status === 'failure') {
    return payloadReport(
      'ob2-url',
      [structure, ...skipAll(['proof', 'key', 'status', 'validity'], NOT_A_BADGE), hostedRecipient],
      { proof: proofInfo, badge: summary },
    );
  }
  const proof = differs
    ? failure('proof', 'signature-invalid', 'The copy differs from the one the issuer hosts.', [
        {
          code: 'HOSTED_COPY_DIFFERS',
          title: 'The copy differs from the one the issuer hosts',
          detail: `The assertion given was changed: it is not the document the issuer hosts at ${url}.`,
        },
      ])
    : success('proof', `Identical to the assertion the issuer hosts at ${url}.`);
  const { profile } = linked.value;
  const key = scopeCheck(url, profile);
  const keyInfo: KeyInfo = {
    id: new URL(url).origin,
    type: 'origin',
    ...(typeof profile.id === 'string' && { controller: profile.id }),
  };
  const authentic = proof.status === 'success' && key.status === 'success';
  const status = authentic
    ? success('status', `Not revoked: the issuer's copy at ${url} is current.`)
    : skipped('status', NOT_AUTHENTIC);
  return payloadReport(
    'ob2-url',
    [structure, proof, key, status, validityOf(hosted, options.now), hostedRecipient],
    {
      proof: proofInfo,
      key: keyInfo,
      ...(authentic && { status: statusInfo }),
      badge: summary,
    },
  );
}

/** An OB 2.0 assertion given as JSON: hosted when its id is an http(s) URL, otherwise not verifiable. */
export async function verifyOb2Json(
  session: Session,
  assertion: Json,
  options: VerifyOptions,
): Promise<PayloadReport> {
  const id = assertion.id;
  if (typeof id === 'string' && /^https?:\/\//.test(id))
    return verifyOb2Hosted(session, id, assertion, options);
  const signed =
    isObject(assertion.verification) &&
    ['SignedBadge', 'signed'].includes(String(assertion.verification.type));
  return payloadReport(
    'ob2-json',
    [
      ob2StructureCheck(ob2Problems('Assertion', assertion)),
      failWith(
        'proof',
        'signature-invalid',
        signed ? 'OB2_SIGNED_NEEDS_JWS' : 'OB2_UNVERIFIABLE',
        'The assertion cannot be verified as given',
        signed
          ? 'A signed OB 2.0 assertion is verified from its JWS (header.payload.signature), not from its JSON: use the .jws file or the baked image.'
          : 'The assertion is neither hosted at an http(s) id nor signed, so nothing ties it to its issuer.',
      ),
      ...skipAll(['key', 'status', 'validity'], NOT_AUTHENTIC),
      checkRecipient(options.email, ob2EmailIdentities(assertion.recipient)),
    ],
    { badge: summariseOb2(assertion) },
  );
}
