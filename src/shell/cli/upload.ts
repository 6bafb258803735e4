/**
 * `badges upload [<dir>] --s3 <endpoint> --bucket <name> [--prefix <folder>] [--region <r>] [--dry-run]`:
 * a built site (default `dist`) to an S3-compatible bucket behind a CDN, every object with the content
 * type and cache lifetime verifiers and browsers need (core/deploy/object-headers.ts). Credentials come
 * from the usual AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN, AWS_REGION), never
 * from the command line, and are never printed. Exit codes: 0 uploaded, 1 refused or failed, 2 usage.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { assertDeployable, planUpload, UploadRefused, uploadSite } from '../deploy/s3-upload.ts';
import type { CliContext } from './context.ts';

export const UPLOAD_USAGE = `Usage: npm run badges -- upload [<dir>] --s3 <endpoint> --bucket <name> [options]
  <dir>              The built site (default: dist). A preview build or a shard is refused.
  --s3 <endpoint>    The S3 API address: https://s3.<region>.amazonaws.com, https://<account>.r2.cloudflarestorage.com,
                     or your MinIO's, e.g. https://minio.my-school.example.
  --bucket <name>    The bucket the CDN serves.
  --prefix <folder>  A folder in the bucket (the site's base path, e.g. badges); default: the bucket root.
  --region <region>  The signing region (default: AWS_REGION, else us-east-1; R2 accepts auto).
  --parallel <n>     Uploads at once (default 8).
  --dry-run          List each object with its Content-Type and Cache-Control; upload nothing.
Credentials: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN) from the environment.
Objects are written, never deleted: every published URL must keep answering (docs/deploy.md).
`;

interface UploadArgs {
  readonly dir: string;
  readonly endpoint?: string;
  readonly bucket?: string;
  readonly prefix: string;
  readonly region?: string;
  readonly parallel: number;
  readonly dryRun: boolean;
}

const VALUED = new Set(['--s3', '--bucket', '--prefix', '--region', '--parallel']);

function parseArgs(args: readonly string[]): UploadArgs | string {
  const positional: string[] = [];
  const values = new Map<string, string>();
  let dryRun = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    if (flag === '--dry-run') dryRun = true;
    else if (VALUED.has(flag)) {
      const given = inline ?? args[++i];
      // An empty prefix is the bucket root (what an unset CI variable gives).
      const empty = given === '' && flag === '--prefix';
      if (given === undefined || (given === '' && !empty) || given.startsWith('--'))
        return `${flag} needs a value.`;
      values.set(flag, given);
    } else if (arg.startsWith('--')) return `Unknown option ${arg}.`;
    else positional.push(arg);
  }
  if (positional.length > 1) return `Give one site folder, not ${positional.length}.`;
  const endpoint = values.get('--s3');
  if (!dryRun && endpoint === undefined) return 'Say where to upload with --s3 <endpoint>.';
  if (endpoint !== undefined && !/^https?:\/\/[^\s/]+/.test(endpoint))
    return `--s3 takes the address of the S3 API, such as https://s3.eu-west-3.amazonaws.com, not "${endpoint.slice(0, 40)}".`;
  const bucket = values.get('--bucket');
  if (!dryRun && bucket === undefined) return 'Say which bucket with --bucket <name>.';
  const parallel = Number(values.get('--parallel') ?? 8);
  if (!Number.isInteger(parallel) || parallel < 1 || parallel > 64)
    return '--parallel takes a number from 1 to 64.';
  const region = values.get('--region');
  return {
    dir: positional[0] ?? 'dist',
    ...(endpoint !== undefined ? { endpoint } : {}),
    ...(bucket !== undefined ? { bucket } : {}),
    ...(region !== undefined ? { region } : {}),
    prefix: (values.get('--prefix') ?? '').replace(/^\/+|\/+$/g, ''),
    parallel,
    dryRun,
  };
}

export async function runUpload(args: string[], context: CliContext): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    context.out.write(UPLOAD_USAGE);
    return 0;
  }
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    context.err.write(`${parsed}\n\n${UPLOAD_USAGE}`);
    return 2;
  }
  const dir = resolve(context.cwd, parsed.dir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    context.err.write(
      `✖ ${parsed.dir} is not a folder: build the site first (npm run build). Nothing was uploaded.\n`,
    );
    return 1;
  }
  try {
    assertDeployable(dir);
  } catch (error) {
    if (!(error instanceof UploadRefused)) throw error;
    context.err.write(`✖ ${error.message}\n`);
    return 1;
  }
  const objects = planUpload(dir, parsed.prefix);
  if (parsed.dryRun) {
    for (const object of objects)
      context.out.write(`${object.key}\t${object.contentType}\t${object.cacheControl}\n`);
    context.out.write(`${objects.length} objects would be uploaded; nothing was.\n`);
    return 0;
  }
  const env = context.env ?? process.env;
  const accessKeyId = env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey) {
    context.err.write(
      '✖ Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (an access key allowed to write to the bucket) in the environment. Nothing was uploaded.\n',
    );
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
      `✖ ${report.failures.length} object(s) could not be uploaded (${report.uploaded} were); the upload stopped:\n${report.failures.map((f) => `  ${f}`).join('\n')}\n` +
        'Run the same command again once the cause is fixed: uploading is safe to repeat.\n',
    );
    return 1;
  }
  context.out.write(
    `✔ Uploaded ${report.uploaded} objects (${(report.bytes / 1e6).toFixed(1)} MB) to ${parsed.bucket}${parsed.prefix ? `/${parsed.prefix}` : ''}, each with its content type and cache lifetime.\n`,
  );
  return 0;
}
