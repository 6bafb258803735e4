/**
 * The family look: every badge of one issuer shares the template, the issuer line and a decorative ring
 * pattern derived from the issuer's name, so a collection reads as one set while each badge keeps its own
 * shape, palette and icon.
 */

export interface IssuerFamily {
  /** SVG `stroke-dasharray` of the decorative ring, in design units. */
  readonly ringDash: string;
  /** Width of the decorative ring, in design units. */
  readonly ringWidth: number;
}

const RING_STYLES: readonly IssuerFamily[] = [
  { ringDash: '2 7', ringWidth: 3 },
  { ringDash: '12 6', ringWidth: 2 },
  { ringDash: '0.1 8', ringWidth: 4 },
  { ringDash: '16 5 2 5', ringWidth: 2 },
  { ringDash: '6 6', ringWidth: 2.5 },
  { ringDash: 'none', ringWidth: 2 },
];

/** The issuer's family style: a pure function of the name (FNV-1a hash), stable across builds. */
export function issuerFamily(issuerName: string): IssuerFamily {
  let hash = 0x811c9dc5;
  for (const char of issuerName.normalize('NFC')) {
    hash ^= char.codePointAt(0) as number;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return RING_STYLES[hash % RING_STYLES.length] as IssuerFamily;
}
