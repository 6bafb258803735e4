import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli.ts';
import { projectFromFixture } from '../../helpers/fixtures.ts';

const SITE = 'https://lycee-trois-rivieres.github.io/badges';
const ACHIEVEMENT = `${SITE}/badges/robotique-niveau-1/achievement.json`;

/** An endorser somewhere else: their own folder, no project. */
async function endorserKey(name = 'federation.private.jwk.json') {
  const home = mkdtempSync(join(tmpdir(), 'insigne-endorser-'));
  const run = await cli(home, ['keygen', '--endorser', name]);
  return { home, run, path: join(home, name) };
}

async function requestFor(root: string, extra: string[] = ['--badge', 'robotique-niveau-1']) {
  return cli(root, [
    'endorse',
    'request',
    ...extra,
    '--endorser-name',
    'Fédération régionale de robotique',
    '--endorser-url',
    'https://federation-robotique.example',
    '--comment',
    'Ce badge suit notre référentiel régional.',
  ]);
}

/** request in the project → sign on the endorser's machine → the signed file committed. */
async function signedEndorsement(root: string) {
  const request = await requestFor(root);
  expect(request.code).toBe(0);
  const key = await endorserKey();
  const requestFile = 'robotique-niveau-1-federation-regionale-de-robotique.request.json';
  writeFileSync(join(key.home, requestFile), readFileSync(join(root, requestFile)));
  const sign = await cli(key.home, ['endorse', 'sign', requestFile, '--key', key.path]);
  expect(sign.err).toBe('');
  expect(sign.code).toBe(0);
  const signed = readFileSync(
    join(key.home, 'robotique-niveau-1-federation-regionale-de-robotique.json'),
    'utf8',
  );
  return { key, sign, signed };
}

function commit(root: string, text: string, name = 'federation.json') {
  mkdirSync(join(root, 'content', 'endorsements'), { recursive: true });
  writeFileSync(join(root, 'content', 'endorsements', name), text);
}

describe('badges keygen --endorser', () => {
  it('writes the private key only to its file, mode 0600, and prints the did:key', async () => {
    const { run, path } = await endorserKey();
    expect(run.code).toBe(0);
    const file = JSON.parse(readFileSync(path, 'utf8'));
    expect(file.did).toMatch(/^did:key:z6Mk[1-9A-HJ-NP-Za-km-z]+$/);
    expect(run.out).toContain(`Your identity as an endorser: ${file.did}`);
    expect(run.out).not.toContain(file.jwk.d);
    expect(statSync(path).mode & 0o077).toBe(0);
  });

  it('never overwrites a key', async () => {
    const { home } = await endorserKey('k.private.jwk.json');
    const again = await cli(home, ['keygen', '--endorser', 'k.private.jwk.json']);
    expect(again.code).toBe(1);
    expect(again.err).toContain('already exists');
  });
});

describe('badges endorse request and sign', () => {
  it('writes an unsigned EndorsementCredential whose ids are the site’s', async () => {
    const root = projectFromFixture('valid');
    const run = await requestFor(root);
    expect(run.code).toBe(0);
    const request = JSON.parse(
      readFileSync(join(root, 'robotique-niveau-1-federation-regionale-de-robotique.request.json'), 'utf8'),
    );
    expect(request).toEqual({
      '@context': [
        'https://www.w3.org/ns/credentials/v2',
        'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      ],
      id: `${SITE}/endorsements/robotique-niveau-1-federation-regionale-de-robotique.json`,
      type: ['VerifiableCredential', 'EndorsementCredential'],
      name: 'Fédération régionale de robotique: Robotique — niveau 1',
      issuer: {
        type: ['Profile'],
        name: 'Fédération régionale de robotique',
        url: 'https://federation-robotique.example',
      },
      validFrom: '2026-11-28T00:00:00Z',
      credentialSubject: {
        id: ACHIEVEMENT,
        type: ['EndorsementSubject'],
        endorsementComment: 'Ce badge suit notre référentiel régional.',
      },
    });
  });

  it('names the issuer by its did:web and an award by its credential id', async () => {
    const root = projectFromFixture('valid');
    expect((await requestFor(root, ['--issuer', 'ecole-test'])).code).toBe(0);
    const issuer = JSON.parse(
      readFileSync(join(root, 'ecole-test-federation-regionale-de-robotique.request.json'), 'utf8'),
    );
    expect(issuer.credentialSubject.id).toBe(
      'did:web:lycee-trois-rivieres.github.io:badges:issuers:ecole-test',
    );
    const id = '0b5e4d8c-3f1a-4c2b-9d7e-6a1f2b3c4d5e';
    expect((await requestFor(root, ['--award', id])).code).toBe(0);
    const award = JSON.parse(
      readFileSync(join(root, 'award-0b5e4d8c-federation-regionale-de-robotique.request.json'), 'utf8'),
    );
    expect(award.credentialSubject.id).toBe(`urn:uuid:${id}`);
    const two = await requestFor(root, ['--badge', 'robotique-niveau-1', '--issuer', 'ecole-test']);
    expect(two.code).toBe(2);
    expect(two.err).toContain('Endorse one thing at a time');
  });

  it('refuses a badge that does not exist, naming the closest one', async () => {
    const root = projectFromFixture('valid');
    const run = await requestFor(root, ['--badge', 'robotique-niveau1']);
    expect(run.code).toBe(1);
    expect(run.err).toContain('No badge "robotique-niveau1" exists. Did you mean "robotique-niveau-1"?');
  });

  it('asks for nothing and says what is missing when not on a terminal', async () => {
    const root = projectFromFixture('valid');
    const run = await cli(root, ['endorse', 'request', '--badge', 'robotique-niveau-1']);
    expect(run.code).toBe(2);
    expect(run.err).toContain('Missing --endorser-name, --endorser-url, --comment.');
  });

  it('signs with the endorser’s did:key outside any project; check accepts the signed file', async () => {
    const root = projectFromFixture('valid');
    const { key, signed, sign } = await signedEndorsement(root);
    const document = JSON.parse(signed);
    const did = JSON.parse(readFileSync(key.path, 'utf8')).did as string;
    expect(sign.out).toContain(`Signed as ${did}`);
    expect(document.issuer).toEqual({
      id: did,
      type: ['Profile'],
      name: 'Fédération régionale de robotique',
      url: 'https://federation-robotique.example',
    });
    expect(document.proof).toEqual([
      {
        type: 'DataIntegrityProof',
        cryptosuite: 'eddsa-rdfc-2022',
        created: '2026-11-28T00:00:00Z',
        verificationMethod: `${did}#${did.slice('did:key:'.length)}`,
        proofPurpose: 'assertionMethod',
        proofValue: expect.stringMatching(/^z[1-9A-HJ-NP-Za-km-z]{80,90}$/),
      },
    ]);
    expect(signed).not.toContain(JSON.parse(readFileSync(key.path, 'utf8')).jwk.d);
    commit(root, signed);
    const check = await cli(root, ['check']);
    expect(check.err).toBe('');
    expect(check.out).toContain('1 award(s), 1 endorsement(s).');
  });

  it('refuses to sign a file that is not a request, or with something that is not an endorser key', async () => {
    const key = await endorserKey();
    writeFileSync(join(key.home, 'other.json'), '{"type": ["VerifiableCredential"]}');
    const notRequest = await cli(key.home, ['endorse', 'sign', 'other.json', '--key', key.path]);
    expect(notRequest.code).toBe(1);
    expect(notRequest.err).toContain('"type" does not include EndorsementCredential');
    const root = projectFromFixture('valid');
    await requestFor(root);
    const notKey = await cli(root, [
      'endorse',
      'sign',
      'robotique-niveau-1-federation-regionale-de-robotique.request.json',
      '--key',
      'content/issuers/ecole-test.yaml',
    ]);
    expect(notKey.code).toBe(1);
    expect(notKey.err).toContain('could not be read as an endorser key file');
  });

  it('check accepts the committed endorsed fixture, signed once by keys that were then thrown away', async () => {
    // One endorser is a did:key, the other the did:web of its site, read from its pinned copy.
    const run = await cli(projectFromFixture('endorsed'), ['check']);
    expect(run.err).toBe('');
    expect(run.out).toContain('1 award(s), 2 endorsement(s).');
  });

  it('check refuses a changed comment, another endorser’s key and a missing subject', async () => {
    const root = projectFromFixture('valid');
    const { signed } = await signedEndorsement(root);
    const other = await endorserKey('other.private.jwk.json');
    const otherDid = JSON.parse(readFileSync(other.path, 'utf8')).did as string;
    commit(root, signed.replace('notre référentiel', 'le référentiel national'), 'comment.json');
    const check = await cli(root, ['check']);
    expect(check.code).toBe(1);
    expect(check.err).toContain("The endorsement's signature does not match its content");

    const root2 = projectFromFixture('valid');
    const { signed: signed2 } = await signedEndorsement(root2);
    const document = JSON.parse(signed2);
    commit(root2, JSON.stringify({ ...document, issuer: { ...document.issuer, id: otherDid } }, null, 2));
    const wrongKey = await cli(root2, ['check']);
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.err).toContain("The endorsement is signed with a key that is not the endorser's");
  });
});

describe('an endorser with a web site: keygen --endorser --did-web', () => {
  it('records the did:web, writes the DID document to publish and says where, with the CORS header', async () => {
    const home = mkdtempSync(join(tmpdir(), 'insigne-endorser-'));
    const run = await cli(home, [
      'keygen',
      '--endorser',
      'ana.private.jwk.json',
      '--did-web',
      'https://example.org/people/ana',
    ]);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const key = JSON.parse(readFileSync(join(home, 'ana.private.jwk.json'), 'utf8'));
    expect(key.did).toBe('did:web:example.org:people:ana');
    const text = readFileSync(join(home, 'ana.did.json'), 'utf8');
    const document = JSON.parse(text);
    const method = `did:web:example.org:people:ana#${document.verificationMethod[0].publicKeyMultibase}`;
    expect(document).toEqual({
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
      id: 'did:web:example.org:people:ana',
      verificationMethod: [
        {
          id: method,
          type: 'Multikey',
          controller: 'did:web:example.org:people:ana',
          publicKeyMultibase: expect.stringMatching(/^z6Mk/),
        },
      ],
      assertionMethod: [method],
    });
    expect(text).not.toContain(key.jwk.d);
    expect(run.out).not.toContain(key.jwk.d);
    expect(run.out).toContain('Your identity as an endorser: did:web:example.org:people:ana');
    expect(run.out).toContain('  Your DID document (public key only) is in ana.did.json.');
    expect(run.out).toContain('    https://example.org/people/ana/did.json\n');
    expect(run.out).toContain('`Access-Control-Allow-Origin: *`');
    expect(run.out).toContain('content/endorsers/example.org/people/ana/did.json');
    const site = await cli(home, [
      'keygen',
      '--endorser',
      'f.private.jwk.json',
      '--did-web=https://f.example',
    ]);
    expect(site.out).toContain('    https://f.example/.well-known/did.json\n');
  });

  it.each([
    ['http://federation.example', 'a did:web is only ever read over https'],
    ['https://federation.example/?lang=fr', 'a did:web cannot carry a query'],
    ['https://federation.example/#me', 'a did:web cannot carry a query'],
    ['https://ana:secret@federation.example', 'the address holds a user name or password'],
  ])('refuses %s and writes nothing', async (url, reason) => {
    const home = mkdtempSync(join(tmpdir(), 'insigne-endorser-'));
    const run = await cli(home, ['keygen', '--endorser', 'k.private.jwk.json', '--did-web', url]);
    expect(run.code).toBe(2);
    expect(run.err).toContain(`✖ --did-web: ${reason}`);
    expect(run.err).not.toContain('secret');
    expect(readdirSync(home)).toEqual([]);
  });

  it('needs --endorser', async () => {
    const run = await cli(mkdtempSync(join(tmpdir(), 'insigne-')), [
      'keygen',
      '--did-web',
      'https://f.example',
    ]);
    expect(run.code).toBe(2);
    expect(run.err).toContain('--did-web goes with --endorser <file>');
  });

  it('signs as the did:web; check passes once its DID document is pinned, and says how before', async () => {
    const root = projectFromFixture('valid');
    expect((await requestFor(root)).code).toBe(0);
    const home = mkdtempSync(join(tmpdir(), 'insigne-endorser-'));
    const keygen = await cli(home, [
      'keygen',
      '--endorser',
      'federation.private.jwk.json',
      '--did-web',
      'https://federation-robotique.example',
    ]);
    expect(keygen.code).toBe(0);
    const requestFile = 'robotique-niveau-1-federation-regionale-de-robotique.request.json';
    writeFileSync(join(home, requestFile), readFileSync(join(root, requestFile)));
    const sign = await cli(home, ['endorse', 'sign', requestFile, '--key', 'federation.private.jwk.json']);
    expect(sign.code).toBe(0);
    expect(sign.out).toContain('✔ Signed as did:web:federation-robotique.example: ');
    expect(sign.out).toContain(
      '  content/endorsers/federation-robotique.example/did.json. Keep it published at https://federation-robotique.example/.well-known/did.json.',
    );
    const signed = readFileSync(
      join(home, 'robotique-niveau-1-federation-regionale-de-robotique.json'),
      'utf8',
    );
    const document = JSON.parse(signed);
    const didDocument = JSON.parse(readFileSync(join(home, 'federation.did.json'), 'utf8'));
    expect(document.issuer.id).toBe('did:web:federation-robotique.example');
    expect(document.proof[0].verificationMethod).toBe(didDocument.assertionMethod[0]);

    commit(root, signed);
    const before = await cli(root, ['check']);
    expect(before.code).toBe(1);
    expect(before.err).toContain(
      'Hint: Ask the endorser for their did.json, or download it from https://federation-robotique.example/.well-known/did.json, and commit it unchanged as content/endorsers/federation-robotique.example/did.json.',
    );
    const pinned = join(root, 'content', 'endorsers', 'federation-robotique.example');
    mkdirSync(pinned, { recursive: true });
    writeFileSync(join(pinned, 'did.json'), readFileSync(join(home, 'federation.did.json')));
    const after = await cli(root, ['check']);
    expect(after.err).toBe('');
    expect(after.code).toBe(0);
    expect(after.out).toContain('1 endorsement(s).');
  });
});
