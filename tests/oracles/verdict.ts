/** What an oracle concludes about one artefact, in the words the award's state uses. */
export type OracleVerdict = 'verified' | 'revoked' | 'expired' | 'invalid';

export interface OracleResult {
  readonly verdict: OracleVerdict;
  /** Why, in the library's own words (its error or the failing step), for failure messages. */
  readonly detail: string;
}
