/**
 * Interface strings in French and English, and language-aware formatting. Pages take their language from
 * the content (badge, then issuer); nothing here reads the browser's settings.
 */
import type { Language } from './model/types.ts';
import { sitePaths } from './urls.ts';

const fr = {
  siteTagline: 'Badges numériques vérifiables',
  badges: 'Badges',
  issuer: 'Émetteur',
  issuedBy: 'Délivré par',
  awardedTo: 'Décerné à',
  issuedOn: 'Délivré le',
  expiresOn: 'Expire le',
  expiredOn: 'A expiré le',
  criteria: 'Critères d’obtention',
  evidence: 'Preuves',
  narrative: 'Appréciation',
  earners: 'Titulaires',
  noListedEarners: 'Aucun titulaire n’a choisi d’apparaître publiquement.',
  alignments: 'Compétences visées',
  endorsements: 'Recommandations',
  endorsementsIntro:
    'Des organismes extérieurs recommandent ce qui est présenté ici ; chacun a signé sa recommandation.',
  endorsementVerified: 'Signature vérifiée lors de la publication du site',
  endorsementDocument: 'recommandation signée (JSON)',
  endorsedOn: 'le',
  achievementType: 'Type',
  validity: 'Validité',
  noExpiry: 'Sans limite de durée',
  statusValid: 'Valide',
  statusExpired: 'Expiré',
  statusRevoked: 'Révoqué',
  revokedOn: 'Révoqué le',
  reason: 'Motif',
  awards: 'attributions',
  award: 'attribution',
  countValid: 'valide',
  countValids: 'valides',
  countExpired: 'expirée',
  countExpireds: 'expirées',
  countRevoked: 'révoquée',
  countRevokeds: 'révoquées',
  noAwards: 'Aucune attribution',
  home: 'Accueil',
  verify: 'Vérifier un badge',
  notFoundTitle: 'Page introuvable',
  notFoundText: 'Cette page n’existe pas ou a été déplacée.',
  backHome: 'Retour à l’accueil',
  skipToContent: 'Aller au contenu',
  website: 'Site web',
  contact: 'Contact',
  downloads: 'Télécharger',
  downloadPng: 'Image du badge (PNG, avec le certificat intégré)',
  downloadSvg: 'Image du badge (SVG, avec le certificat intégré)',
  downloadCredential: 'Certificat Open Badges 3.0 (JSON, pour un portefeuille numérique)',
  downloadJwt: 'Certificat Open Badges 3.0 (JWT)',
  downloadAssertion: 'Assertion Open Badges 2.0 (JSON)',
  addToLinkedIn: 'Ajouter à mon profil LinkedIn',
  linkedInFields: 'Si LinkedIn ne préremplit pas le formulaire, copiez ces champs :',
  fieldName: 'Nom',
  fieldOrganization: 'Organisme émetteur',
  fieldIssueDate: 'Date d’émission',
  fieldExpiration: 'Date d’expiration',
  fieldCredentialId: 'ID de la certification',
  fieldCredentialUrl: 'URL de la certification',
  share: 'Partager',
  shareOnLinkedIn: 'Partager sur LinkedIn',
  copyLink: 'Copier le lien',
  linkCopied: 'Lien copié',
  qrCode: 'Code QR de cette page',
  verifyThis: 'Vérifier ce badge',
  previewBanner: 'Aperçu : ce site est signé avec des clés jetables, ses badges ne sont pas authentiques.',
  statusValidText: 'Ce badge est valide.',
  statusExpiredText: 'Ce badge a expiré.',
  statusRevokedText: 'Ce badge a été révoqué par l’émetteur.',
  badgeArtwork: 'Badge',
  earnersCount: 'Badges décernés',
  issuerBadges: 'Badges délivrés par cet émetteur',
  aboutIssuer: 'L’émetteur',
  requiredBadges: 'Badges requis',
  requiresAll: 'Ce badge est décerné aux titulaires de tous ces badges\u00a0:',
  requiresAtLeast: 'Ce badge est décerné aux titulaires d’au moins {count} de ces badges\u00a0:',
  leadsTo: 'Ce badge mène à',
  leadsToText: 'Il compte parmi les badges requis pour\u00a0:',
  framework: 'Référentiel',
  tags: 'Mots-clés',
  printVerifyAt: 'Vérifiable en ligne',
  printCertificate: 'Certificat de réussite',
  otherLanguageName: 'English',
  otherLanguageLink: 'Read this page in English',
  printScanToVerify: 'Scannez pour vérifier ce badge',
  years: 'ans',
  year: 'an',
  months: 'mois',
  month: 'mois',
  weeks: 'semaines',
  week: 'semaine',
  days: 'jours',
  day: 'jour',
} as const;

export type MessageKey = keyof typeof fr;

/** Every interface string's key, for tests that look for a language's strings on a page. */
export const MESSAGE_KEYS = Object.keys(fr) as readonly MessageKey[];

const en: Record<MessageKey, string> = {
  siteTagline: 'Verifiable digital badges',
  badges: 'Badges',
  issuer: 'Issuer',
  issuedBy: 'Issued by',
  awardedTo: 'Awarded to',
  issuedOn: 'Issued on',
  expiresOn: 'Expires on',
  expiredOn: 'Expired on',
  criteria: 'Criteria',
  evidence: 'Evidence',
  narrative: 'Narrative',
  earners: 'Earners',
  noListedEarners: 'No earner has chosen to be listed publicly.',
  alignments: 'Aligned skills',
  endorsements: 'Endorsements',
  endorsementsIntro: 'Outside organisations endorse what is shown here; each one signed its endorsement.',
  endorsementVerified: 'Signature verified when the site was built',
  endorsementDocument: 'signed endorsement (JSON)',
  endorsedOn: 'on',
  achievementType: 'Type',
  validity: 'Validity',
  noExpiry: 'Does not expire',
  statusValid: 'Valid',
  statusExpired: 'Expired',
  statusRevoked: 'Revoked',
  revokedOn: 'Revoked on',
  reason: 'Reason',
  awards: 'awards',
  countValid: 'valid',
  countValids: 'valid',
  countExpired: 'expired',
  countExpireds: 'expired',
  countRevoked: 'revoked',
  countRevokeds: 'revoked',
  noAwards: 'No awards yet',
  award: 'award',
  home: 'Home',
  verify: 'Verify a badge',
  notFoundTitle: 'Page not found',
  notFoundText: 'This page does not exist or has moved.',
  backHome: 'Back to the home page',
  skipToContent: 'Skip to content',
  website: 'Website',
  contact: 'Contact',
  downloads: 'Download',
  downloadPng: 'Badge image (PNG, with the credential inside)',
  downloadSvg: 'Badge image (SVG, with the credential inside)',
  downloadCredential: 'Open Badges 3.0 credential (JSON, for a digital wallet)',
  downloadJwt: 'Open Badges 3.0 credential (JWT)',
  downloadAssertion: 'Open Badges 2.0 assertion (JSON)',
  addToLinkedIn: 'Add to my LinkedIn profile',
  linkedInFields: 'If LinkedIn does not prefill the form, copy these fields:',
  fieldName: 'Name',
  fieldOrganization: 'Issuing organization',
  fieldIssueDate: 'Issue date',
  fieldExpiration: 'Expiration date',
  fieldCredentialId: 'Credential ID',
  fieldCredentialUrl: 'Credential URL',
  share: 'Share',
  shareOnLinkedIn: 'Share on LinkedIn',
  copyLink: 'Copy link',
  linkCopied: 'Link copied',
  qrCode: 'QR code of this page',
  verifyThis: 'Verify this badge',
  previewBanner: 'Preview: this site is signed with throwaway keys; its badges are not genuine.',
  statusValidText: 'This badge is valid.',
  statusExpiredText: 'This badge has expired.',
  statusRevokedText: 'This badge was revoked by its issuer.',
  badgeArtwork: 'Badge',
  earnersCount: 'Badges awarded',
  issuerBadges: 'Badges from this issuer',
  aboutIssuer: 'The issuer',
  requiredBadges: 'Required badges',
  requiresAll: 'This badge is awarded to holders of all these badges:',
  requiresAtLeast: 'This badge is awarded to holders of at least {count} of these badges:',
  leadsTo: 'This badge leads to',
  leadsToText: 'It is one of the badges required for:',
  framework: 'Framework',
  tags: 'Tags',
  printVerifyAt: 'Verify online',
  printCertificate: 'Certificate of achievement',
  otherLanguageName: 'Français',
  otherLanguageLink: 'Lire cette page en français',
  printScanToVerify: 'Scan to verify this badge',
  years: 'years',
  year: 'year',
  months: 'months',
  month: 'month',
  weeks: 'weeks',
  week: 'week',
  days: 'days',
  day: 'day',
};

const messages: Record<Language, Record<MessageKey, string>> = { fr, en };

/** The other interface language: every page exists in both. */
export function otherLanguage(language: Language): Language {
  return language === 'fr' ? 'en' : 'fr';
}

/** A page in interface language `ui`: at its own path in its content's language, under `<ui>/` otherwise. */
export function pageIn(page: string, contentLanguage: Language, ui: Language): string {
  return contentLanguage === ui ? page : sitePaths.inLanguage(page, ui);
}

/** Both versions of a page, its content's language first: what hreflang and the language switch link. */
export function pageVersions(
  page: string,
  contentLanguage: Language,
): { language: Language; path: string }[] {
  return (['fr', 'en'] as const)
    .map((language) => ({ language, path: pageIn(page, contentLanguage, language) }))
    .sort((a, b) => Number(b.language === contentLanguage) - Number(a.language === contentLanguage));
}

/** The translator for one language. */
export function translator(language: Language) {
  return (key: MessageKey) => messages[language][key];
}

/**
 * A label followed by a colon, as each language writes it: French puts a no-break space before the
 * colon ("Motif\u00a0:"), English does not ("Reason:").
 */
export function withColon(label: string, language: Language): string {
  return language === 'fr' ? `${label}\u00a0:` : `${label}:`;
}

// Formatters are costly to create (≈1 ms): one per language and style, reused by every page.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(language: Language, style: 'day' | 'month'): Intl.DateTimeFormat {
  const key = `${language}:${style}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', {
      ...(style === 'day' ? { day: 'numeric' } : {}),
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    formatters.set(key, format);
  }
  return format;
}

/** A day (YYYY-MM-DD) written out for readers: "20 mars 2026" / "20 March 2026". */
export function formatDay(day: string, language: Language): string {
  return formatter(language, 'day').format(new Date(`${day}T00:00:00Z`));
}

/** A month and year ("mars 2026" / "March 2026"), for LinkedIn's copyable fields. */
export function formatMonth(day: string, language: Language): string {
  return formatter(language, 'month').format(new Date(`${day}T00:00:00Z`));
}

const plurals = new Map<Language, Intl.PluralRules>();

/**
 * A number with its noun in the right grammatical number: "1 an", "0 attribution", "2 years". French
 * takes the singular for 0 and 1, English for 1 only (CLDR plural rules).
 */
export function formatCount(count: number, one: MessageKey, many: MessageKey, language: Language): string {
  let rules = plurals.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(language);
    plurals.set(language, rules);
  }
  const t = translator(language);
  return `${count} ${rules.select(count) === 'one' ? t(one) : t(many)}`;
}

/** How many awards are valid, expired and revoked, as a reader wants it: "3 valides · 1 révoquée". */
export function formatAwardCounts(
  counts: { readonly valid: number; readonly expired: number; readonly revoked: number },
  language: Language,
): string {
  if (counts.valid + counts.expired + counts.revoked === 0) return translator(language)('noAwards');
  const parts = [formatCount(counts.valid, 'countValid', 'countValids', language)];
  if (counts.expired > 0) parts.push(formatCount(counts.expired, 'countExpired', 'countExpireds', language));
  if (counts.revoked > 0) parts.push(formatCount(counts.revoked, 'countRevoked', 'countRevokeds', language));
  return parts.join(' · ');
}

/** The sentence that introduces a milestone's required badges: all of them, or at least some. */
export function requirementSentence(
  requirement: { readonly atLeast: number; readonly badges: readonly unknown[] },
  language: Language,
): string {
  const t = translator(language);
  return requirement.atLeast >= requirement.badges.length
    ? t('requiresAll')
    : t('requiresAtLeast').replace('{count}', String(requirement.atLeast));
}

/** An ISO 8601 duration of the badge validity in words ("2 ans", "1 year 6 months"). */
export function formatDuration(duration: string, language: Language): string {
  const match = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(duration);
  if (!match) return duration;
  const parts: string[] = [];
  const [, y, m, w, d] = match;
  const count = (n: string, one: MessageKey, many: MessageKey) =>
    parts.push(formatCount(Number(n), one, many, language));
  if (y) count(y, 'year', 'years');
  if (m) count(m, 'month', 'months');
  if (w) count(w, 'week', 'weeks');
  if (d) count(d, 'day', 'days');
  return parts.join(' ');
}

const ACHIEVEMENT_LABELS: Record<Language, Record<string, string>> = {
  fr: {
    Achievement: 'Réussite',
    Award: 'Distinction',
    Badge: 'Badge',
    Certificate: 'Certificat',
    CertificateOfCompletion: 'Attestation de réussite',
    Certification: 'Certification',
    CoCurricular: 'Activité périscolaire',
    CommunityService: 'Engagement citoyen',
    Competency: 'Compétence',
    Course: 'Formation',
    Diploma: 'Diplôme',
    LearningProgram: 'Parcours de formation',
    License: 'Licence',
    Membership: 'Adhésion',
    MicroCredential: 'Micro-certification',
  },
  en: {
    CertificateOfCompletion: 'Certificate of completion',
    CoCurricular: 'Co-curricular activity',
    CommunityService: 'Community service',
    LearningProgram: 'Learning program',
    MicroCredential: 'Micro-credential',
  },
};

/** A reader's label for an OB 3.0 achievement type (the type itself when no label is known). */
export function achievementTypeLabel(type: string, language: Language): string {
  return ACHIEVEMENT_LABELS[language][type] ?? type.replace(/^ext:/, '');
}
