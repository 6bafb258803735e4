/**
 * Structure: is the document an Open Badge at all? OB 3.0 against the official JSON schema plus the
 * conformance rules the schema cannot say (OB 3.0 §Verification step 1, DIGEST §5); OB 2.0 by the required
 * properties the reference validator enforces (DIGEST §1.8 "Class checks").
 */
import { failure, isObject, pointerSegment, problem, success, typesOf } from './checks.ts';
import type { Check, Problem } from './types.ts';

/** The most schema problems listed: past that, more lines do not help anyone fix the document. */
const MAX_PROBLEMS = 20;

const OB3_TYPES = ['OpenBadgeCredential', 'AchievementCredential'];

/** OB 3.0 credential structure: types, subject identification, and the official schema. */
// Loaded on first use (the schema validator is large), then kept: a dynamic import per call goes through
// the module loader each time.
let schemaModule: Promise<typeof import('./ob3-schema.ts')> | undefined;
const loadSchema = () => {
  schemaModule ??= import('./ob3-schema.ts');
  return schemaModule;
};

export async function checkOb3Structure(credential: Record<string, unknown>): Promise<Check> {
  const problems: Problem[] = [];
  const types = typesOf(credential.type);
  if (!types.includes('VerifiableCredential') || !types.some((type) => OB3_TYPES.includes(type))) {
    problems.push(
      problem(
        'OB3_TYPE',
        'Not an Open Badge credential',
        `type must include VerifiableCredential and OpenBadgeCredential (or AchievementCredential); it is ${JSON.stringify(credential.type)}.`,
        '/type',
      ),
    );
  }
  const subject = credential.credentialSubject;
  if (isObject(subject) && subject.id === undefined && subject.identifier === undefined) {
    problems.push(
      problem(
        'OB3_SUBJECT_UNIDENTIFIED',
        'The recipient is not identified',
        'credentialSubject must have an id or an identifier (OB 3.0 §Verification step 1).',
        '/credentialSubject',
      ),
    );
  }
  const { achievementCredentialErrors } = await loadSchema();
  for (const error of achievementCredentialErrors(credential)) {
    problems.push(
      problem('OB3_SCHEMA', 'Not valid against the OB 3.0 schema', error.message, error.pointer || undefined),
    );
  }
  if (problems.length > 0) {
    return failure(
      'structure',
      'not-a-badge',
      'The document is not a valid Open Badges 3.0 credential.',
      problems.slice(0, MAX_PROBLEMS),
    );
  }
  return success('structure', 'Valid against the Open Badges 3.0 JSON schema.');
}

const IRI =
  /^(https?:\/\/[^\s]+|urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}|_:\S+)$/i;
const OB2_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)$/;

type Rule = readonly [member: string, test: (value: unknown) => boolean, expected: string];

const present = (value: unknown) => value !== undefined && value !== null && value !== '';
const isIri = (value: unknown) => typeof value === 'string' && IRI.test(value);
const isText = (value: unknown) => typeof value === 'string' && value.trim() !== '';
const hasType =
  (...names: string[]) =>
  (value: unknown) =>
    typesOf(value).some((type) => names.includes(type));
const idOrObject = (value: unknown) =>
  isIri(value) || (isObject(value) && (isIri(value.id) || present(value)));

const ASSERTION_RULES: readonly Rule[] = [
  ['id', isIri, 'an http(s) URL or a urn:uuid (UUID v1–v5)'],
  ['type', hasType('Assertion'), '"Assertion"'],
  [
    'recipient',
    (value) => isObject(value) && isText(value.identity) && isText(value.type),
    'an IdentityObject with type and identity',
  ],
  ['badge', idOrObject, 'the BadgeClass URL'],
  ['verification', (value) => isObject(value) && isText(value.type), 'a VerificationObject with a type'],
  [
    'issuedOn',
    (value) => typeof value === 'string' && OB2_DATE_TIME.test(value),
    'an ISO 8601 date-time with a zone',
  ],
];

const BADGE_CLASS_RULES: readonly Rule[] = [
  ['id', isIri, 'an http(s) URL or a urn:uuid'],
  ['type', hasType('BadgeClass'), '"BadgeClass"'],
  ['name', isText, 'a name'],
  ['description', isText, 'a description'],
  ['image', (value) => isText(value) || (isObject(value) && isText(value.id)), 'an image URL'],
  [
    'criteria',
    (value) => isText(value) || (isObject(value) && (isText(value.id) || isText(value.narrative))),
    'criteria (a URL or a narrative)',
  ],
  ['issuer', idOrObject, 'the issuer Profile URL'],
];

const PROFILE_RULES: readonly Rule[] = [
  ['id', isIri, 'an http(s) URL'],
  ['type', hasType('Issuer', 'Profile'), '"Issuer" or "Profile"'],
  ['name', isText, 'a name'],
  ['url', (value) => typeof value === 'string' && /^https?:\/\//.test(value), 'an http(s) URL'],
  ['email', (value) => typeof value === 'string' && /^[^@\s]+@[^@\s]+$/.test(value), 'an email address'],
];

const RULES = { Assertion: ASSERTION_RULES, BadgeClass: BADGE_CLASS_RULES, Profile: PROFILE_RULES };

/** Problems of an OB 2.0 object of class `kind` (`where` prefixes the pointer and names the document). */
export function ob2Problems(kind: keyof typeof RULES, document: unknown, where = ''): Problem[] {
  if (!isObject(document)) {
    return [
      problem(
        'OB2_NOT_OBJECT',
        `The ${kind} is not a JSON object`,
        `Expected a JSON object.`,
        where || undefined,
      ),
    ];
  }
  return RULES[kind].flatMap(([member, test, expected]) =>
    test(document[member])
      ? []
      : [
          problem(
            document[member] === undefined ? 'OB2_MISSING_PROPERTY' : 'OB2_INVALID_PROPERTY',
            `${kind} ${member} is ${document[member] === undefined ? 'missing' : 'invalid'}`,
            `${kind}.${member} must be ${expected}${document[member] === undefined ? '' : `; it is ${JSON.stringify(document[member])}`}.`,
            `${where}/${pointerSegment(member)}`,
          ),
        ],
  );
}

/** The `structure` check over OB 2.0 problems gathered from the assertion, its BadgeClass and Profile. */
export function ob2StructureCheck(problems: readonly Problem[]): Check {
  return problems.length === 0
    ? success(
        'structure',
        'The assertion, its BadgeClass and its issuer Profile have every required property.',
      )
    : failure('structure', 'not-a-badge', 'The document is not a valid Open Badges 2.0 assertion.', problems);
}

/** An embedded EndorsementCredential against the official EndorsementCredential schema. */
export async function endorsementStructureProblems(
  endorsement: Record<string, unknown>,
  pointer: string,
): Promise<Problem[]> {
  const { endorsementCredentialErrors } = await loadSchema();
  return endorsementCredentialErrors(endorsement)
    .slice(0, MAX_PROBLEMS)
    .map((error) =>
      problem(
        'ENDORSEMENT_SCHEMA',
        'Not valid against the OB 3.0 EndorsementCredential schema',
        error.message,
        `${pointer}${error.pointer}`,
      ),
    );
}
