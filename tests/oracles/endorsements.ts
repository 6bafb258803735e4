/**
 * Endorsements for the generated site: a badge, the issuer and one award, each endorsed by a third party
 * signing with its own key, through the same request, signing and content check as the command line. Two
 * endorsers are a did:key; the award's is the did:web of its site, whose DID document the project pins
 * under content/endorsers/ (and which the oracles read at the endorser's URL, see `withEndorserDocuments`).
 */
import type { SourceFile } from '../../src/core/content/parse.ts';
import { linkEndorsements } from '../../src/core/endorsements/check.ts';
import { pinnedPathOf, toEndorserDidDocument } from '../../src/core/endorsements/did-web.ts';
import { toEndorsementRequest } from '../../src/core/endorsements/document.ts';
import { signEndorsement } from '../../src/core/endorsements/sign.ts';
import type { Model } from '../../src/core/model/types.ts';
import { awardUrn, sitePaths } from '../../src/core/urls.ts';
import { ed25519 } from '../core/credentials/site.ts';
import { type Fixture, TODAY } from '../core/verify/fixture.ts';

/** The award's endorser: a company with a web site, identified by its did:web. */
export const DID_WEB_ENDORSER = 'did:web:entreprise.example:partenaires';

export async function withEndorsements(
  fx: Fixture,
): Promise<{ model: Model; paths: string[]; didDocuments: string[] }> {
  const subjects = [
    ['robotique-federation', fx.urls.absolute(sitePaths.achievement('robotique')), 31, undefined],
    ['lycee-academie', fx.urls.issuerDid(fx.issuer.slug), 32, undefined],
    ['award-entreprise', awardUrn(fx.awards.plain.id), 33, DID_WEB_ENDORSER],
  ] as const;
  const files: SourceFile[] = [];
  const didDocuments: SourceFile[] = [];
  for (const [name, subjectId, seed, didWeb] of subjects) {
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
      { privateKey: key.privateKey, publicKey: key.publicKeyBytes, ...(didWeb && { didWeb }) },
      '2026-06-01T00:00:00Z',
    );
    if (!signed.ok) throw new Error(signed.problems.join(' '));
    files.push({ path: `content/endorsements/${name}.json`, text: JSON.stringify(signed.document) });
    if (didWeb !== undefined) {
      const document = toEndorserDidDocument(didWeb, key.publicKeyBytes);
      didDocuments.push({ path: pinnedPathOf(didWeb), text: JSON.stringify(document, null, 2) });
    }
  }
  const result = linkEndorsements({ files, didDocuments, model: fx.model, urls: fx.urls, today: TODAY });
  if (!result.model || result.problems.length > 0) throw new Error(JSON.stringify(result.problems));
  return {
    model: result.model,
    paths: subjects.map(([name]) => sitePaths.endorsement(name)),
    didDocuments: didDocuments.map((file) => file.text),
  };
}
