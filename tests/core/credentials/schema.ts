/** The official OB 3.0 AchievementCredential JSON schema (draft 2019-09), compiled once for the tests. */
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import schema from '../../../src/core/credentials/schemas/ob_v3p0_achievementcredential_schema.json' with {
  type: 'json',
};

const ajv = new Ajv2019({ allErrors: true, strict: false });
addFormats(ajv);

export const validateAchievementCredential = ajv.compile(schema);

/** Schema errors as short strings (empty when valid), so a failing test shows what is wrong. */
export function schemaErrors(document: unknown): string[] {
  return validateAchievementCredential(document)
    ? []
    : (validateAchievementCredential.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}
