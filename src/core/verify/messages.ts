/**
 * What a verification report means, in French and English: verdict headlines and explanations, check names,
 * and plain-language titles for the problems people meet most. The verify page renders reports with these;
 * the command line uses the English ones. Problem details stay in English (they quote ids and values).
 */
import type { Language } from '../model/types.ts';
import type { CheckId, PayloadKind, Verdict } from './types.ts';

type VerdictText = { readonly headline: string; readonly explanation: string };

const verdictsFr: Record<Verdict, VerdictText> = {
  verified: {
    headline: 'Badge vérifié',
    explanation:
      'Ce badge est authentique : il a été signé par son émetteur, il n’a pas été modifié, il n’est pas révoqué et il est en cours de validité.',
  },
  revoked: {
    headline: 'Badge révoqué',
    explanation:
      'Ce badge a bien été délivré par son émetteur, qui l’a ensuite retiré. Il n’est plus valable.',
  },
  expired: {
    headline: 'Badge expiré',
    explanation: 'Ce badge est authentique mais sa durée de validité est dépassée.',
  },
  'not-yet-valid': {
    headline: 'Badge pas encore valable',
    explanation: 'Ce badge est authentique mais sa date de début de validité n’est pas encore atteinte.',
  },
  'signature-invalid': {
    headline: 'Signature invalide',
    explanation:
      'Ce badge a été modifié après sa délivrance, ou n’a pas été signé par son émetteur. Ne vous y fiez pas.',
  },
  'key-not-issuers': {
    headline: 'Clé inconnue de l’émetteur',
    explanation:
      'Ce badge est signé avec une clé que l’émetteur ne publie pas, ou qui est introuvable : rien ne prouve qu’il vient de lui.',
  },
  malformed: {
    headline: 'Données malformées',
    explanation:
      'Le fichier ou le texte est endommagé, ou construit pour tromper les vérificateurs (badge présent deux fois, imbrication ou taille hors norme) : il ne peut pas être lu comme un seul badge. Ne vous y fiez pas.',
  },
  'not-a-badge': {
    headline: 'Ce n’est pas un badge',
    explanation:
      'Le fichier ou le texte fourni ne contient pas de badge Open Badges lisible (image PNG ou SVG « cuite », JSON ou JWT).',
  },
  error: {
    headline: 'Vérification impossible',
    explanation:
      'Un document nécessaire à la vérification n’a pas pu être obtenu ou lu (clé, liste de révocation…). Réessayez plus tard.',
  },
};

const verdictsEn: Record<Verdict, VerdictText> = {
  verified: {
    headline: 'Badge verified',
    explanation:
      'This badge is genuine: it was signed by its issuer, it has not been altered, it is not revoked and it is valid.',
  },
  revoked: {
    headline: 'Badge revoked',
    explanation: 'This badge was issued by its issuer, who has since withdrawn it. It is no longer valid.',
  },
  expired: {
    headline: 'Badge expired',
    explanation: 'This badge is genuine but its validity period has ended.',
  },
  'not-yet-valid': {
    headline: 'Badge not yet valid',
    explanation: 'This badge is genuine but its validity has not started yet.',
  },
  'signature-invalid': {
    headline: 'Signature invalid',
    explanation:
      'This badge was altered after it was issued, or was not signed by its issuer. Do not rely on it.',
  },
  'key-not-issuers': {
    headline: 'Key not the issuer’s',
    explanation:
      'This badge is signed with a key its issuer does not publish, or that cannot be found: nothing proves it comes from the issuer.',
  },
  malformed: {
    headline: 'Malformed input',
    explanation:
      'The file or text is damaged, or built to mislead verifiers (a badge given twice, nesting or size no badge has): it cannot be read as one badge. Do not rely on it.',
  },
  'not-a-badge': {
    headline: 'Not a badge',
    explanation: 'The file or text given holds no readable Open Badge (baked PNG or SVG image, JSON or JWT).',
  },
  error: {
    headline: 'Could not verify',
    explanation:
      'A document the verification needs (a key, a revocation list…) could not be fetched or read. Try again later.',
  },
};

const checksFr: Record<CheckId, string> = {
  format: 'Format',
  payloads: 'Cohérence de l’image',
  structure: 'Structure',
  proof: 'Signature',
  key: 'Clé de l’émetteur',
  status: 'Révocation',
  validity: 'Dates de validité',
  recipient: 'Destinataire',
  endorsements: 'Recommandations',
};

const checksEn: Record<CheckId, string> = {
  format: 'Format',
  payloads: 'Image consistency',
  structure: 'Structure',
  proof: 'Signature',
  key: 'Issuer’s key',
  status: 'Revocation',
  validity: 'Validity dates',
  recipient: 'Recipient',
  endorsements: 'Endorsements',
};

/** French titles of the problems people meet most; other codes show their English title. */
const problemsFr: Record<string, string> = {
  NOT_A_BADGE: 'Aucun badge trouvé',
  PAYLOAD_DUPLICATED: 'L’image contient deux badges de la même version',
  INPUT_TOO_DEEP: 'Imbrication trop profonde pour un badge',
  INPUT_TOO_LARGE: 'Trop volumineux pour un badge',
  INPUT_MALFORMED: 'Données malformées',
  FETCH_FAILED: 'L’adresse n’a pas pu être consultée',
  ENDORSEMENT_INVALID: 'Une recommandation n’est pas vérifiée',
  ENDORSEMENT_SCHEMA: 'La recommandation n’est pas conforme au schéma OB 3.0 EndorsementCredential',
  ENDORSEMENT_NOT_OBJECT: 'La recommandation n’est pas un objet',
  OB3_SCHEMA: 'Non conforme au schéma Open Badges 3.0',
  OB3_TYPE: 'Ce n’est pas un badge Open Badges',
  NO_PROOF: 'Le badge n’est pas signé',
  DI_SIGNATURE_INVALID: 'La signature ne correspond pas au contenu',
  JWS_SIGNATURE_INVALID: 'La signature ne correspond pas au contenu',
  JWS_ALG_NONE: 'Le jeton n’est pas signé (alg « none »)',
  JWS_ALG_NOT_KEYS: 'L’algorithme annoncé n’est pas celui de la clé',
  JWS_ALG_UNSUPPORTED: 'Algorithme de signature refusé',
  JWT_CLAIM_MISMATCH: 'Les champs du jeton contredisent le badge',
  JWT_EMBEDDED_PROOF_INVALID: 'La preuve contenue dans le jeton ne correspond pas au contenu',
  HOSTED_COPY_DIFFERS: 'La copie diffère de celle publiée par l’émetteur',
  PAYLOADS_DIFFERENT_AWARDS: 'L’image contient des badges de deux personnes différentes',
  PAYLOAD_UNREADABLE: 'L’image a été modifiée : un de ses badges est illisible',
  KEY_NOT_FOUND: 'Clé introuvable',
  KEY_FETCH_FAILED: 'La clé n’a pas pu être téléchargée',
  KEY_CONTROLLER_NOT_ISSUER: 'La clé n’appartient pas à l’émetteur',
  KEY_NOT_LISTED_BY_ISSUER: 'L’émetteur ne publie pas cette clé',
  KEY_NOT_ASSERTION_METHOD: 'L’émetteur n’autorise pas cette clé à signer',
  HOSTED_OUTSIDE_ISSUER_SCOPE: 'Le badge n’est pas hébergé par l’émetteur',
  REVOKED: 'Révoqué par l’émetteur',
  SUSPENDED: 'Suspendu par l’émetteur',
  STATUS_LIST_FETCH_FAILED: 'La liste de révocation n’a pas pu être téléchargée',
  STATUS_LIST_UNTRUSTED: 'La liste de révocation n’est pas authentique',
  EXPIRED: 'Expiré',
  NOT_YET_VALID: 'Pas encore valable',
  RECIPIENT_MISMATCH: 'Délivré à une autre adresse',
  DATE_INVALID: 'Une date est illisible',
  DI_CONTEXT_UNKNOWN: 'Le badge utilise un contexte JSON-LD que ce vérificateur ne connaît pas',
  DI_DOCUMENT_UNSAFE: 'Le document contient des données que sa preuve ne peut pas couvrir',
  HOSTED_FETCH_FAILED: 'La copie de l’émetteur n’a pas pu être lue',
  HOSTED_ID_MISMATCH: 'L’assertion n’est pas publiée à son adresse',
  INTERNAL_ERROR: 'Le vérificateur a échoué',
  JWT_NO_KEY: 'Le jeton ne nomme aucune clé',
  KEY_DID_KEY_UNSUPPORTED: 'Clé did:key non prise en charge',
  KEY_DOCUMENT_ID_MISMATCH: 'Le document de clé n’est pas celui demandé',
  KEY_DOCUMENT_INVALID: 'Le document de clé n’est pas du JSON',
  KEY_INVALID: 'La clé est inutilisable',
  KEY_ISS_NOT_ISSUER: 'La clé n’est pas celle de l’émetteur',
  KEY_NOT_ED25519: 'La clé n’est pas une clé Ed25519',
  KEY_NO_JWK: 'La clé n’a pas de JWK',
  KEY_UNRESOLVABLE: 'La clé est introuvable',
  KID_NOT_A_JWK: 'Le « kid » ne désigne pas une JWK',
  OB2_ID_MISMATCH: 'Le document n’est pas publié à son adresse',
  OB2_INVALID_PROPERTY: 'Un champ requis manque ou est invalide',
  OB2_LINKED_FETCH_FAILED: 'Un document lié n’a pas pu être lu',
  OB2_NOT_OBJECT: 'Le document n’est pas un objet JSON',
  OB2_NO_CREATOR: 'L’assertion ne nomme aucune clé',
  OB2_UNVERIFIABLE: 'L’assertion ne peut pas être vérifiée telle quelle',
  OB3_SUBJECT_UNIDENTIFIED: 'Le titulaire n’est pas identifié',
  PROOF_NO_METHOD: 'La preuve ne nomme aucune clé',
  PROOF_PURPOSE: 'La preuve n’a pas été faite pour attester un badge',
  PROOF_UNSUPPORTED: 'La preuve est d’un type que ce vérificateur ne contrôle pas',
  STATUS_ENTRY_INVALID: 'L’entrée de statut est mal formée',
  STATUS_INDEX_OUT_OF_RANGE: 'L’index de statut est hors de la liste',
  STATUS_LIST_INVALID: 'La liste de statut n’en est pas une',
  STATUS_LIST_NOT_ISSUERS: 'La liste de statut n’est pas celle de l’émetteur',
  STATUS_LIST_TOO_SHORT: 'La liste de statut est trop courte',
  STATUS_PURPOSE_MISMATCH: 'La liste de statut a un autre usage',
  STATUS_UNSUPPORTED: 'Ce mode de statut n’est pas pris en charge',
};

const uiFr = {
  title: 'Vérifier un badge',
  intro:
    'Déposez l’image du badge (PNG ou SVG), son fichier JSON ou JWT, collez son contenu ou donnez son adresse. La vérification se fait entièrement dans votre navigateur.',
  fileLegend: 'Un fichier',
  fileLabel: 'Choisir ou déposer un fichier (PNG, SVG, JSON, JWT)',
  dropHint: 'Déposez un fichier ici',
  textLabel: 'Ou collez le badge (JSON ou JWT)',
  urlLabel: 'Ou son adresse (URL)',
  emailLabel: 'Adresse e-mail du titulaire (facultatif)',
  emailHint:
    'Pour vérifier que le badge appartient bien à cette personne. L’adresse est comparée sur place : elle n’est envoyée nulle part.',
  submit: 'Vérifier',
  checking: 'Vérification en cours…',
  result: 'Résultat',
  details: 'Détail des vérifications',
  revocationReason: 'Motif de la révocation\u00a0: {reason}',
  expiredOn: 'Expiré le {date}.',
  failedBecause: 'Raison\u00a0: {problem}',
  technical: 'Détails techniques',
  nothing: 'Donnez d’abord un fichier, un texte ou une adresse.',
  noScript: 'La vérification se fait dans votre navigateur : activez JavaScript pour l’utiliser.',
  badge: 'Badge',
  issuer: 'Émetteur',
  recipient: 'Titulaire',
  validFrom: 'Valable depuis le',
  validUntil: 'Jusqu’au',
  recipientMatch: 'Ce badge a bien été délivré à cette adresse e-mail.',
  recipientNoMatch: 'Ce badge n’a pas été délivré à cette adresse e-mail.',
  recipientUnknown:
    'L’adresse e-mail n’a pas pu être comparée : le badge n’identifie pas son titulaire par e-mail.',
  success: 'réussi',
  failure: 'échec',
  skipped: 'non vérifié',
  proof: 'Preuve',
  key: 'Clé',
  statusList: 'Liste de statut',
  otherLanguage: 'English',
  mirrored:
    'Cette copie du site est servie depuis {served} : les documents de {site} (clés, listes de statut) sont lus ici, à côté de cette page.',
} as const;

export type VerifyUiKey = keyof typeof uiFr;

const uiEn: Record<VerifyUiKey, string> = {
  title: 'Verify a badge',
  intro:
    'Drop the badge image (PNG or SVG), its JSON or JWT file, paste its content or give its address. Verification runs entirely in your browser.',
  fileLegend: 'A file',
  fileLabel: 'Choose or drop a file (PNG, SVG, JSON, JWT)',
  dropHint: 'Drop a file here',
  textLabel: 'Or paste the badge (JSON or JWT)',
  urlLabel: 'Or its address (URL)',
  emailLabel: 'Earner’s email address (optional)',
  emailHint:
    'To check that the badge belongs to this person. The address is compared here: it is sent nowhere.',
  submit: 'Verify',
  checking: 'Verifying…',
  result: 'Result',
  details: 'Checks in detail',
  revocationReason: 'Reason for the revocation: {reason}',
  expiredOn: 'Expired on {date}.',
  failedBecause: 'Reason: {problem}',
  technical: 'Technical details',
  nothing: 'First give a file, a text or an address.',
  noScript: 'Verification runs in your browser: enable JavaScript to use it.',
  badge: 'Badge',
  issuer: 'Issuer',
  recipient: 'Earner',
  validFrom: 'Valid from',
  validUntil: 'Until',
  recipientMatch: 'This badge was issued to this email address.',
  recipientNoMatch: 'This badge was not issued to this email address.',
  recipientUnknown:
    'The email address could not be compared: the badge does not identify its earner by email.',
  success: 'passed',
  failure: 'failed',
  skipped: 'not checked',
  proof: 'Proof',
  key: 'Key',
  statusList: 'Status list',
  otherLanguage: 'Français',
  mirrored:
    'This copy of the site is served from {served}: the documents of {site} (keys, status lists) are read here, next to this page.',
};

const kindsFr: Record<PayloadKind, string> = {
  'ob3-json': 'Attestation Open Badges 3.0 (JSON signé)',
  'ob3-jwt': 'Attestation Open Badges 3.0 (JWT)',
  'ob2-json': 'Assertion Open Badges 2.0 (JSON)',
  'ob2-jws': 'Assertion Open Badges 2.0 signée (JWS)',
  'ob2-url': 'Assertion Open Badges 2.0 hébergée',
};

const kindsEn: Record<PayloadKind, string> = {
  'ob3-json': 'Open Badges 3.0 credential (signed JSON)',
  'ob3-jwt': 'Open Badges 3.0 credential (JWT)',
  'ob2-json': 'Open Badges 2.0 assertion (JSON)',
  'ob2-jws': 'Open Badges 2.0 signed assertion (JWS)',
  'ob2-url': 'Open Badges 2.0 hosted assertion',
};

const texts = {
  fr: { verdicts: verdictsFr, checks: checksFr, problems: problemsFr, ui: uiFr, kinds: kindsFr },
  en: {
    verdicts: verdictsEn,
    checks: checksEn,
    problems: {} as Record<string, string>,
    ui: uiEn,
    kinds: kindsEn,
  },
};

/** The verify texts of one language. */
export function verifyTexts(language: Language) {
  const t = texts[language];
  return {
    verdict: (verdict: Verdict): VerdictText => t.verdicts[verdict],
    check: (id: CheckId): string => t.checks[id],
    /** A problem's title in this language, or its English title. */
    problem: (code: string, englishTitle: string): string => t.problems[code] ?? englishTitle,
    ui: (key: VerifyUiKey): string => t.ui[key],
    kind: (kind: PayloadKind): string => t.kinds[kind],
  };
}
