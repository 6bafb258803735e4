/**
 * Emit (DESIGN.md §2): every data file of the site, as a map from site path to bytes or text. HTML pages
 * are Astro's; everything a verifier or a wallet fetches (JSON-LD documents, JWTs, keys, status lists)
 * comes from here, built from the linked model with the keys the shell passes in. Pure: the same model,
 * keys and build day give byte-identical files.
 */

import { createPngBaker, createSvgBaker } from '../bake/index.ts';
import { inShard, type ShardSpec } from '../build/shard.ts';
import { signDataIntegrity } from '../credentials/data-integrity.ts';
import { toDateTimeZ } from '../credentials/dates.ts';
import { toJwks, toPublicJwk } from '../credentials/jwk.ts';
import type { IssuerSigner } from '../credentials/keys.ts';
import { findKey } from '../credentials/keys.ts';
import {
  signAssertion,
  toHostedAssertion,
  toRevokedAssertion,
  toSignedAssertion,
} from '../credentials/ob2/assertion.ts';
import { toBadgeClass } from '../credentials/ob2/badge-class.ts';
import { toCryptographicKey, toOb2Profile, toRevocationList } from '../credentials/ob2/issuer.ts';
import { toAchievement, toAchievementEdition } from '../credentials/ob3/achievement.ts';
import { toDidDocument } from '../credentials/ob3/did-document.ts';
import { issueOpenBadgeCredential } from '../credentials/ob3/issue.ts';
import { toProfile } from '../credentials/ob3/profile.ts';
import { revokedIndexesOf, toStatusListCredential } from '../credentials/ob3/status-list.ts';
import type { SignatureCache } from '../credentials/signature-cache.ts';
import { InsigneError } from '../errors.ts';
import type { Award, Badge, Issuer, Model } from '../model/types.ts';
import { toQrSvg } from '../presentation/qr.ts';
import { NO_STOPWATCH, type Stopwatch } from '../stopwatch.ts';
import { type SiteUrls, sitePaths } from '../urls.ts';

export type FileBody = string | Uint8Array;

/** Everything the data files are built from. */
export interface SiteFilesInput {
  /** The linked model; its issuers carry every key this build publishes (see the shell's key ring). */
  readonly model: Model;
  readonly urls: SiteUrls;
  /** The private keys each issuer signs with. */
  readonly signers: ReadonlyMap<string, IssuerSigner>;
  /** The build day (YYYY-MM-DD): the status lists are re-issued on it. */
  readonly today: string;
  /** Each badge's artwork, rendered or custom (a PNG and an SVG): baked per award when given. */
  readonly artworks?: ReadonlyMap<string, BadgeArtwork>;
  /** Measures the stages (benchmark). */
  readonly stopwatch?: Stopwatch;
  /** A shard's build: the files of its own awards only, every site-wide file still (build/shard.ts). */
  readonly shard?: ShardSpec;
  /** Signatures of earlier builds, reused where the signed input and key are the same. */
  readonly signatures?: SignatureCache;
}

/** A badge's artwork in the two formats awards are baked in. */
export interface BadgeArtwork {
  readonly png: Uint8Array;
  readonly svg: string;
}

/** What one award publishes, also what its baked images carry. */
export interface AwardFiles {
  /** OB 2.0 hosted Assertion JSON, or its revoked body. */
  readonly assertion: string;
  /** OB 2.0 signed Assertion, a compact JWS. */
  readonly assertionJws: string;
  /** OB 3.0 OpenBadgeCredential with its Data Integrity proof. */
  readonly credential: string;
  /** OB 3.0 VC-JWT of the same credential; its payload carries no Data Integrity proof, the JWS proves it. */
  readonly credentialJwt: string;
  /** The full hosted Assertion, even once revoked: what baked images carry for OB 2.0 (verifiers follow its id). */
  readonly bakedAssertion: string;
  readonly assertionUrl: string;
}

/** JSON as published: documents fetched by people are indented, per-award files are compact (size). */
export const toJsonFile = (value: unknown, indent = true): string =>
  `${JSON.stringify(value, null, indent ? 2 : undefined)}\n`;

function signerOf(input: SiteFilesInput, issuer: Issuer): IssuerSigner {
  const signer = input.signers.get(issuer.slug);
  if (!signer)
    throw new InsigneError('ERR_KEY_MISSING', `No signing keys were given for issuer "${issuer.slug}".`);
  return signer;
}

/** The files of one issuer: did.json, profiles, key documents, revocation and status lists. */
export async function toIssuerFiles(input: SiteFilesInput, issuer: Issuer): Promise<Map<string, FileBody>> {
  const { model, urls } = input;
  const files = new Map<string, FileBody>();
  const awards = [...model.awards.values()].filter((a) => model.badges.get(a.badge)?.issuer === issuer.slug);
  files.set(sitePaths.issuerDid(issuer.slug), toJsonFile(toDidDocument(issuer, urls)));
  files.set(sitePaths.issuerProfileOb3(issuer.slug), toJsonFile(toProfile(issuer, urls)));
  files.set(sitePaths.issuerProfileOb2(issuer.slug), toJsonFile(toOb2Profile(issuer, urls)));
  for (const key of issuer.keys) {
    files.set(sitePaths.keyJwk(issuer.slug, key.id), toJsonFile(toPublicJwk(issuer, key, urls)));
    if (key.algorithm === 'RS256') {
      files.set(
        sitePaths.keyOb2(issuer.slug, key.id),
        toJsonFile(await toCryptographicKey(issuer, key, urls)),
      );
    }
  }
  files.set(sitePaths.revocationListOb2(issuer.slug), toJsonFile(toRevocationList(issuer, awards, urls)));
  const signer = signerOf(input, issuer);
  const statusList = toStatusListCredential(issuer, revokedIndexesOf(awards), {
    urls,
    validFrom: toDateTimeZ(input.today),
  });
  const listKey = findKey(issuer, signer.ed25519.keyId);
  const signedList = await signDataIntegrity(statusList, {
    privateKey: signer.ed25519.privateKey,
    verificationMethod: urls.keyDidUrl(issuer.slug, listKey.id),
    created: statusList.validFrom,
    ...(input.signatures ? { cache: { ...input.signatures, key: listKey } } : {}),
  });
  files.set(sitePaths.statusList(issuer.slug), toJsonFile(signedList));
  return files;
}

/** The files of one badge: OB 2.0 BadgeClass and OB 3.0 Achievement. */
export function toBadgeFiles(input: SiteFilesInput, badge: Badge, issuer: Issuer): Map<string, FileBody> {
  return new Map<string, FileBody>([
    [sitePaths.badgeClass(badge.slug), toJsonFile(toBadgeClass(badge, issuer, input.urls))],
    [sitePaths.achievement(badge.slug), toJsonFile(toAchievement(badge, input.urls))],
    ...(badge.edition
      ? ([
          [
            sitePaths.achievementEdition(badge.slug, badge.edition.language),
            toJsonFile(toAchievementEdition(badge, input.urls)),
          ],
        ] as [string, FileBody][])
      : []),
  ]);
}

/** The four documents of one award, signed. */
export async function toAwardFiles(
  input: SiteFilesInput,
  award: Award,
  badge: Badge,
  issuer: Issuer,
): Promise<AwardFiles> {
  const { urls } = input;
  const signer = signerOf(input, issuer);
  const stopwatch = input.stopwatch ?? NO_STOPWATCH;
  const source = { issuer, badge, award, urls };
  const { full, hosted, signed } = stopwatch.time('credentials', () => ({
    full: toHostedAssertion(source),
    hosted: award.revocation ? toRevokedAssertion(award, urls) : undefined,
    signed: toSignedAssertion(source, signer.rs256.keyId),
  }));
  const signatures = input.signatures;
  const { credential, jwt } = await issueOpenBadgeCredential(source, signer, {
    stopwatch,
    ...(signatures ? { signatures } : {}),
  });
  const rs256 = signatures && { ...signatures, key: findKey(issuer, signer.rs256.keyId) };
  const assertionJws = await stopwatch.time('jwt', () =>
    signAssertion(signed, signer.rs256.privateKey, rs256),
  );
  return {
    bakedAssertion: JSON.stringify(full),
    assertionUrl: full.id,
    assertion: toJsonFile(hosted ?? full, false),
    assertionJws,
    credential: toJsonFile(credential, false),
    credentialJwt: jwt,
  };
}

/** Resolves an award's badge and issuer, which linking guarantees exist. */
export function awardContext(model: Model, award: Award): { badge: Badge; issuer: Issuer } {
  const badge = model.badges.get(award.badge);
  const issuer = badge && model.issuers.get(badge.issuer);
  if (!badge || !issuer)
    throw new InsigneError('ERR_MODEL_UNLINKED', `Award ${award.id} is not linked to a badge and issuer.`);
  return { badge, issuer };
}

/**
 * An award's baked images (DIGEST §2): one PNG and one SVG, each carrying both versions, the OB 2.0
 * hosted Assertion (verifiers re-fetch its id, so a later revocation shows) and the OB 3.0 credential
 * with its Data Integrity proof.
 */
export function toBakedImages(
  bakers: { png: ReturnType<typeof createPngBaker>; svg: ReturnType<typeof createSvgBaker> },
  files: AwardFiles,
): { png: Uint8Array; svg: string } {
  const credential = files.credential.trimEnd();
  return {
    png: bakers.png([
      { keyword: 'openbadges', text: files.bakedAssertion },
      { keyword: 'openbadgecredential', text: credential },
    ]),
    svg: bakers.svg({
      assertion: { json: files.bakedAssertion, hostedUrl: files.assertionUrl },
      credential: { json: credential },
    }),
  };
}

/** Awards built at the same time (bounded, so a large site never sits in memory at once). */
const AWARDS_AT_ONCE = 16;

/** Receives each file as it is built, so a large site never has to sit in memory at once. */
export type WriteFile = (path: string, body: FileBody) => void | Promise<void>;

/**
 * Builds every data file of the site (and the baked images when artworks are given), handing each to
 * `write` as soon as it is ready. Returns the number of files.
 */
export async function emitSiteFiles(input: SiteFilesInput, write: WriteFile): Promise<number> {
  const { model, urls } = input;
  let count = 0;
  const put = async (path: string, body: FileBody) => {
    count++;
    await write(path, body);
  };
  const issuers = [...model.issuers.values()];
  for (const issuer of issuers) {
    for (const [path, body] of await toIssuerFiles(input, issuer)) await put(path, body);
  }
  if (urls.atDomainRoot) await put(sitePaths.jwks(), toJsonFile(toJwks(issuers, urls)));
  // Each endorsement at its id, exactly as its endorser signed it.
  for (const endorsement of model.endorsements ?? [])
    await put(endorsement.path, toJsonFile(endorsement.document));
  for (const badge of model.badges.values()) {
    const issuer = model.issuers.get(badge.issuer);
    if (!issuer) continue;
    for (const [path, body] of toBadgeFiles(input, badge, issuer)) await put(path, body);
  }
  const bakers = new Map(
    [...(input.artworks ?? [])].map(([slug, art]) => [
      slug,
      { png: createPngBaker(art.png), svg: createSvgBaker(art.svg) },
    ]),
  );
  const awards = [...model.awards.values()].filter((award) => inShard(award.id, input.shard));
  for (let start = 0; start < awards.length; start += AWARDS_AT_ONCE) {
    // WebCrypto signs and verifies on other threads: a few awards in flight keep them busy while this
    // thread canonicalizes, and hide each call's latency. Files are still written in award order.
    const chunk = awards.slice(start, start + AWARDS_AT_ONCE);
    const built = await Promise.all(
      chunk.map((award) => {
        const { badge, issuer } = awardContext(model, award);
        return toAwardFiles(input, award, badge, issuer);
      }),
    );
    for (const [index, award] of chunk.entries()) await putAward(award, built[index] as AwardFiles);
  }
  return count;

  async function putAward(award: Award, out: AwardFiles): Promise<void> {
    const { badge } = awardContext(model, award);
    const baker = bakers.get(badge.slug);
    if (baker) {
      const baked = (input.stopwatch ?? NO_STOPWATCH).time('baking', () => toBakedImages(baker, out));
      await put(sitePaths.bakedImage(award.id, 'png'), baked.png);
      await put(sitePaths.bakedImage(award.id, 'svg'), baked.svg);
    }
    await put(sitePaths.assertion(award.id), out.assertion);
    await put(sitePaths.assertionJws(award.id), out.assertionJws);
    await put(sitePaths.credential(award.id), out.credential);
    await put(sitePaths.credentialJwt(award.id), out.credentialJwt);
    await put(sitePaths.awardQr(award.id), await toQrSvg(urls.absolute(sitePaths.awardPage(award.id))));
  }
}

/** Every data file of the site in one map (small sites and tests). */
export async function toSiteFiles(input: SiteFilesInput): Promise<Map<string, FileBody>> {
  const files = new Map<string, FileBody>();
  await emitSiteFiles(input, (path, body) => {
    files.set(path, body);
  });
  return files;
}
