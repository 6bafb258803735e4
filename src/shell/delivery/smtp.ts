/**
 * The SMTP side of `badges notify --send`, through nodemailer. Settings come from the environment only,
 * never from a file in the repository: `INSIGNE_SMTP_URL` (`smtps://user:password@host:465` or
 * `smtp://user:password@host:587`, as nodemailer takes it) and `INSIGNE_SMTP_FROM` (the sender, such as
 * `Lycée des Trois-Rivières <badges@example.org>`). TLS is required: `smtps:` from the first byte,
 * `smtp:` only after STARTTLS. The one exception is a server on the loopback interface (a local relay or a
 * test server), where nothing crosses a network. Credentials are never printed: messages name the host.
 */
import { isIP } from 'node:net';
import nodemailer from 'nodemailer';
import { type Message, render, say } from '../../core/messages/catalogue.ts';

export const SMTP_URL_ENV = 'INSIGNE_SMTP_URL';
export const SMTP_FROM_ENV = 'INSIGNE_SMTP_FROM';

export interface SmtpSettings {
  readonly host: string;
  readonly port: number;
  readonly secure: boolean;
  readonly requireTLS: boolean;
  readonly user?: string;
  readonly pass?: string;
  readonly from: string;
  readonly loopback: boolean;
}

export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost' || bare === '::1') return true;
  return isIP(bare) === 4 && bare.startsWith('127.');
}

/** The settings, or the reason they are unusable (never quoting a password). */
export function smtpSettings(
  env: NodeJS.ProcessEnv,
): { ok: true; settings: SmtpSettings } | { ok: false; message: string; says: Message } {
  const refuse = (says: Message) => ({ ok: false, message: render(says, 'en'), says }) as const;
  const raw = env[SMTP_URL_ENV]?.trim();
  const from = env[SMTP_FROM_ENV]?.trim();
  const missing = [!raw && SMTP_URL_ENV, !from && SMTP_FROM_ENV].filter(Boolean);
  if (missing.length > 0)
    return refuse(
      missing.length > 1
        ? say('smtp.missing.both', { url: SMTP_URL_ENV, from: SMTP_FROM_ENV })
        : say('smtp.missing.one', { first: String(missing[0]), url: SMTP_URL_ENV, from: SMTP_FROM_ENV }),
    );
  let url: URL;
  try {
    url = new URL(raw as string);
  } catch {
    return refuse(say('smtp.notUrl', { name: SMTP_URL_ENV }));
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:')
    return refuse(say('smtp.protocol', { name: SMTP_URL_ENV, protocol: `${url.protocol}//` }));
  if (!/<[^<>@\s]+@[^<>@\s]+>$|^[^<>@\s]+@[^<>@\s]+$/.test(from as string))
    return refuse(say('smtp.from', { name: SMTP_FROM_ENV }));
  const secure = url.protocol === 'smtps:';
  const loopback = isLoopback(url.hostname);
  return {
    ok: true,
    settings: {
      host: url.hostname.replace(/^\[|\]$/g, ''),
      port: Number(url.port) || (secure ? 465 : 587),
      secure,
      requireTLS: !secure && !loopback,
      ...(url.username ? { user: decodeURIComponent(url.username) } : {}),
      ...(url.password ? { pass: decodeURIComponent(url.password) } : {}),
      from: from as string,
      loopback,
    },
  };
}

export interface OutgoingMessage {
  readonly to: { readonly name: string; readonly address: string };
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly language: string;
}

export interface Mailer {
  send(message: OutgoingMessage): Promise<void>;
  close(): void;
}

/** A mailer over one SMTP server; each message is its own SMTP transaction with a single recipient. */
export function createMailer(settings: SmtpSettings, timeoutMs = 30_000): Mailer {
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    requireTLS: settings.requireTLS,
    ...(settings.user ? { auth: { user: settings.user, pass: settings.pass ?? '' } } : {}),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    // Message content never comes from a file or URL: templates are plain text.
    disableFileAccess: true,
    disableUrlAccess: true,
    tls: { minVersion: 'TLSv1.2' },
  });
  return {
    async send(message) {
      await transport.sendMail({
        from: settings.from,
        to: { name: message.to.name, address: message.to.address },
        subject: message.subject,
        text: message.text,
        html: message.html,
        headers: { 'Content-Language': message.language },
        disableFileAccess: true,
        disableUrlAccess: true,
      });
    },
    close() {
      transport.close();
    },
  };
}

/** A failure as the report prints it: what the server said or what went wrong, without any address. */
export function describeSendError(error: unknown): string {
  const e = error as { code?: string; responseCode?: number; response?: string; message?: string };
  const text = (e.response ?? e.message ?? String(error)).replace(/[^\s@<>"']+@[^\s@<>"']+/g, '<address>');
  return [e.responseCode, e.code, text.split('\n')[0]?.slice(0, 200)].filter(Boolean).join(' ');
}
