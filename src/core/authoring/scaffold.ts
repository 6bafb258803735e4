/**
 * The text of a new issuer or badge file as `badges new` writes it: every field the administrator may
 * want, each with a comment in the file's language saying what it is for, and every value quoted by the
 * YAML library whenever it needs it (a French title such as `Sécurité routière : niveau 1` is not valid
 * as a bare YAML value). Pure: the shell checks the inputs against the content and writes the file.
 */
import { stringify } from 'yaml';

export type ScaffoldLanguage = 'fr' | 'en';

export interface IssuerScaffold {
  readonly name: string;
  readonly url: string;
  readonly email: string;
  readonly description?: string;
  readonly language: ScaffoldLanguage;
}

export interface BadgeScaffold {
  readonly name: string;
  readonly issuer: string;
  readonly description?: string;
  readonly language: ScaffoldLanguage;
  readonly shape: string;
  readonly palette: string;
  readonly icon?: string;
  readonly level?: string;
  readonly achievementType: string;
  readonly validity?: string;
  readonly tags: readonly string[];
}

/** `key: value` with the value as the YAML library writes it: quoted only when it must be. */
function field(key: string, value: unknown): string {
  const text = stringify(value, { lineWidth: 100, minContentWidth: 40 }).trimEnd();
  return text.includes('\n') && !text.startsWith('>') && !text.startsWith('|')
    ? `${key}:\n${text
        .split('\n')
        .map((line) => `  ${line}`)
        .join('\n')}`
    : `${key}: ${text}`;
}

const ISSUER_TEXT = {
  fr: {
    head: "# L'organisation qui délivre les badges. Le nom du fichier est son identifiant (slug) : ne le\n# changez plus une fois des badges publiés. Guide des champs : docs/badges.md.",
    name: "# Nom officiel de l'organisation, tel qu'il apparaît sur les badges et les pages.",
    url: '# Son site web (Open Badges 2.0 en exige un).',
    email: '# Adresse de contact publique (jamais celle d’un élève ou d’un membre).',
    description: '# Une ou deux phrases sur l’organisation.',
    descriptionDefault: (name: string) => `Badges numériques délivrés par ${name}.`,
    logo: '# Logo (PNG ou SVG placé à côté de ce fichier) : décommentez la ligne quand le fichier existe.',
    linkedin: '# Identifiant numérique de la page LinkedIn de l’organisation, entre guillemets (facultatif).',
    language: '# Langue des textes et des pages : fr ou en.',
    index: '# Laisser les moteurs de recherche indexer les pages des lauréats (non par défaut).',
    keys: '# Clés publiques de signature : `npm run badges -- keygen <slug>` les ajoute. Ne jamais en retirer.',
  },
  en: {
    head: '# The organisation that issues badges. The file name is its identifier (slug): do not change it\n# once badges are published. Field guide: docs/badges.md.',
    name: '# Official name of the organisation, as shown on badges and pages.',
    url: '# Its website (Open Badges 2.0 requires one).',
    email: "# Public contact address (never a learner's or a member's).",
    description: '# One or two sentences about the organisation.',
    descriptionDefault: (name: string) => `Digital badges issued by ${name}.`,
    logo: '# Logo (PNG or SVG next to this file): uncomment the line once the file exists.',
    linkedin: "# Numeric id of the organisation's LinkedIn page, in quotes (optional).",
    language: '# Language of the texts and pages: fr or en.',
    index: '# Let search engines index earners’ award pages (off by default).',
    keys: '# Public signing keys: `npm run badges -- keygen <slug>` adds them. Never remove one.',
  },
} as const;

/** The YAML of a new issuer file. */
export function issuerFileText(input: IssuerScaffold): string {
  const t = ISSUER_TEXT[input.language];
  return [
    t.head,
    '',
    t.name,
    field('name', input.name),
    t.url,
    field('url', input.url),
    t.email,
    field('email', input.email),
    t.description,
    field('description', input.description ?? t.descriptionDefault(input.name)),
    t.logo,
    '# logo: logo.svg',
    t.linkedin,
    '# linkedinOrganizationId: "12345678"',
    t.language,
    field('language', input.language),
    t.index,
    field('indexAwardPages', false),
    t.keys,
    'keys: []',
    '',
  ].join('\n');
}

const BADGE_TEXT = {
  fr: {
    name: '# Nom du badge, sur l’image et les pages (120 caractères au plus).',
    issuer: '# L’organisation qui délivre ce badge : le nom de son fichier dans content/issuers/.',
    description: '# Ce que ce badge reconnaît, en un paragraphe.',
    descriptionDefault: (name: string) => `Ce badge reconnaît : ${name}.`,
    tags: '# Mots-clés (facultatif).',
    achievementType:
      '# Type Open Badges 3.0 : Badge, Competency, Course, Certification, CommunityService, Award…',
    validity:
      '# Durée de validité ISO 8601 (P2Y : deux ans, P6M : six mois). Sans cette ligne : sans limite.',
    artwork:
      '# Dessin du badge : forme (circle, shield, hexagon, rosette, rounded-square), palette, icône\n# (`npm run badges -- icons <mot>` en cherche une), niveau. Pour votre propre image : docs/badges.md.',
    language: '# Langue de ce badge : fr ou en.',
    criteria: (name: string) =>
      [
        `Pour obtenir le badge « ${name} », il faut :`,
        '',
        '- décrire ici la première chose à réaliser ;',
        '- puis la suivante.',
        '',
        'Ce texte (les critères) est publié sur la page du badge et dans chaque badge délivré.',
      ].join('\n'),
  },
  en: {
    name: '# Badge name, on the artwork and the pages (at most 120 characters).',
    issuer: '# The organisation issuing this badge: its file name in content/issuers/.',
    description: '# What this badge recognises, in one paragraph.',
    descriptionDefault: (name: string) => `This badge recognises: ${name}.`,
    tags: '# Keywords (optional).',
    achievementType:
      '# Open Badges 3.0 type: Badge, Competency, Course, Certification, CommunityService, Award…',
    validity: '# ISO 8601 validity period (P2Y: two years, P6M: six months). Without this line: no expiry.',
    artwork:
      '# Artwork design: shape (circle, shield, hexagon, rosette, rounded-square), palette, icon\n# (`npm run badges -- icons <word>` finds one), level. For your own image: docs/badges.md.',
    language: '# Language of this badge: fr or en.',
    criteria: (name: string) =>
      [
        `To earn the "${name}" badge, the earner:`,
        '',
        '- describe here the first thing to do;',
        '- then the next one.',
        '',
        'This text (the criteria) is published on the badge page and in every award.',
      ].join('\n'),
  },
} as const;

/** The Markdown file (front matter and criteria) of a new badge. */
export function badgeFileText(input: BadgeScaffold): string {
  const t = BADGE_TEXT[input.language];
  const artwork: Record<string, unknown> = { shape: input.shape, palette: input.palette };
  if (input.icon) artwork.icon = input.icon;
  if (input.level) artwork.level = input.level;
  const artworkYaml = stringify(artwork, { lineWidth: 100 })
    .trimEnd()
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
  return [
    '---',
    t.name,
    field('name', input.name),
    t.issuer,
    field('issuer', input.issuer),
    t.description,
    field('description', input.description ?? t.descriptionDefault(input.name)),
    t.tags,
    field('tags', [...input.tags]),
    t.achievementType,
    field('achievementType', input.achievementType),
    t.validity,
    input.validity ? field('validity', input.validity) : '# validity: P2Y',
    t.artwork,
    `artwork:\n${artworkYaml}`,
    t.language,
    field('language', input.language),
    '---',
    t.criteria(input.name),
    '',
  ].join('\n');
}
