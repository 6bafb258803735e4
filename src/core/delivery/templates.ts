/**
 * The text of an announcement: a subject and a body with `{placeholders}`, French and English built in,
 * each overridable by a file in `content/messages/` (`award.fr.md`, `expiry.en.md`…: a `subject:` front
 * matter line, then the body). The plain text is the message; the HTML part is the same text as
 * paragraphs and links, with every value escaped.
 */
import { type Message, render, say } from '../messages/catalogue.ts';
import type { Language } from '../model/types.ts';
import { type Announcement, type AnnouncementKind, expiryInWords, splitName } from './announcement.ts';

export interface MessageTemplate {
  readonly subject: string;
  readonly body: string;
}

export interface ComposedMessage {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** Every placeholder a template may use, with what it stands for (shown by `notify --help`). */
export const PLACEHOLDERS = {
  earner: "the earner's display name",
  firstName: "the earner's first name (the first word of the name)",
  badge: 'the badge name',
  issuer: "the issuer's name",
  contact: "the issuer's public contact address",
  url: "the earner's award page",
  linkedin: 'the LinkedIn "Add to profile" link',
  verify: "the site's verify page",
  expires: 'the expiry day in words (empty when the award never expires)',
  validity: 'a sentence saying until when the award is valid (empty when it never expires)',
} as const;

export type Placeholder = keyof typeof PLACEHOLDERS;

const BUILT_IN: Record<AnnouncementKind, Record<Language, MessageTemplate>> = {
  award: {
    fr: {
      subject: 'Votre badge « {badge} » de {issuer}',
      body: [
        'Bonjour {firstName},',
        '',
        '{issuer} vous a décerné le badge « {badge} ». Félicitations !',
        '',
        'Votre page personnelle présente le badge, ses critères et sa vérification :',
        '{url}',
        '',
        "Vous pouvez y télécharger le badge (image PNG ou SVG, fichier pour un portefeuille numérique), le partager, l'imprimer, et l'ajouter à votre profil LinkedIn :",
        '{linkedin}',
        '',
        '{validity}',
        "N'importe qui peut vérifier ce badge, à tout moment : {verify}",
        '',
        'Cordialement,',
        '{issuer}',
        '{contact}',
      ].join('\n'),
    },
    en: {
      subject: 'Your "{badge}" badge from {issuer}',
      body: [
        'Hello {firstName},',
        '',
        '{issuer} has awarded you the "{badge}" badge. Congratulations!',
        '',
        'Your own page shows the badge, its criteria and how to verify it:',
        '{url}',
        '',
        'From there you can download the badge (PNG or SVG image, a file for a digital wallet), share it, print it, and add it to your LinkedIn profile:',
        '{linkedin}',
        '',
        '{validity}',
        'Anyone can verify this badge at any time: {verify}',
        '',
        'Kind regards,',
        '{issuer}',
        '{contact}',
      ].join('\n'),
    },
  },
  expiry: {
    fr: {
      subject: 'Votre badge « {badge} » expire le {expires}',
      body: [
        'Bonjour {firstName},',
        '',
        'Le badge « {badge} » que {issuer} vous a décerné expire le {expires}.',
        'Après cette date, il restera visible sur votre page, marqué comme expiré :',
        '{url}',
        '',
        'Pour le renouveler, écrivez-nous : {contact}',
        '',
        'Cordialement,',
        '{issuer}',
      ].join('\n'),
    },
    en: {
      subject: 'Your "{badge}" badge expires on {expires}',
      body: [
        'Hello {firstName},',
        '',
        'The "{badge}" badge that {issuer} awarded you expires on {expires}.',
        'After that day it stays on your page, marked as expired:',
        '{url}',
        '',
        'To renew it, write to us: {contact}',
        '',
        'Kind regards,',
        '{issuer}',
      ].join('\n'),
    },
  },
};

/** The built-in template of a kind and language. */
export function builtInTemplate(kind: AnnouncementKind, language: Language): MessageTemplate {
  return BUILT_IN[kind][language] as MessageTemplate;
}

/** Placeholders in a text that no announcement fills (a typo such as `{nom}`), in order of appearance. */
export function unknownPlaceholders(text: string): string[] {
  const found: string[] = [];
  for (const [, name = ''] of text.matchAll(/\{([^{}\s]{1,40})\}/g))
    if (!(name in PLACEHOLDERS) && !found.includes(name)) found.push(name);
  return found;
}

function valuesOf(announcement: Announcement): Record<Placeholder, string> {
  const expires = expiryInWords(announcement) ?? '';
  const validity = expires
    ? announcement.language === 'fr'
      ? `Ce badge est valable jusqu'au ${expires}.`
      : `This badge is valid until ${expires}.`
    : '';
  return {
    earner: announcement.earnerName,
    firstName: splitName(announcement.earnerName).first,
    badge: announcement.badgeName,
    issuer: announcement.issuerName,
    contact: announcement.issuerEmail,
    url: announcement.awardUrl,
    linkedin: announcement.linkedInUrl,
    verify: announcement.verifyUrl,
    expires,
    validity,
  };
}

/** `{name}` replaced in one pass, so a value that itself contains `{url}` is never expanded again. */
function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{([^{}\s]{1,40})\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? (values[name] as string) : whole,
  );
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** One line of the body as HTML: escaped, with its http(s) URLs as links. */
function lineToHtml(line: string): string {
  const parts = line.split(/(https?:\/\/[^\s<>"]+)/g);
  return parts
    .map((part, index) =>
      index % 2 === 1 ? `<a href="${escapeHtml(part)}">${escapeHtml(part)}</a>` : escapeHtml(part),
    )
    .join('');
}

/** The subject, plain text and HTML of an announcement. Blank lines left by empty values collapse. */
export function composeMessage(announcement: Announcement, template: MessageTemplate): ComposedMessage {
  const values = valuesOf(announcement);
  const subject = fill(template.subject, values).replace(/\s+/g, ' ').trim();
  const text = `${fill(template.body, values)
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
  const paragraphs = text
    .trim()
    .split(/\n\n+/)
    .map((paragraph) => `<p>${paragraph.split('\n').map(lineToHtml).join('<br>\n')}</p>`);
  const html = [
    '<!doctype html>',
    `<html lang="${announcement.language}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family: sans-serif; font-size: 16px; line-height: 1.5; max-width: 40em">',
    ...paragraphs,
    '</body>',
    '</html>',
    '',
  ].join('\n');
  return { subject, text, html };
}

/** A template file's problems: line (1-based) and what is wrong. */
export interface TemplateProblem {
  readonly line: number;
  /** What is wrong with "the message" (the template), in English. */
  readonly message: string;
  /** The same, from the catalogue. */
  readonly says: Message;
}

const problemAt = (line: number, says: Message): TemplateProblem => ({
  line,
  message: render(says, 'en'),
  says,
});

/**
 * A template file: `---`, `subject: …`, `---`, then the body. Unknown placeholders are problems, so a
 * typo is caught before a single message goes out.
 */
export function parseTemplateFile(
  text: string,
): { ok: true; template: MessageTemplate } | { ok: false; problems: TemplateProblem[] } {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  const problems: TemplateProblem[] = [];
  const close = lines[0] === '---' ? lines.indexOf('---', 1) : -1;
  if (close === -1)
    return {
      ok: false,
      problems: [problemAt(1, say('template.frontMatter'))],
    };
  const subjectLine = lines.slice(1, close).findIndex((line) => /^subject\s*:/.test(line));
  const rawSubject =
    subjectLine === -1 ? '' : (lines[subjectLine + 1] as string).replace(/^subject\s*:\s*/, '').trim();
  const subject = /^(["']).*\1$/.test(rawSubject) ? rawSubject.slice(1, -1) : rawSubject;
  if (!subject) problems.push(problemAt(2, say('template.subject')));
  const body = lines
    .slice(close + 1)
    .join('\n')
    .trim();
  if (!body) problems.push(problemAt(close + 2, say('template.body')));
  lines.forEach((line, index) => {
    for (const name of unknownPlaceholders(line))
      problems.push(
        problemAt(
          index + 1,
          say('template.placeholder', {
            name: `{${name}}`,
            known: Object.keys(PLACEHOLDERS)
              .map((p) => `{${p}}`)
              .join(', '),
          }),
        ),
      );
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, template: { subject, body } };
}
