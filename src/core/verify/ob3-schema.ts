/**
 * The official OB 3.0 AchievementCredential and EndorsementCredential JSON schemas (draft 2019-09),
 * compiled with Ajv. Loaded only
 * through a dynamic import (see structure.ts): the schema and Ajv are about 150 KB the verify page fetches
 * only when it checks an OB 3.0 credential. Ajv compiles the schema into a function at run time, which
 * needs `new Function`: fine in Node and on a static host without a Content-Security-Policy.
 */
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import schema from '../credentials/schemas/ob_v3p0_achievementcredential_schema.json' with { type: 'json' };
import endorsementSchema from '../credentials/schemas/ob_v3p0_endorsementcredential_schema.json' with {
  type: 'json',
};

export interface SchemaError {
  readonly pointer: string;
  readonly message: string;
}

const ajv = new Ajv2019({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);
const validateEndorsement = ajv.compile(endorsementSchema);

/** The schema errors of `document` (empty when it is valid). */
export function achievementCredentialErrors(document: unknown): SchemaError[] {
  return errorsOf(validate, document);
}

/** The errors of `document` against the official EndorsementCredential schema (empty when it is valid). */
export function endorsementCredentialErrors(document: unknown): SchemaError[] {
  return errorsOf(validateEndorsement, document);
}

function errorsOf(check: typeof validate, document: unknown): SchemaError[] {
  if (check(document)) return [];
  return (check.errors ?? []).map((error) => ({
    pointer: error.instancePath,
    message: `${error.instancePath || '(root)'} ${error.message ?? 'is invalid'}${
      error.keyword === 'additionalProperties'
        ? ` (${String((error.params as { additionalProperty?: unknown }).additionalProperty)})`
        : ''
    }`,
  }));
}
