/**
 * Delivering badges to their earners, end to end: `badges award` queues, `badges notify` sends through a
 * real SMTP server on the loopback interface (checked pages served by a real local HTTP server), or
 * exports a mail-merge file read back with a CSV parser. Failures keep announcements pending, a second
 * run sends nothing twice, and no address ever reaches a file other than the outbox, or the output.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeRoster } from '../../../src/core/authoring/roster.ts';
import { type NotifyDeps, runNotify } from '../../../src/shell/cli/notify.ts';
import { OUTBOX_DIR, OUTBOX_FILE, readOutbox } from '../../../src/shell/delivery/outbox-file.ts';
import { SMTP_FROM_ENV, SMTP_URL_ENV, smtpSettings } from '../../../src/shell/delivery/smtp.ts';
import { cli } from '../../helpers/cli.ts';
import { projectFromFixture } from '../../helpers/fixtures.ts';
import { PROJECT_ROOT } from '../../helpers/project.ts';
import { type SmtpTestServer, startSmtpServer } from '../../helpers/smtp-server.ts';
import { type StaticServer, startStaticServer } from '../../helpers/static-server.ts';
import { BADGE, filesUnder, ROSTERS } from './award-helpers.ts';

const SITE = 'https://lycee-trois-rivieres.github.io/badges/';
const ROSTER = join(ROSTERS, 'utf8-bom-semicolon.csv');
const rosterEmails = (file: string) => {
  const { text } = decodeRoster(new Uint8Array(readFileSync(join(ROSTERS, file))));
  return [...text.matchAll(/[^\s;,"@]+@[^\s;,"]+/g)].map((m) => m[0].toLowerCase());
};
const EMAILS = rosterEmails('utf8-bom-semicolon.csv');

const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

/** A project whose three roster members were just awarded the badge. */
async function awardedProject(extra: string[] = []): Promise<string> {
  const root = projectFromFixture('valid');
  const run = await cli(root, ['award', '--badge', BADGE, '--csv', ROSTER, ...extra]);
  if (run.code !== 0) throw new Error(run.err);
  return root;
}

/** A local site answering 200 for the given award pages (and 404 for the others). */
async function liveSite(root: string, ids: readonly string[]): Promise<StaticServer> {
  const folder = mkdtempSync(join(tmpdir(), 'insigne-live-'));
  for (const id of ids) {
    mkdirSync(join(folder, 'awards', id), { recursive: true });
    writeFileSync(join(folder, 'awards', id, 'index.html'), '<!doctype html><title>ok</title>');
  }
  const server = await startStaticServer(folder, { base: '/badges/' });
  servers.push(server);
  void root;
  return server;
}

/** `fetch` with the site's final address mapped to the local server, as if it were deployed. */
const mapped = (site: StaticServer): typeof fetch =>
  ((url: string | URL, init?: RequestInit) =>
    fetch(String(url).replace(SITE, site.root), init)) as typeof fetch;

async function notify(root: string, args: string[], env: NodeJS.ProcessEnv = {}, deps: NotifyDeps = {}) {
  let out = '';
  let err = '';
  const code = await runNotify(
    args,
    {
      cwd: root,
      env: { INSIGNE_TODAY: '2026-11-28', ...env },
      out: { write: (t: string) => (out += t) },
      err: { write: (t: string) => (err += t) },
    },
    { sleep: async () => undefined, ...deps },
  );
  return { code, out, err };
}

const smtpEnv = (server: SmtpTestServer) => ({
  [SMTP_URL_ENV]: server.url,
  [SMTP_FROM_ENV]: 'École de test <badges@ecole-test.example>',
});

const queuedIds = (root: string) => readOutbox(root).announcements.map((a) => a.awardId);

describe('badges award → outbox', () => {
  it('queues one announcement per new award, readable by its owner only, and prints each page', async () => {
    const root = projectFromFixture('valid');
    const run = await cli(root, ['award', '--badge', BADGE, '--csv', ROSTER]);
    expect(run.code).toBe(0);
    const outbox = readOutbox(root);
    expect(outbox.announcements.map((a) => a.earnerName)).toEqual([
      'Léa Martin',
      'Hugo Bernard',
      'Anaïs Nguyễn',
    ]);
    for (const a of outbox.announcements) {
      expect(run.out).toContain(
        `${a.earnerName}: created content/awards/2026/${a.awardId}.yaml\n      page: ${SITE}awards/${a.awardId}/\n`,
      );
      expect(a).toMatchObject({
        kind: 'award',
        badgeName: 'Robotique — niveau 1',
        language: 'fr',
        expires: '2027-11-28',
      });
      expect(a.linkedInUrl).toContain(`certId=${a.awardId}`);
    }
    expect(statSync(join(root, OUTBOX_DIR, OUTBOX_FILE)).mode & 0o777).toBe(0o600);
    expect(statSync(join(root, OUTBOX_DIR)).mode & 0o777).toBe(0o700);
    expect(readdirSync(join(root, OUTBOX_DIR))).toEqual([OUTBOX_FILE]);

    const list = await cli(root, ['notify']);
    expect(list.out).toContain('3 announcement(s) waiting in the outbox');
    for (const email of EMAILS) expect(list.out.toLowerCase()).not.toContain(email);
  });

  it('keeps the outbox out of git', () => {
    const ignored = execFileSync('git', ['check-ignore', `${OUTBOX_DIR}/${OUTBOX_FILE}`], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
    });
    expect(ignored.trim()).toBe(`${OUTBOX_DIR}/${OUTBOX_FILE}`);
  });
});

describe('badges notify --send', () => {
  it('sends one French message per live page, with UTF-8 headers, and keeps the others pending', async () => {
    const root = await awardedProject();
    const [lea, hugo, anais] = readOutbox(root).announcements;
    if (!lea || !hugo || !anais) throw new Error('three announcements expected');
    const smtp = await startSmtpServer();
    servers.push(smtp);
    const site = await liveSite(root, [lea.awardId, anais.awardId]);

    const first = await notify(root, ['--send'], smtpEnv(smtp), { fetcher: mapped(site) });
    expect(first.code).toBe(1);
    expect(first.out).toContain(
      `… pending  award ${hugo.awardId}  Hugo Bernard  "Robotique — niveau 1": its page answers HTTP 404`,
    );
    expect(first.out).toContain('Sent 2, not live yet 1, failed 0; 1 announcement(s) still in the outbox.');
    expect(smtp.received).toHaveLength(2);
    for (const mail of smtp.received) {
      expect(mail.envelopeTo).toHaveLength(1);
      expect(mail.parsed.cc).toBeUndefined();
      expect(mail.parsed.bcc).toBeUndefined();
      const to = Array.isArray(mail.parsed.to) ? mail.parsed.to : [mail.parsed.to];
      expect(to.flatMap((t) => t?.value ?? [])).toHaveLength(1);
      expect(mail.parsed.subject).toBe('Votre badge « Robotique — niveau 1 » de École de test');
      expect(mail.parsed.headers.get('content-language')).toBe('fr');
      expect(mail.raw).toMatch(/^Subject: =\?UTF-8\?/m);
    }
    const toAnais = smtp.received.find((m) => m.envelopeTo[0] === EMAILS[2]);
    const anaisTo = toAnais?.parsed.to;
    expect(Array.isArray(anaisTo) ? anaisTo[0]?.value[0]?.name : anaisTo?.value[0]?.name).toBe(
      'Anaïs Nguyễn',
    );
    expect(toAnais?.raw).toMatch(/^To: =\?UTF-8\?/m);
    expect(toAnais?.parsed.text).toContain('Bonjour Anaïs,');
    expect(toAnais?.parsed.text).toContain(`${SITE}awards/${anais.awardId}/`);
    expect(toAnais?.parsed.text).toContain(anais.linkedInUrl);
    expect(toAnais?.parsed.text).toContain("Ce badge est valable jusqu'au 28 novembre 2027.");
    expect(toAnais?.parsed.html).toContain('<html lang="fr">');
    expect(toAnais?.parsed.html).toContain(`<a href="${SITE}awards/${anais.awardId}/">`);
    expect(queuedIds(root)).toEqual([hugo.awardId]);

    // Deployed now: the second run sends Hugo's message only.
    const deployed = await liveSite(root, [lea.awardId, hugo.awardId, anais.awardId]);
    const second = await notify(root, ['--send'], smtpEnv(smtp), { fetcher: mapped(deployed) });
    expect(second.code).toBe(0);
    expect(smtp.received.map((m) => m.envelopeTo[0]).sort()).toEqual([...EMAILS].sort());
    expect(queuedIds(root)).toEqual([]);
    const third = await notify(root, ['--send', '--no-live-check'], smtpEnv(smtp));
    expect(third.out).toContain('The outbox is empty');
    expect(smtp.received).toHaveLength(3);
  });

  it('keeps a refused recipient pending with the reason while the others are sent', async () => {
    const root = await awardedProject();
    const smtp = await startSmtpServer({ refuse: (address) => address === EMAILS[1] });
    servers.push(smtp);
    const run = await notify(root, ['--send', '--no-live-check'], smtpEnv(smtp));
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/✖ failed {3}award [0-9a-f-]{36} {2}Hugo Bernard {2}"Robotique — niveau 1": 550/);
    expect(smtp.received.map((m) => m.envelopeTo[0])).toEqual([EMAILS[0], EMAILS[2]]);
    const [left] = readOutbox(root).announcements;
    expect(left?.earnerName).toBe('Hugo Bernard');
    expect(left?.attempts).toBe(1);
    expect(left?.lastError).toContain('550');
    for (const email of EMAILS)
      expect((run.out + run.err + (left?.lastError ?? '')).toLowerCase()).not.toContain(email);
  });

  it('loses nothing and sends nothing twice when the connection drops mid-batch', async () => {
    const root = await awardedProject();
    const flaky = await startSmtpServer({ dropOn: (address) => address === EMAILS[0] });
    servers.push(flaky);
    const run = await notify(root, ['--send', '--no-live-check'], smtpEnv(flaky));
    expect(run.code).toBe(1);
    expect(flaky.received.map((m) => m.envelopeTo[0])).toEqual([EMAILS[1], EMAILS[2]]);
    expect(readOutbox(root).announcements.map((a) => a.earnerName)).toEqual(['Léa Martin']);

    const healthy = await startSmtpServer();
    servers.push(healthy);
    const again = await notify(root, ['--send', '--no-live-check'], smtpEnv(healthy));
    expect(again.code).toBe(0);
    expect(healthy.received.map((m) => m.envelopeTo[0])).toEqual([EMAILS[0]]);
  });

  it('sends in batches and says clearly when the server settings are missing', async () => {
    const root = await awardedProject();
    const missing = await notify(root, ['--send', '--no-live-check']);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('Set INSIGNE_SMTP_URL and INSIGNE_SMTP_FROM to send');
    const smtp = await startSmtpServer();
    servers.push(smtp);
    const waits: number[] = [];
    const run = await notify(
      root,
      ['--send', '--no-live-check', '--batch', '2', '--rate', '30'],
      smtpEnv(smtp),
      {
        sleep: async (ms) => waits.push(ms),
      },
    );
    expect(run.code).toBe(0);
    expect(smtp.received).toHaveLength(2);
    expect(waits).toEqual([2000]);
    expect(queuedIds(root)).toHaveLength(1);
  });

  it('requires TLS except to a loopback server, and never prints the password', () => {
    const plain = smtpSettings({
      [SMTP_URL_ENV]: 'smtp://u:secret@smtp.example.org',
      [SMTP_FROM_ENV]: 'a@b.example',
    });
    expect(plain.ok && plain.settings).toMatchObject({ requireTLS: true, secure: false, port: 587 });
    const tls = smtpSettings({
      [SMTP_URL_ENV]: 'smtps://u:secret@smtp.example.org',
      [SMTP_FROM_ENV]: 'a@b.example',
    });
    expect(tls.ok && tls.settings).toMatchObject({ requireTLS: false, secure: true, port: 465 });
    const local = smtpSettings({ [SMTP_URL_ENV]: 'smtp://127.0.0.1:2525', [SMTP_FROM_ENV]: 'a@b.example' });
    expect(local.ok && local.settings).toMatchObject({ requireTLS: false, loopback: true });
    const wrong = smtpSettings({
      [SMTP_URL_ENV]: 'http://u:secret@smtp.example.org',
      [SMTP_FROM_ENV]: 'a@b.example',
    });
    expect(wrong.ok).toBe(false);
    expect(JSON.stringify(wrong)).not.toContain('secret');
  });
});

describe('badges notify --export, --dry-run, --csv, --expiring, --purge', () => {
  it('exports a mail-merge file that reads back in UTF-8 with semicolons, and empties the outbox', async () => {
    const root = await awardedProject();
    const inside = await notify(root, ['--export', join(root, 'annonces.csv')]);
    expect(inside.code).toBe(1);
    expect(inside.err).toContain('is inside the project folder');
    const target = join(mkdtempSync(join(tmpdir(), 'insigne-merge-')), 'annonces.csv');
    const run = await notify(root, ['--export', target]);
    expect(run.code).toBe(0);
    const bytes = readFileSync(target);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(statSync(target).mode & 0o777).toBe(0o600);
    const rows = parseCsv(bytes, { bom: true, columns: true, delimiter: ';', encoding: 'utf8' }) as Record<
      string,
      string
    >[];
    expect(rows.map((r) => [r.FirstName, r.LastName, r.Email])).toEqual([
      ['Léa', 'Martin', EMAILS[0]],
      ['Hugo', 'Bernard', EMAILS[1]],
      ['Anaïs', 'Nguyễn', EMAILS[2]],
    ]);
    for (const row of rows) {
      expect(row.Badge).toBe('Robotique — niveau 1');
      expect(row.AwardURL).toBe(`${SITE}awards/${row.AwardId}/`);
      expect(row.LinkedInURL).toMatch(/^https:\/\/www\.linkedin\.com\/profile\/add\?/);
      expect(row.Message).toContain(row.AwardURL);
      expect(row.Message).toContain(`Bonjour ${row.FirstName},`);
    }
    expect(queuedIds(root)).toEqual([]);
    for (const email of EMAILS) expect((run.out + run.err).toLowerCase()).not.toContain(email);
  });

  it('never announces an award revoked since it was queued', async () => {
    const root = await awardedProject();
    const [lea] = readOutbox(root).announcements;
    await cli(root, ['revoke', lea?.awardId ?? '', '--reason', 'Erreur de saisie']);
    const smtp = await startSmtpServer();
    servers.push(smtp);
    const run = await notify(root, ['--send', '--no-live-check'], smtpEnv(smtp));
    expect(run.out).toContain(
      `− dropped  award ${lea?.awardId}  Léa Martin  "Robotique — niveau 1": the award was revoked`,
    );
    expect(smtp.received.map((m) => m.envelopeTo[0])).toEqual([EMAILS[1], EMAILS[2]]);
    expect(queuedIds(root)).toEqual([]);
  });

  it('shows what would go out without an address, and sends nothing', async () => {
    const root = await awardedProject();
    const run = await notify(root, ['--dry-run']);
    expect(run.code).toBe(0);
    expect(run.out).toContain('To: Léa Martin <l***@eleves.ecole-test.example>');
    expect(run.out).toContain('Subject: Votre badge « Robotique — niveau 1 » de École de test');
    expect(run.out).toContain('Dry run: 3 message(s) would go out; nothing was sent.');
    for (const email of EMAILS) expect(run.out.toLowerCase()).not.toContain(email);
    expect(queuedIds(root)).toHaveLength(3);
  });

  it('queues again from the roster for existing awards, reporting rows that match none by line', async () => {
    const root = await awardedProject();
    const purge = await notify(root, ['--purge']);
    expect(purge.out).toBe('✔ Outbox emptied: 3 announcement(s) removed, none sent.\n');
    expect(queuedIds(root)).toEqual([]);
    const again = await notify(root, ['--csv', ROSTER, '--badge', BADGE]);
    expect(again.code).toBe(0);
    expect(readOutbox(root).announcements.map((a) => a.earnerName)).toEqual([
      'Léa Martin',
      'Hugo Bernard',
      'Anaïs Nguyễn',
    ]);
    const strangers = await notify(root, ['--csv', join(ROSTERS, 'tab-separated.csv')]);
    expect(strangers.err).toMatch(/line 2 {2}\(Inès Moreau\) no award matches this address/);
    expect(strangers.out).toContain(
      '0 announcement(s) queued from tab-separated.csv; 2 row(s) matched nothing',
    );
  });

  it('queues expiry reminders for awards that expire within the given days', async () => {
    const root = await awardedProject(['--expires', '2026-12-15']);
    await notify(root, ['--purge']);
    const far = await notify(root, ['--expiring', '10', '--csv', ROSTER]);
    expect(far.err).toContain('no award expires within 10 days');
    expect(queuedIds(root)).toEqual([]);
    const near = await notify(root, ['--expiring', '30', '--csv', ROSTER]);
    expect(near.code).toBe(0);
    const reminders = readOutbox(root).announcements;
    expect(reminders.map((a) => a.kind)).toEqual(['expiry', 'expiry', 'expiry']);
    const dry = await notify(root, ['--dry-run']);
    expect(dry.out).toContain('Subject: Votre badge « Robotique — niveau 1 » expire le 15 décembre 2026');
    expect((await notify(root, ['--expiring', '30'])).code).toBe(2);
  });

  it("uses the administrator's template, and refuses one with an unknown placeholder", async () => {
    const root = await awardedProject();
    mkdirSync(join(root, 'content', 'messages'));
    const file = join(root, 'content', 'messages', 'award.fr.md');
    writeFileSync(file, '---\nsubject: "{badge} : bravo {firstName} !"\n---\nVoici votre badge : {url}\n');
    const dry = await notify(root, ['--dry-run']);
    expect(dry.out).toContain('Subject: Robotique — niveau 1 : bravo Léa !');
    writeFileSync(file, '---\nsubject: Bravo\n---\nBonjour {prenom},\n{url}\n');
    const broken = await notify(root, ['--dry-run']);
    expect(broken.code).toBe(1);
    expect(broken.err).toContain(
      'content/messages/award.fr.md, line 4: the message uses {prenom}, which no message fills.',
    );
  });

  it('leaves no address in any project file but the outbox', async () => {
    const root = await awardedProject();
    const smtp = await startSmtpServer();
    servers.push(smtp);
    const outputs = [
      await notify(root, ['--dry-run']),
      await notify(root, ['--send', '--no-live-check'], smtpEnv(smtp)),
      await cli(root, ['list']),
    ];
    const text = [
      ...outputs.flatMap((o) => [o.out, o.err]),
      ...filesUnder(root).map((f) => readFileSync(join(root, f), 'utf8')),
    ]
      .join('\n')
      .toLowerCase();
    for (const email of EMAILS) expect(text).not.toContain(email);
  });
});
