/**
 * Outgoing links of the award page: "Add to LinkedIn" (the certification form), LinkedIn's share dialog,
 * and the one rule every link obeys: only http(s) and mailto URLs become links (never `javascript:` or
 * `data:`), whatever the content says.
 */
import type { Award, Badge, Issuer } from '../model/types.ts';

/** An href that is safe to emit, or undefined: only absolute http(s) and mailto URLs pass. */
export function safeHref(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' || url.protocol === 'mailto:'
      ? url.href
      : undefined;
  } catch {
    return undefined;
  }
}

/** The fields LinkedIn's "Add license or certification" form takes, also shown as copyable text. */
export interface LinkedInCertification {
  readonly name: string;
  readonly organizationId?: string;
  readonly organizationName?: string;
  readonly issueYear: number;
  readonly issueMonth: number;
  readonly expirationYear?: number;
  readonly expirationMonth?: number;
  readonly certUrl: string;
  readonly certId: string;
}

/** The certification fields of an award: organizationId when the issuer has one, else its name. */
export function toLinkedInCertification(
  award: Pick<Award, 'id' | 'issuedOn'>,
  badge: Badge,
  issuer: Issuer,
  pageUrl: string,
  expires: string | undefined,
): LinkedInCertification {
  const [issueYear, issueMonth] = award.issuedOn.split('-').map(Number) as [number, number];
  const expiry = expires?.split('-').map(Number);
  return {
    name: badge.name,
    ...(issuer.linkedinOrganizationId
      ? { organizationId: issuer.linkedinOrganizationId }
      : { organizationName: issuer.name }),
    issueYear,
    issueMonth,
    ...(expiry ? { expirationYear: expiry[0] as number, expirationMonth: expiry[1] as number } : {}),
    certUrl: pageUrl,
    certId: award.id,
  };
}

/** `https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&…` (LinkedIn's Add to Profile). */
export function linkedInAddUrl(cert: LinkedInCertification): string {
  const params = new URLSearchParams({ startTask: 'CERTIFICATION_NAME', name: cert.name });
  if (cert.organizationId) params.set('organizationId', cert.organizationId);
  if (cert.organizationName) params.set('organizationName', cert.organizationName);
  params.set('issueYear', String(cert.issueYear));
  params.set('issueMonth', String(cert.issueMonth));
  if (cert.expirationYear !== undefined) params.set('expirationYear', String(cert.expirationYear));
  if (cert.expirationMonth !== undefined) params.set('expirationMonth', String(cert.expirationMonth));
  params.set('certUrl', cert.certUrl);
  params.set('certId', cert.certId);
  return `https://www.linkedin.com/profile/add?${params.toString()}`;
}

/** LinkedIn's share dialog for a page: the URL only (LinkedIn reads the page's Open Graph tags). */
export function linkedInShareUrl(pageUrl: string): string {
  return `https://www.linkedin.com/sharing/share-offsite/?url=${encodeURIComponent(pageUrl)}`;
}
