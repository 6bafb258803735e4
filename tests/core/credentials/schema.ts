/**
 * The official OB 3.0 AchievementCredential JSON schema (draft 2019-09), as the verifier compiles it
 * (src/core/verify/ob3-schema.ts): one compiled schema for the tests and the verifier.
 */
import { achievementCredentialErrors } from '../../../src/core/verify/ob3-schema.ts';

/** Schema errors as short strings (empty when valid), so a failing test shows what is wrong. */
export function schemaErrors(document: unknown): string[] {
  return achievementCredentialErrors(document).map((error) => error.message);
}
