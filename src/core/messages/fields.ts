/**
 * The content schemas' own English (field doc lines, and the refusals written into the schemas) with its
 * French. The English stays in schemas.ts, next to the field it describes, where editors and the design
 * guide read it; this table is keyed by that exact text, as a gettext catalogue is, so a changed doc line
 * without a French one fails tests/core/messages/catalogue.test.ts, which walks every schema.
 */
import type { Bilingual } from './catalogue.ts';

const french = {
  // Doc lines (hints of `check`).
  'Makes this badge a milestone: it is awarded to people who hold the listed badges (`badges award --csv` checks each roster row).':
    'Fait de ce badge un badge de parcours : il est attribué aux titulaires des badges listés (`badges award --csv` vérifie chaque ligne de la liste).',
  'Slugs of the required badges: the file names of content/badges/<slug>.md.':
    'Slugs des badges requis : les noms de fichier de content/badges/<slug>.md.',
  'How many of them an earner must hold; none: all of them.':
    'Combien d’entre eux il faut détenir ; sans valeur : tous.',
  'must be the slug of a badge (its file name without .md)':
    'doit être le slug d’un badge (son nom de fichier sans .md)',
  'Badge outline: circle, shield, hexagon, rosette, rounded-square.':
    'Forme du badge : circle, shield, hexagon, rosette, rounded-square.',
  'Colour palette name; text colours are picked for contrast automatically.':
    'Nom de la palette de couleurs ; les couleurs du texte sont choisies automatiquement pour le contraste.',
  'Icon name from the bundled icon set.': 'Nom d’une icône du jeu d’icônes fourni.',
  'Level shown on the badge (for example "Niveau 2").':
    'Niveau affiché sur le badge (par exemple "Niveau 2").',
  'Year shown on the badge.': 'Année affichée sur le badge.',
  "Show the issuer's name on the badge.": 'Afficher le nom de l’émetteur sur le badge.',
  'Slug of the badge: the file name of content/badges/<slug>.md.':
    'Slug du badge : le nom du fichier content/badges/<slug>.md.',
  "Earner's display name, as it appears on the award.":
    'Nom de la personne, tel qu’il apparaît sur l’attribution.',
  'Hashed email: sha256$ + hex(sha256(email + salt)). Written by `badges award`.':
    'Adresse hachée : sha256$ + hex(sha256(adresse + sel)). Écrite par `badges award`.',
  'Random salt of this award, used for the hash.':
    'Sel aléatoire de cette attribution, utilisé pour le hachage.',
  'Day the badge was awarded.': 'Jour où le badge a été attribué.',
  'Day the award expires (overrides the badge validity).':
    'Jour où l’attribution expire (remplace la durée de validité du badge).',
  'A calendar day, written YYYY-MM-DD (for example 2026-06-30).':
    'Un jour du calendrier, écrit AAAA-MM-JJ (par exemple 2026-06-30).',
  'Links or narratives showing the work.': 'Liens ou récits qui montrent le travail.',
  'Link to the work (a page, a video, a repository).':
    'Lien vers le travail (une page, une vidéo, un dépôt).',
  'An absolute http(s) URL.': 'Une URL http(s) absolue.',
  'Title of the evidence.': 'Titre de la preuve.',
  'What the evidence shows.': 'Ce que montre la preuve.',
  'Why this person earned the badge.': 'Pourquoi cette personne a obtenu le badge.',
  'Set by `badges revoke`: the award is withdrawn.': 'Écrit par `badges revoke` : l’attribution est retirée.',
  'Day of revocation.': 'Jour de la révocation.',
  'Reason shown to verifiers.': 'Motif montré aux vérificateurs.',
  'The earner agreed to appear on the public badge page.':
    'La personne a accepté de figurer sur la page publique du badge.',
  'Position in the issuer status list; unique per issuer, never reused. Written by `badges award`.':
    'Position dans la liste de statut de l’émetteur ; unique par émetteur, jamais réutilisée. Écrite par `badges award`.',
  'Badge name, as shown on the artwork and pages.':
    'Nom du badge, tel qu’il apparaît sur l’image et les pages.',
  'Slug of the issuer: the file name of content/issuers/<slug>.yaml.':
    'Slug de l’émetteur : le nom du fichier content/issuers/<slug>.yaml.',
  'What this badge recognises, in one paragraph.': 'Ce que ce badge reconnaît, en un paragraphe.',
  'Keywords.': 'Mots-clés.',
  'Skills-framework alignments.': 'Alignements sur des référentiels de compétences.',
  'Name of the skill or competency aligned to.': 'Nom de la compétence visée.',
  'Where the skill is defined in its framework.': 'Où la compétence est définie dans son référentiel.',
  'Framework name (for example CRCN, ESCO).': 'Nom du référentiel (par exemple CRCN, ESCO).',
  'Code of the skill in its framework.': 'Code de la compétence dans son référentiel.',
  'Short description of the skill.': 'Brève description de la compétence.',
  'OB 3.0 achievement type, e.g. Competency, Course, Certification, CommunityService, Award.':
    'Type de réussite OB 3.0, par exemple Competency, Course, Certification, CommunityService, Award.',
  'How long an award stays valid (ISO 8601 duration such as P3Y); none: it never expires.':
    'Durée de validité d’une attribution (durée ISO 8601 comme P3Y) ; sans elle, l’attribution n’expire jamais.',
  'Custom artwork file next to the badge file; replaces the design.':
    'Fichier d’image personnalisée à côté du fichier du badge ; remplace le dessin.',
  'Text alternative for the artwork.': 'Texte de remplacement de l’image.',
  "Who signs the printed certificates (a badge's signatory replaces its issuer's).":
    'Qui signe les certificats imprimés (le signataire d’un badge remplace celui de son émetteur).',
  'Name of the person who signs the certificates.': 'Nom de la personne qui signe les certificats.',
  'Their role, printed under the name (for example "Proviseure").':
    'Sa fonction, imprimée sous le nom (par exemple "Proviseure").',
  'Image of the handwritten signature (PNG or SVG next to this file), printed above the name.':
    'Image de la signature manuscrite (PNG ou SVG à côté de ce fichier), imprimée au-dessus du nom.',
  'Language of the content and of the page UI: fr or en.':
    'Langue du contenu et de l’interface des pages : fr ou en.',
  "The badge's texts in the other language: shown on its pages in that language, and published as a related OB 3.0 Achievement.":
    'Les textes du badge dans l’autre langue : montrés sur ses pages dans cette langue, et publiés comme Achievement OB 3.0 associé.',
  'The language of this edition: the other one than the badge’s own.':
    'La langue de cette édition : l’autre que celle du badge.',
  'The badge name in that language.': 'Le nom du badge dans cette langue.',
  'What the badge recognises, in that language.': 'Ce que le badge reconnaît, dans cette langue.',
  'The criteria in that language, in Markdown (the same rules as the badge’s own).':
    'Les critères dans cette langue, en Markdown (mêmes règles que ceux du badge).',
  'Official name of the issuing organisation.': 'Nom officiel de l’organisation émettrice.',
  "The organisation's own website (OB 2.0 requires it).": 'Le site web de l’organisation (OB 2.0 l’exige).',
  'Public contact address of the issuer (never a learner address).':
    'Adresse de contact publique de l’émetteur (jamais celle d’un apprenant).',
  'One or two sentences about the issuer.': 'Une ou deux phrases sur l’émetteur.',
  'Logo file (PNG or SVG) next to this file.': 'Fichier du logo (PNG ou SVG) à côté de ce fichier.',
  'LinkedIn organization id, so "Add to LinkedIn" links to the company page.':
    'Identifiant LinkedIn de l’organisation, pour que "Add to LinkedIn" mène à sa page entreprise.',
  'Let search engines index award pages (off: award pages carry noindex).':
    'Laisser les moteurs de recherche indexer les pages d’attribution (sinon elles portent noindex).',
  'Public signing keys, newest last. Add with `npm run badges -- keygen <issuer>`; never remove.':
    'Clés publiques de signature, la plus récente en dernier. Ajoutez-en avec `npm run badges -- keygen <issuer>` ; n’en retirez jamais.',
  'Key id, unique within the issuer (for example ed25519-2026-11). Written by `keygen`.':
    'Identifiant de la clé, unique pour l’émetteur (par exemple ed25519-2026-11). Écrit par `keygen`.',
  'Ed25519 for Data Integrity proofs, RS256 for VC-JWT and OB 2.0 signed badges.':
    'Ed25519 pour les preuves Data Integrity, RS256 pour les VC-JWT et les badges signés OB 2.0.',
  'Day the key was generated.': 'Jour où la clé a été créée.',
  'Day the key stopped signing new awards. Retired keys stay published.':
    'Jour où la clé a cessé de signer de nouvelles attributions. Les clés retirées restent publiées.',
  'Day the private key leaked: the key is unpublished and what it signed stops verifying.':
    'Jour où la clé privée a fuité : la clé est dépubliée et ce qu’elle a signé cesse d’être vérifiable.',
  'The public key as a JWK. Never a private member such as "d".':
    'La clé publique en JWK. Jamais de membre privé comme "d".',
  'Key type.': 'Type de clé.',
  'Curve (Ed25519 keys only).': 'Courbe (clés Ed25519 seulement).',
  'Ed25519 public key bytes.': 'Octets de la clé publique Ed25519.',
  'RSA modulus.': 'Module RSA.',
  'RSA public exponent.': 'Exposant public RSA.',

  // Refusals written into the schemas (shown as "Must be …; found …").
  'must be a PNG or SVG file next to the content file (no "..", no absolute path)':
    'doit être un fichier PNG ou SVG à côté du fichier de contenu (sans "..", sans chemin absolu)',
  'must be base64url text': 'doit être du texte base64url',
  'must be lower-case letters, digits and dashes':
    'ne doit contenir que des minuscules, des chiffres et des tirets',
  'must be the numeric id from the LinkedIn company page URL':
    'doit être l’identifiant numérique de l’URL de la page entreprise LinkedIn',
  'must be an icon name such as "flask-conical"': 'doit être un nom d’icône comme "flask-conical"',
  'must be a single word such as Competency': 'doit être un seul mot comme Competency',
  'must be an ISO 8601 duration in years, months, weeks or days, such as P2Y or P6M':
    'doit être une durée ISO 8601 en années, mois, semaines ou jours, comme P2Y ou P6M',
  'needs at least a url or a narrative': 'demande au moins une url ou un narrative',
  'must be sha256$ followed by 64 lower-case hex digits':
    'doit être sha256$ suivi de 64 chiffres hexadécimaux en minuscules',
  'must be 8 to 64 letters, digits, "-" or "_"': 'doit compter de 8 à 64 lettres, chiffres, "-" ou "_"',
} as const;

type French = typeof french;

/** The table as catalogue entries, each id being `schema:` and the English text. */
export const schemaMessages = Object.fromEntries(
  Object.entries(french).map(([en, fr]) => [`schema:${en}`, { en, fr }]),
) as {
  readonly [K in keyof French as `schema:${K}`]: { readonly en: K; readonly fr: French[K] };
} satisfies Record<string, Bilingual>;
