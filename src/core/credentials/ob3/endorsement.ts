/**
 * Where endorsements go in the documents Insigne signs (OB 3.0 §Achievement, §Profile,
 * §AchievementCredential: `endorsement`): each endorser's signed EndorsementCredential, unchanged, so its
 * own proof still covers it.
 */
import type { EmbeddedEndorsement } from './types.ts';

/** The `endorsement` member of a document whose subject has endorsements (omitted when it has none). */
export function endorsementsMember(of: {
  readonly endorsements?: readonly { readonly document: Readonly<Record<string, unknown>> }[];
}): { readonly endorsement?: readonly EmbeddedEndorsement[] } {
  const list = of.endorsements ?? [];
  return list.length === 0 ? {} : { endorsement: list.map((e) => e.document as EmbeddedEndorsement) };
}
