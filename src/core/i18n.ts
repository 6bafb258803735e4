/**
 * Interface strings in French and English, and language-aware formatting. Pages take their language from
 * the content (badge, then issuer); nothing here reads the browser's settings.
 */
import type { Language } from './model/types.ts';

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
  achievementType: 'Type',
  validity: 'Validité',
  noExpiry: 'Sans limite de durée',
  statusValid: 'Valide',
  statusExpired: 'Expiré',
  statusRevoked: 'Révoqué',
  revokedOn: 'Révoqué le',
  reason: 'Motif',
  awards: 'attributions',
  home: 'Accueil',
  verify: 'Vérifier un badge',
  notFoundTitle: 'Page introuvable',
  notFoundText: 'Cette page n’existe pas ou a été déplacée.',
  backHome: 'Retour à l’accueil',
  skipToContent: 'Aller au contenu',
  website: 'Site web',
  contact: 'Contact',
} as const;

export type MessageKey = keyof typeof fr;

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
  achievementType: 'Type',
  validity: 'Validity',
  noExpiry: 'Does not expire',
  statusValid: 'Valid',
  statusExpired: 'Expired',
  statusRevoked: 'Revoked',
  revokedOn: 'Revoked on',
  reason: 'Reason',
  awards: 'awards',
  home: 'Home',
  verify: 'Verify a badge',
  notFoundTitle: 'Page not found',
  notFoundText: 'This page does not exist or has moved.',
  backHome: 'Back to the home page',
  skipToContent: 'Skip to content',
  website: 'Website',
  contact: 'Contact',
};

const messages: Record<Language, Record<MessageKey, string>> = { fr, en };

/** The translator for one language. */
export function translator(language: Language) {
  return (key: MessageKey) => messages[language][key];
}

/** A day (YYYY-MM-DD) written out for readers: "20 mars 2026" / "March 20, 2026". */
export function formatDay(day: string, language: Language): string {
  const format = new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return format.format(new Date(`${day}T00:00:00Z`));
}
