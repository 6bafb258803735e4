/**
 * The build's self-check over the files the emit stage produced: expected verdicts pass (revoked and
 * expired awards included), and any artefact that does not verify as its award's state says is reported.
 */
import { CompactSign } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { bakePng } from '../../../src/core/bake/index.ts';
import type { FileBody } from '../../../src/core/emit/site-files.ts';
import { sitePaths } from '../../../src/core/urls.ts';
import { formatSelfCheck, selfCheck } from '../../../src/shell/self-check.ts';
import { samplePng } from '../../core/bake/helpers.ts';
import { type Fixture, makeFixture, TODAY } from '../../core/verify/fixture.ts';

let fx: Fixture;
beforeAll(async () => {
  fx = await makeFixture();
});

const run = (files: ReadonlyMap<string, FileBody>, shard?: { index: number; count: number }) =>
  selfCheck(files, { model: fx.model, urls: fx.urls, today: TODAY, ...(shard && { shard }) });

/** The fixture's files with each award's PNG baked with its OB 3.0 credential and OB 2.0 JWS. */
function withBakedImages(files: ReadonlyMap<string, FileBody>): Map<string, FileBody> {
  const out = new Map(files);
  const png = samplePng();
  for (const award of fx.model.awards.values()) {
    out.set(
      sitePaths.bakedImage(award.id, 'png'),
      bakePng(png, [
        { keyword: 'openbadgecredential', text: fx.text(sitePaths.credential(award.id)).trim() },
        { keyword: 'openbadges', text: fx.text(sitePaths.assertionJws(award.id)) },
      ]),
    );
  }
  return out;
}

describe('selfCheck', () => {
  it('passes on what the build emits: revoked and expired awards come out revoked and expired', async () => {
    const result = await run(fx.files);
    expect(result.failures).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.awards).toBe(5);
    expect(result.artefacts).toBe(20);
    // plain and explicit are valid; revoked is revoked; expired and leap are expired.
    expect(result.verdicts).toEqual({ verified: 8, revoked: 4, expired: 8 });
    expect(formatSelfCheck(result)).toMatch(
      /^self-check: 20 artefact\(s\) of 5 award\(s\) verified in \d+ ms \(8 verified, 4 revoked, 8 expired\); every verdict matches/,
    );
  });

  it('picks up baked images when the files hold them', async () => {
    const result = await run(withBakedImages(fx.files));
    expect(result.failures).toEqual([]);
    expect(result.artefacts).toBe(25);
  });

  it('reports an altered artefact, with the expected and actual verdicts', async () => {
    const files = new Map(fx.files);
    const path = sitePaths.credential(fx.awards.plain.id);
    files.set(path, fx.text(path).replace('Badge robotique', 'Badge robotique expert'));
    const result = await run(files);
    expect(result.ok).toBe(false);
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0]).toMatchObject({ path, expected: 'verified', actual: 'signature-invalid' });
    expect(formatSelfCheck(result)).toContain(`✖ ${path}: expected verified, got signature-invalid: proof:`);
  });

  it('reports an artefact that carries another award, even when it verifies', async () => {
    const files = new Map(fx.files);
    const path = sitePaths.credentialJwt(fx.awards.explicit.id);
    files.set(path, fx.text(sitePaths.credentialJwt(fx.awards.plain.id)));
    const result = await run(files);
    expect(result.failures.map((f) => [f.path, f.actual, f.reason])).toEqual([
      [path, 'verified', `carries urn:uuid:${fx.awards.plain.id}, not award ${fx.awards.explicit.id}`],
    ]);
  });

  it('reports a VC-JWT whose payload carries the Data Integrity proof', async () => {
    const { id } = fx.awards.plain;
    const path = sitePaths.credentialJwt(id);
    const [header, payload] = fx.text(path).split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString());
    const { proof } = fx.json(sitePaths.credential(id));
    const stale = await new CompactSign(new TextEncoder().encode(JSON.stringify({ ...claims, proof })))
      .setProtectedHeader(JSON.parse(Buffer.from(header ?? '', 'base64url').toString()))
      .sign(fx.signer.rs256.privateKey);
    const files = new Map(fx.files);
    files.set(path, stale);
    const result = await run(files);
    expect(result.failures.map((f) => [f.path, f.expected, f.actual, f.reason])).toEqual([
      [
        path,
        'verified',
        'signature-invalid',
        'the VC-JWT payload carries a proof: the JWS alone proves it, and that proof does not cover the payload',
      ],
    ]);
  });

  it('reports a revoked award whose published revocation is missing', async () => {
    const files = new Map(fx.files);
    files.set(
      'issuers/lycee/revocations-ob2.json',
      fx
        .text('issuers/lycee/revocations-ob2.json')
        .replace(/"revokedAssertions": \[[^\]]*\]/, '"revokedAssertions": []'),
    );
    const result = await run(files);
    expect(result.failures.map((f) => [f.path, f.expected, f.actual])).toEqual([
      [sitePaths.assertionJws(fx.awards.revoked.id), 'revoked', 'verified'],
    ]);
  });

  it('splits the awards between shards that together check everything', async () => {
    const parts = await Promise.all([
      run(fx.files, { index: 0, count: 2 }),
      run(fx.files, { index: 1, count: 2 }),
    ]);
    expect(parts.map((p) => p.awards)).toEqual([3, 2]);
    expect(parts.reduce((sum, p) => sum + p.artefacts, 0)).toBe(20);
    expect(parts.every((p) => p.ok)).toBe(true);
  });
});
