/**
 * `badges upload [<dir>] --s3 <endpoint> --bucket <name> [--prefix <folder>] [--region <r>] [--dry-run]`:
 * a built site (default `dist`) to an S3-compatible bucket behind a CDN, every object with the content
 * type and cache lifetime verifiers and browsers need (core/deploy/object-headers.ts). Credentials come
 * from the usual AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN, AWS_REGION), never
 * from the command line, and are never printed. Exit codes: 0 uploaded, 1 refused or failed, 2 usage.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Message, say } from '../../core/messages/catalogue.ts';
import { assertDeployable, planUpload, UploadRefused, uploadSite } from '../deploy/s3-upload.ts';
import { parseOptions } from './authoring.ts';
import { type CliContext, t } from './context.ts';

interface UploadArgs {
  readonly dir: string;
  readonly endpoint?: string;
  readonly bucket?: string;
  readonly prefix: string;
  readonly region?: string;
  readonly parallel: number;
  readonly dryRun: boolean;
}

const UPLOAD_OPTIONS = {
  s3: { type: 'string' },
  bucket: { type: 'string' },
  prefix: { type: 'string' },
  region: { type: 'string' },
  parallel: { type: 'string' },
  'dry-run': { type: 'boolean' },
} as const;

/** The options once they parse: an endpoint and a bucket unless it is a dry run, a sane parallelism. */
function uploadArgs(options: {
  values: { [K in keyof typeof UPLOAD_OPTIONS]?: string | boolean };
  positionals: string[];
}): UploadArgs | Message {
  const text = (name: keyof typeof UPLOAD_OPTIONS) => {
    const value = options.values[name];
    return typeof value === 'string' ? value : undefined;
  };
  const positional = options.positionals;
  const dryRun = options.values['dry-run'] === true;
  // An empty prefix is the bucket root (what an unset CI variable gives); other options need a value.
  for (const name of ['s3', 'bucket', 'region', 'parallel'] as const)
    if (text(name) === '') return say('merge.needsValue', { flag: `--${name}` });
  if (positional.length > 1) return say('upload.oneFolder', { count: positional.length });
  const endpoint = text('s3');
  if (!dryRun && endpoint === undefined) return say('upload.noEndpoint');
  if (endpoint !== undefined && !/^https?:\/\/[^\s/]+/.test(endpoint))
    return say('upload.badEndpoint', { value: endpoint.slice(0, 40) });
  const bucket = text('bucket');
  if (!dryRun && bucket === undefined) return say('upload.noBucket');
  const parallel = Number(text('parallel') ?? 8);
  if (!Number.isInteger(parallel) || parallel < 1 || parallel > 64) return say('upload.badParallel');
  const region = text('region');
  return {
    dir: positional[0] ?? 'dist',
    ...(endpoint !== undefined ? { endpoint } : {}),
    ...(bucket !== undefined ? { bucket } : {}),
    ...(region !== undefined ? { region } : {}),
    prefix: (text('prefix') ?? '').replace(/^\/+|\/+$/g, ''),
    parallel,
    dryRun,
  };
}

export async function runUpload(args: string[], context: CliContext): Promise<number> {
  const tr = t(context);
  const options = parseOptions(args, UPLOAD_OPTIONS, tr('help.upload'), context);
  if ('exit' in options) return options.exit;
  const parsed = uploadArgs(options);
  if ('id' in parsed) {
    context.err.write(`${tr('text.verbatim', { text: parsed })}\n\n${tr('help.upload')}`);
    return 2;
  }
  const dir = resolve(context.cwd, parsed.dir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    context.err.write(`${tr('upload.notFolder', { dir: parsed.dir })}\n`);
    return 1;
  }
  try {
    assertDeployable(dir);
  } catch (error) {
    if (!(error instanceof UploadRefused)) throw error;
    context.err.write(`✖ ${tr('text.verbatim', { text: error.says })}\n`);
    return 1;
  }
  const objects = planUpload(dir, parsed.prefix);
  if (parsed.dryRun) {
    for (const object of objects)
      context.out.write(`${object.key}\t${object.contentType}\t${object.cacheControl}\n`);
    context.out.write(`${tr('upload.dryRun', { count: objects.length })}\n`);
    return 0;
  }
  const env = context.env ?? process.env;
  const accessKeyId = env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey) {
    context.err.write(`${tr('upload.noCredentials')}\n`);
    return 1;
  }
  const report = await uploadSite(
    dir,
    {
      endpoint: parsed.endpoint as string,
      bucket: parsed.bucket as string,
      prefix: parsed.prefix,
      region: parsed.region || env.AWS_REGION || 'us-east-1',
      accessKeyId,
      secretAccessKey,
      ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
    },
    objects,
    parsed.parallel,
  );
  if (report.failures.length > 0) {
    context.err.write(
      `${tr('upload.failures', { count: report.failures.length, uploaded: report.uploaded })}\n${report.failures.map((f) => `  ${tr('text.verbatim', { text: f })}`).join('\n')}\n${tr('upload.again')}\n`,
    );
    return 1;
  }
  context.out.write(
    `${tr('upload.done', {
      count: report.uploaded,
      megabytes: (report.bytes / 1e6).toFixed(1),
      target: `${parsed.bucket}${parsed.prefix ? `/${parsed.prefix}` : ''}`,
    })}\n`,
  );
  return 0;
}
