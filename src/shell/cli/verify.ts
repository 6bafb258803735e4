/**
 * `badges verify <file|url> [--email <address>] [--json] [--site-dir <dir>]`: verifies a baked image, a
 * credential or assertion file, or a URL, with the same verifier as the build and the verify page.
 * Exit codes: 0 verified (and, with --email, issued to that address), 1 not, 2 usage error.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createPinnedResolver } from '../../core/endorsements/pinned.ts';
import { type Message, say } from '../../core/messages/catalogue.ts';
import { toSiteLocation, urlsFor } from '../../core/urls.ts';
import { type Resolver, type VerifyInput, verifyBadge } from '../../core/verify/index.ts';
import { loadPinnedDocuments, today } from '../content.ts';
import { fetchFailed, formatReport, formatSummary, reportUrls } from '../verify/format.ts';
import { createHttpResolver } from '../verify/http.ts';
import { createSiteDirResolver, loadSiteRoot } from '../verify/site-dir.ts';
import { type CliContext, t } from './context.ts';

/** The command's help, in the context's language. */
const verifyUsage = (context: CliContext) => t(context)('help.verify');

interface VerifyArgs {
  readonly target: string;
  readonly email?: string;
  readonly json: boolean;
  readonly verbose: boolean;
  readonly siteDir?: string;
}

function parseArgs(args: readonly string[]): VerifyArgs | Message {
  const positional: string[] = [];
  let email: string | undefined;
  let siteDir: string | undefined;
  let json = false;
  let verbose = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const value = () => inline ?? args[++i];
    if (flag === '--json') json = true;
    else if (flag === '--verbose') verbose = true;
    else if (flag === '--email' || flag === '--site-dir') {
      const given = value();
      if (given === undefined || given === '' || given.startsWith('--'))
        return say('merge.needsValue', { flag });
      if (flag === '--email') email = given;
      else siteDir = given;
    } else if (arg.startsWith('--')) return say('merge.unknownOption', { option: arg });
    else positional.push(arg);
  }
  if (positional.length !== 1) {
    return positional.length === 0
      ? say('verify.noTarget')
      : say('verify.manyTargets', { count: positional.length });
  }
  return {
    target: positional[0] ?? '',
    json,
    verbose,
    ...(email !== undefined && { email }),
    ...(siteDir !== undefined && { siteDir }),
  };
}

/** The verification instant: now, or the start of INSIGNE_TODAY when it pins the day. */
function verificationInstant(env: NodeJS.ProcessEnv = process.env): Date {
  return env.INSIGNE_TODAY ? new Date(`${today(env)}T00:00:00Z`) : new Date();
}

export async function runVerify(args: string[], context: CliContext): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    context.out.write(verifyUsage(context));
    return 0;
  }
  const tr = t(context);
  const parsed = parseArgs(args);
  if ('id' in parsed) {
    context.err.write(`${tr('text.verbatim', { text: parsed })}\n\n${verifyUsage(context)}`);
    return 2;
  }
  let resolver: Resolver = createHttpResolver();
  if (parsed.siteDir !== undefined) {
    try {
      // The built site's own files, and the did:web endorsers' documents the build checked them with.
      resolver = createPinnedResolver(
        loadPinnedDocuments(context.cwd),
        createSiteDirResolver(resolve(context.cwd, parsed.siteDir), await loadSiteRoot(context.cwd)),
      );
    } catch (error) {
      context.err.write(
        `${tr('verify.siteDirNeedsUrl', { reason: error instanceof Error ? error.message : String(error) })}\n`,
      );
      return 2;
    }
  }
  let input: VerifyInput;
  if (/^https?:\/\//i.test(parsed.target)) input = { url: parsed.target };
  else {
    try {
      input = { bytes: new Uint8Array(await readFile(resolve(context.cwd, parsed.target))) };
    } catch {
      context.err.write(`${tr('verify.cannotRead', { file: parsed.target })}\n\n${verifyUsage(context)}`);
      return 2;
    }
  }
  const report = await verifyBadge(input, {
    resolver,
    now: verificationInstant(context.env),
    ...(parsed.email !== undefined && { email: parsed.email }),
  });
  context.out.write(
    parsed.json
      ? `${JSON.stringify(report, null, 2)}\n`
      : parsed.verbose
        ? formatReport(report, parsed.email, context.language)
        : formatSummary(report, {
            ...(context.language !== undefined && { language: context.language }),
            ...(parsed.email !== undefined && { email: parsed.email }),
            ...(parsed.siteDir === undefined && { hint: await siteDirHint(report, parsed.target, context) }),
          }),
  );
  const recipientOk = parsed.email === undefined || report.recipient === 'match';
  return report.verdict === 'verified' && recipientOk ? 0 : 1;
}

/**
 * When a document could not be fetched and the badge belongs to this project's own site, the site is
 * probably not deployed yet (or not at that address): say so, and how to check against the built folder.
 */
export async function siteDirHint(
  report: Awaited<ReturnType<typeof verifyBadge>>,
  target: string,
  context: CliContext,
): Promise<string | undefined> {
  if (!fetchFailed(report)) return undefined;
  let siteRoot: string;
  try {
    siteRoot = await loadSiteRoot(context.cwd);
  } catch {
    return undefined;
  }
  // This site's issuers, as the URL authority spells their DIDs: host and base, not the host alone.
  const { origin, pathname } = new URL(siteRoot);
  const ownDid = urlsFor(toSiteLocation(origin, pathname)).issuerDid('');
  const ours = [target, ...reportUrls(report)].some(
    (url) => url.startsWith(siteRoot) || url.startsWith(ownDid),
  );
  if (!ours) return undefined;
  return t(context)('verify.notDeployed', { site: siteRoot, target });
}
