/**
 * The award file `badges award` writes: the fields of the award schema in the order people read them,
 * the recipient as a display name plus a salted hash (never the email), and the file's place in
 * `content/awards/<year>/<id>.yaml`.
 */
import { stringify } from 'yaml';
import type { AwardInput } from '../content/schemas.ts';

/** Everything an award file holds, already checked: hashing happened before (the email is not here). */
export interface AwardFileFields {
  readonly id: string;
  readonly badge: string;
  readonly name: string;
  readonly identity: string;
  readonly salt: string;
  readonly issuedOn: string;
  readonly expires?: string;
  readonly evidence?: string;
  readonly narrative?: string;
  readonly listed: boolean;
  readonly statusIndex: number;
}

/** The award as the content schema reads it (AwardInput), in a stable field order. */
export function toAwardDocument(fields: AwardFileFields): AwardInput {
  return {
    badge: fields.badge,
    recipient: { name: fields.name, identity: fields.identity, salt: fields.salt },
    issuedOn: fields.issuedOn,
    ...(fields.expires ? { expires: fields.expires } : {}),
    ...(fields.evidence ? { evidence: [{ url: fields.evidence }] } : {}),
    ...(fields.narrative ? { narrative: fields.narrative } : {}),
    listed: fields.listed,
    statusIndex: fields.statusIndex,
  };
}

/** The YAML text of an award file. */
export function toAwardYaml(fields: AwardFileFields): string {
  return stringify(toAwardDocument(fields), { lineWidth: 0 });
}

/** Path of an award file relative to the project root: filed by year of issue. */
export function awardFilePath(id: string, issuedOn: string): string {
  return `content/awards/${issuedOn.slice(0, 4)}/${id}.yaml`;
}
