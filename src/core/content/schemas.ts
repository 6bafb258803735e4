/**
 * Zod schemas of what administrators write in `content/` (DESIGN.md §3). One schema per collection, each
 * field with a doc line (shown as editor help and in `npm run badges -- check` hints). Objects are strict:
 * an unknown field is a mistake (usually a typo), not something to ignore silently.
 * Exports both what authors write (`*Input`) and what code gets (`*Data`).
 */
import { z } from 'zod';
import { BADGE_SHAPES } from '../model/types.ts';

/** YYYY-MM-DD, a real calendar day. YAML turns unquoted dates into Date objects; both are accepted. */
export const day = z
  .union([z.iso.date(), z.date().transform((d) => d.toISOString().slice(0, 10))])
  .describe('A calendar day, written YYYY-MM-DD (for example 2026-06-30).');

const httpsUrl = z
  .url({ protocol: /^https?$/, hostname: z.regexes.domain })
  .describe('An absolute http(s) URL.');

/** Relative file name next to the content file: no folder climbing, no absolute path. */
const relativeFile = z.string().regex(/^(?!\/)(?!.*(^|\/)\.\.(\/|$))[\w./ -]+\.(png|svg)$/i, {
  message: 'must be a PNG or SVG file next to the content file (no "..", no absolute path)',
});

export const LANGUAGES = ['fr', 'en'] as const;
const language = z.enum(LANGUAGES).describe('Language of the content and of the page UI: fr or en.');

/** DIGEST §3.4, the OB 3.0 achievementType vocabulary (plus `ext:` extensions). */
export const ACHIEVEMENT_TYPES = [
  'Achievement',
  'ApprenticeshipCertificate',
  'Assessment',
  'Assignment',
  'AssociateDegree',
  'Award',
  'Badge',
  'BachelorDegree',
  'Certificate',
  'CertificateOfCompletion',
  'Certification',
  'CommunityService',
  'Competency',
  'Course',
  'CoCurricular',
  'Degree',
  'Diploma',
  'DoctoralDegree',
  'Fieldwork',
  'GeneralEducationDevelopment',
  'JourneymanCertificate',
  'LearningProgram',
  'License',
  'Membership',
  'ProfessionalDoctorate',
  'QualityAssuranceCredential',
  'MasterCertificate',
  'MasterDegree',
  'MicroCredential',
  'ResearchDoctorate',
  'SecondarySchoolDiploma',
] as const;

const base64url = z.string().regex(/^[A-Za-z0-9_-]+$/, { message: 'must be base64url text' });

/** A committed public key. Only public members are allowed: a `d` member is refused by strictness. */
export const publicKeySchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: 'must be lower-case letters, digits and dashes' })
    .describe('Key id, unique within the issuer (for example ed25519-2026-11). Written by `keygen`.'),
  algorithm: z
    .enum(['Ed25519', 'RS256'])
    .describe('Ed25519 for Data Integrity proofs, RS256 for VC-JWT and OB 2.0 signed badges.'),
  created: day.describe('Day the key was generated.'),
  retired: day.optional().describe('Day the key stopped signing new awards. Retired keys stay published.'),
  compromised: day
    .optional()
    .describe('Day the private key leaked: the key is unpublished and what it signed stops verifying.'),
  publicKeyJwk: z
    .strictObject({
      kty: z.enum(['OKP', 'RSA']).describe('Key type.'),
      crv: z.literal('Ed25519').optional().describe('Curve (Ed25519 keys only).'),
      x: base64url.optional().describe('Ed25519 public key bytes.'),
      n: base64url.optional().describe('RSA modulus.'),
      e: base64url.optional().describe('RSA public exponent.'),
    })
    .describe('The public key as a JWK. Never a private member such as "d".'),
});

/** Who signs the printed certificate of an award: a name, a role, an image of the signature. */
const signatorySchema = z
  .strictObject({
    name: z.string().trim().min(1).max(120).describe('Name of the person who signs the certificates.'),
    title: z
      .string()
      .trim()
      .min(1)
      .max(120)
      .optional()
      .describe('Their role, printed under the name (for example "Proviseure").'),
    signature: relativeFile
      .optional()
      .describe('Image of the handwritten signature (PNG or SVG next to this file), printed above the name.'),
  })
  .describe("Who signs the printed certificates (a badge's signatory replaces its issuer's).");

export const issuerSchema = z.strictObject({
  name: z.string().trim().min(1).max(200).describe('Official name of the issuing organisation.'),
  url: httpsUrl.describe("The organisation's own website (OB 2.0 requires it)."),
  email: z.email().describe('Public contact address of the issuer (never a learner address).'),
  description: z.string().trim().min(1).max(2000).describe('One or two sentences about the issuer.'),
  logo: relativeFile.optional().describe('Logo file (PNG or SVG) next to this file.'),
  signatory: signatorySchema.optional(),
  linkedinOrganizationId: z
    .string()
    .regex(/^\d{1,20}$/, { message: 'must be the numeric id from the LinkedIn company page URL' })
    .optional()
    .describe('LinkedIn organization id, so "Add to LinkedIn" links to the company page.'),
  language: language.default('fr'),
  indexAwardPages: z
    .boolean()
    .default(false)
    .describe('Let search engines index award pages (off: award pages carry noindex).'),
  keys: z
    .array(publicKeySchema)
    .default([])
    .describe(
      'Public signing keys, newest last. Add with `npm run badges -- keygen <issuer>`; never remove.',
    ),
});

const alignmentSchema = z.strictObject({
  targetName: z.string().trim().min(1).max(300).describe('Name of the skill or competency aligned to.'),
  targetUrl: httpsUrl.describe('Where the skill is defined in its framework.'),
  framework: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe('Framework name (for example CRCN, ESCO).'),
  code: z.string().trim().min(1).max(100).optional().describe('Code of the skill in its framework.'),
  description: z.string().trim().min(1).max(1000).optional().describe('Short description of the skill.'),
});

export const artworkSchema = z.strictObject({
  shape: z
    .enum(BADGE_SHAPES)
    .default('circle')
    .describe(`Badge outline: ${BADGE_SHAPES.join(', ')}.`),
  palette: z
    .string()
    .regex(/^[a-z][a-z-]*$/)
    .default('ocean')
    .describe('Colour palette name; text colours are picked for contrast automatically.'),
  icon: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'must be an icon name such as "flask-conical"' })
    .optional()
    .describe('Icon name from the bundled icon set.'),
  level: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .optional()
    .describe('Level shown on the badge (for example "Niveau 2").'),
  year: z.number().int().min(1900).max(2200).optional().describe('Year shown on the badge.'),
  showIssuer: z.boolean().default(true).describe("Show the issuer's name on the badge."),
});

/** Longest criteria text (the Markdown body of a badge file), in characters: a few pages. */
export const CRITERIA_MAX_LENGTH = 20_000;

/** Most badges a milestone may require: a pathway, not a catalogue. */
export const MILESTONE_MAX_PARTS = 50;

/** A milestone's criteria: other badges of the site, all of them or at least some. */
const requiresSchema = z
  .strictObject({
    badges: z
      .array(
        z
          .string()
          .regex(/^[a-z0-9-]+$/, { message: 'must be the slug of a badge (its file name without .md)' }),
      )
      .min(1)
      .max(MILESTONE_MAX_PARTS)
      .describe('Slugs of the required badges: the file names of content/badges/<slug>.md.'),
    atLeast: z
      .number()
      .int()
      .min(1)
      .max(MILESTONE_MAX_PARTS)
      .optional()
      .describe('How many of them an earner must hold; none: all of them.'),
  })
  .describe(
    'Makes this badge a milestone: it is awarded to people who hold the listed badges (`badges award --csv` checks each roster row).',
  );

export const badgeSchema = z.strictObject({
  name: z.string().trim().min(1).max(120).describe('Badge name, as shown on the artwork and pages.'),
  issuer: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .describe('Slug of the issuer: the file name of content/issuers/<slug>.yaml.'),
  description: z.string().trim().min(1).max(2000).describe('What this badge recognises, in one paragraph.'),
  tags: z.array(z.string().trim().min(1).max(60)).max(30).default([]).describe('Keywords.'),
  alignments: z.array(alignmentSchema).max(50).default([]).describe('Skills-framework alignments.'),
  achievementType: z
    .string()
    .regex(/^(ext:)?[A-Za-z0-9._-]+$/, { message: 'must be a single word such as Competency' })
    .default('Badge')
    .describe('OB 3.0 achievement type, e.g. Competency, Course, Certification, CommunityService, Award.'),
  validity: z
    .string()
    .regex(/^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?$/, {
      message: 'must be an ISO 8601 duration in years, months, weeks or days, such as P2Y or P6M',
    })
    .optional()
    .describe('How long an award stays valid (ISO 8601 duration such as P3Y); none: it never expires.'),
  artwork: artworkSchema.default({ shape: 'circle', palette: 'ocean', showIssuer: true }),
  image: relativeFile.optional().describe('Custom artwork file next to the badge file; replaces the design.'),
  imageAlt: z.string().trim().min(1).max(300).optional().describe('Text alternative for the artwork.'),
  signatory: signatorySchema.optional(),
  requires: requiresSchema.optional(),
  language: language.optional(),
  edition: z
    .strictObject({
      language: language.describe('The language of this edition: the other one than the badge’s own.'),
      name: z.string().trim().min(1).max(120).describe('The badge name in that language.'),
      description: z
        .string()
        .trim()
        .min(1)
        .max(2000)
        .describe('What the badge recognises, in that language.'),
      criteria: z
        .string()
        .trim()
        .min(1)
        .max(CRITERIA_MAX_LENGTH)
        .describe('The criteria in that language, in Markdown (the same rules as the badge’s own).'),
    })
    .optional()
    .describe(
      "The badge's texts in the other language: shown on its pages in that language, and published as a related OB 3.0 Achievement.",
    ),
});

export const evidenceSchema = z
  .strictObject({
    url: httpsUrl.optional().describe('Link to the work (a page, a video, a repository).'),
    name: z.string().trim().min(1).max(200).optional().describe('Title of the evidence.'),
    narrative: z.string().trim().min(1).max(5000).optional().describe('What the evidence shows.'),
  })
  .refine((e) => e.url !== undefined || e.narrative !== undefined, {
    message: 'needs at least a url or a narrative',
  });

export const IDENTITY_HASH = /^sha256\$[0-9a-f]{64}$/;

export const awardSchema = z.strictObject({
  badge: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .describe('Slug of the badge: the file name of content/badges/<slug>.md.'),
  recipient: z.strictObject({
    name: z.string().trim().min(1).max(200).describe("Earner's display name, as it appears on the award."),
    identity: z
      .string()
      .regex(IDENTITY_HASH, { message: 'must be sha256$ followed by 64 lower-case hex digits' })
      .describe('Hashed email: sha256$ + hex(sha256(email + salt)). Written by `badges award`.'),
    salt: z
      .string()
      .regex(/^[A-Za-z0-9_-]{8,64}$/, { message: 'must be 8 to 64 letters, digits, "-" or "_"' })
      .describe('Random salt of this award, used for the hash.'),
  }),
  issuedOn: day.describe('Day the badge was awarded.'),
  expires: day.optional().describe('Day the award expires (overrides the badge validity).'),
  evidence: z.array(evidenceSchema).max(20).default([]).describe('Links or narratives showing the work.'),
  narrative: z.string().trim().min(1).max(5000).optional().describe('Why this person earned the badge.'),
  revoked: z
    .strictObject({
      date: day.describe('Day of revocation.'),
      reason: z.string().trim().min(1).max(500).describe('Reason shown to verifiers.'),
    })
    .optional()
    .describe('Set by `badges revoke`: the award is withdrawn.'),
  listed: z.boolean().default(false).describe('The earner agreed to appear on the public badge page.'),
  statusIndex: z
    .number()
    .int()
    .min(0)
    .max(131071)
    .describe(
      'Position in the issuer status list; unique per issuer, never reused. Written by `badges award`.',
    ),
});

export type IssuerInput = z.input<typeof issuerSchema>;
export type IssuerData = z.output<typeof issuerSchema>;
export type BadgeInput = z.input<typeof badgeSchema>;
export type BadgeData = z.output<typeof badgeSchema>;
export type AwardInput = z.input<typeof awardSchema>;
export type AwardData = z.output<typeof awardSchema>;
