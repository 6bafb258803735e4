/**
 * Endorsements for the generated site: a badge, the issuer and one award, each endorsed by a third party
 * signing with its own did:key, through the same request, signing and content check as the command line.
 */
import type { SourceFile } from '../../src/core/content/parse.ts';
import { linkEndorsements } from '../../src/core/endorsements/check.ts';
import { toEndorsementRequest } from '../../src/core/endorsements/document.ts';
import { signEndorsement } from '../../src/core/endorsements/sign.ts';
import type { Model } from '../../src/core/model/types.ts';
import { awardUrn, sitePaths } from '../../src/core/urls.ts';
import { ed25519 } from '../core/credentials/site.ts';
import { type Fixture, TODAY } from '../core/verify/fixture.ts';

export async function withEndorsements(fx: Fixture): Promise<{ model: Model; paths: string[] }> {
  const subjects = [
    ['robotique-federation', fx.urls.absolute(sitePaths.achievement('robotique')), 31],
    ['lycee-academie', fx.urls.issuerDid(fx.issuer.slug), 32],
    ['award-entreprise', awardUrn(fx.awards.plain.id), 33],
  ] as const;
  const files: SourceFile[] = [];
  for (const [name, subjectId, seed] of subjects) {
    const key = await ed25519(seed);
    const signed = await signEndorsement(
      toEndorsementRequest({
        id: fx.urls.absolute(sitePaths.endorsement(name)),
        subjectId,
        subjectName: name,
        endorser: { name: `Endorser ${name}`, url: 'https://endorser.example' },
        comment: `Endorsement ${name}.`,
        validFrom: '2026-06-01T00:00:00Z',
      }),
      { privateKey: key.privateKey, publicKey: key.publicKeyBytes },
      '2026-06-01T00:00:00Z',
    );
    if (!signed.ok) throw new Error(signed.problems.join(' '));
    files.push({ path: `content/endorsements/${name}.json`, text: JSON.stringify(signed.document) });
  }
  const result = linkEndorsements({ files, model: fx.model, urls: fx.urls, today: TODAY });
  if (!result.model || result.problems.length > 0) throw new Error(JSON.stringify(result.problems));
  return { model: result.model, paths: subjects.map(([name]) => sitePaths.endorsement(name)) };
}
