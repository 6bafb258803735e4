/**
 * Endorsements inside a credential (OB 3.0 §Verification "EndorsementCredentials: verify each in the same
 * way", DIGEST §3.10): every `endorsement` of the credential, of its issuer Profile and of its Achievement
 * is an EndorsementCredential verified on its own, by its structure, its Data Integrity proof, its
 * endorser's key (a did:key is decoded locally, a did:web resolved like an issuer's) and its dates. The
 * report lists each with its endorser; one that fails makes the `endorsements` check fail.
 */
import { failure, idOf, isObject, pointerSegment, problem, success, verdictOf } from './checks.ts';
import { checkDataIntegrity } from './data-integrity.ts';
import type { Session } from './session.ts';
import { endorsementStructureProblems } from './structure.ts';
import type { Check, EndorsementReport, Verdict } from './types.ts';
import { checkValidity } from './validity.ts';

/** Where endorsements sit in an OB 3.0 credential. */
function endorsementsIn(credential: Record<string, unknown>): { pointer: string; value: unknown }[] {
  const found: { pointer: string; value: unknown }[] = [];
  const collect = (holder: unknown, at: string) => {
    if (!isObject(holder)) return;
    const list = holder.endorsement;
    if (list === undefined) return;
    const pointer = `${at}/endorsement`;
    if (!Array.isArray(list)) found.push({ pointer, value: list });
    else
      for (const [i, value] of list.entries())
        found.push({ pointer: `${pointer}/${pointerSegment(i)}`, value });
  };
  collect(credential, '');
  collect(credential.issuer, '/issuer');
  const subject = credential.credentialSubject;
  for (const [i, entry] of (Array.isArray(subject) ? subject : [subject]).entries()) {
    const at = Array.isArray(subject) ? `/credentialSubject/${i}` : '/credentialSubject';
    if (isObject(entry)) collect(entry.achievement, `${at}/achievement`);
  }
  return found;
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

async function verifyOne(
  session: Session,
  value: unknown,
  pointer: string,
  now: Date,
): Promise<EndorsementReport> {
  const endorsement = isObject(value) ? value : {};
  const issuer = isObject(endorsement.issuer) ? endorsement.issuer : {};
  const subject = isObject(endorsement.credentialSubject) ? endorsement.credentialSubject : {};
  const endorserId = idOf(endorsement.issuer) ?? '';
  const structureProblems = isObject(value)
    ? await endorsementStructureProblems(value, pointer)
    : [
        problem(
          'ENDORSEMENT_NOT_OBJECT',
          'The endorsement is not an object',
          'An endorsement must be an EndorsementCredential object.',
          pointer,
        ),
      ];
  const checks: Check[] = [];
  if (structureProblems.length > 0) {
    checks.push(
      failure(
        'structure',
        'not-a-badge',
        'The endorsement is not a valid EndorsementCredential.',
        structureProblems,
      ),
    );
  } else {
    checks.push(success('structure', 'The endorsement is a valid EndorsementCredential.'));
    const { proof, key } = await checkDataIntegrity(session, endorsement, endorserId);
    checks.push(proof, key);
    checks.push(
      checkValidity(
        {
          ...(text(endorsement.validFrom) !== undefined && { from: String(endorsement.validFrom) }),
          ...(text(endorsement.validUntil) !== undefined && { until: String(endorsement.validUntil) }),
          fromMember: 'validFrom',
          untilMember: 'validUntil',
        },
        now,
      ),
    );
  }
  return {
    pointer,
    ...(text(endorsement.id) !== undefined && { id: String(endorsement.id) }),
    endorser: {
      id: endorserId,
      ...(text(issuer.name) !== undefined && { name: String(issuer.name) }),
      ...(text(issuer.url) !== undefined && { url: String(issuer.url) }),
    },
    ...(text(subject.id) !== undefined && { subject: String(subject.id) }),
    ...(text(subject.endorsementComment) !== undefined && { comment: String(subject.endorsementComment) }),
    ...(text(endorsement.validFrom) !== undefined && { validFrom: String(endorsement.validFrom) }),
    verified: checks.every((check) => check.status === 'success'),
    checks,
  };
}

/**
 * What a failed endorsement means for the credential: a forged or altered one (a broken signature, a key
 * that is not the endorser's) or one that is no endorsement at all makes the credential's verdict that;
 * one that cannot be checked now gives `error`; an expired endorsement leaves the badge as it is.
 */
function impliedVerdict(verdict: Verdict): Exclude<Verdict, 'verified'> | undefined {
  if (verdict === 'signature-invalid' || verdict === 'key-not-issuers' || verdict === 'error') return verdict;
  if (verdict === 'not-a-badge' || verdict === 'malformed') return 'signature-invalid';
  return undefined;
}

/** The `endorsements` check and one report per endorsement; undefined when the credential carries none. */
export async function checkEndorsements(
  session: Session,
  credential: Record<string, unknown>,
  now: Date,
): Promise<{ check: Check; reports: readonly EndorsementReport[] } | undefined> {
  const found = endorsementsIn(credential);
  if (found.length === 0) return undefined;
  const reports: EndorsementReport[] = [];
  for (const { pointer, value } of found) reports.push(await verifyOne(session, value, pointer, now));
  const failed = reports.filter((report) => !report.verified);
  if (failed.length === 0) {
    return {
      check: success('endorsements', `${reports.length} endorsement(s), each verified.`),
      reports,
    };
  }
  const verdicts = failed.map((report) => impliedVerdict(verdictOf([...report.checks])));
  const order: readonly Verdict[] = ['signature-invalid', 'key-not-issuers', 'error'];
  const verdict = order.find((v) => verdicts.includes(v as Exclude<Verdict, 'verified'>));
  const problems = failed.map((report) => {
    const first = report.checks.flatMap((check) => (check.status === 'failure' ? check.problems : []))[0];
    const who = report.endorser.name ?? (report.endorser.id || 'an unnamed endorser');
    return problem(
      'ENDORSEMENT_INVALID',
      'An endorsement does not verify',
      `The endorsement by ${who}${report.id ? ` (${report.id})` : ''} does not verify: ${first?.detail ?? 'a check failed'}`,
      report.pointer,
    );
  });
  const message = `${failed.length} of ${reports.length} endorsement(s) do not verify.`;
  return {
    check: failure('endorsements', verdict as Exclude<Verdict, 'verified'> | undefined, message, problems),
    reports,
  };
}
