/**
 * What an 837 can carry of a canonical claim, as a canonical claim: the
 * round-trip tests compare `asCarried(input)` with `asCarried(read back)`.
 *
 * - text is what X12 keeps (sanitise: ASCII, delimiters removed, spaces
 *   collapsed); names and address parts are also upper-cased (NM1, N3, N4);
 * - money is compared in cents, quantities without insignificant zeros;
 * - the writers' documented omissions are applied to the input: a rendering
 *   provider with the billing NPI (no 2310B), a line place of service equal
 *   to the claim's (no SV105), a one-day range (D8), a line rendering
 *   provider equal to the claim's; provider loops without N3/N4/PRV in the
 *   guide lose the address/taxonomy; subscriber N3/N4/DMG are sent only when
 *   the patient is the subscriber.
 */
import type { Claim } from '../../../../lambdas/core/claim/model.js';
import { toCents } from '../../../../lambdas/core/money.js';
import type { Delimiters } from '../../../../lambdas/core/x12/types.js';
import { resolveDelimiters, sanitise } from '../../../../lambdas/core/x12/writer.js';

const UPPER_KEYS = new Set(['text', 'description', 'groupName', 'roundTripPurpose', 'stretcherPurpose', 'supplementalInfo', 'last', 'first', 'middle', 'suffix', 'lastOrOrganizationName', 'firstName', 'middleName', 'line1', 'line2', 'city', 'name']);
const MONEY_KEYS = new Set(['charge', 'totalCharge', 'nonCoveredCharge', 'patientPaid', 'allowedAmount', 'savingsAmount']);
const QUANTITY_KEYS = new Set(['units', 'quantity', 'distanceMiles', 'percent', 'termsDiscountPercent', 'rate']);

function quantity(value: string): string {
  const [whole = '0', fraction = ''] = value.split('.');
  const trimmed = fraction.replace(/0+$/, '');
  return `${whole.replace(/^0+(?=\d)/, '')}${trimmed ? `.${trimmed}` : ''}`;
}

function canonicalValue(key: string, value: unknown, d: Required<Delimiters>, parentKey: string): unknown {
  if (typeof value === 'string') {
    if (MONEY_KEYS.has(key) || (key === 'amount' && parentKey !== 'values')) return String(toCents(value));
    if (key === 'amount') return String(toCents(value)); // HI*BE value amounts
    if (QUANTITY_KEYS.has(key)) return quantity(value);
    const kept = sanitise(value, d, { upper: UPPER_KEYS.has(key) });
    return kept === '' ? undefined : kept;
  }
  if (Array.isArray(value)) return value.map((item) => canonicalValue(key, item, d, key));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const c = canonicalValue(k, v, d, key);
      if (c !== undefined) out[k] = c;
    }
    return out;
  }
  return value;
}

/** Text, money and quantities as X12 carries them, on any claim (input or read back). */
export function canonical(claim: Claim, delimiters: Partial<Delimiters> = {}): Record<string, unknown> {
  return canonicalValue('', structurallyCarried(claim), resolveDelimiters(delimiters), '') as Record<string, unknown>;
}

function dropAddressAndTaxonomy<T extends { address?: unknown; taxonomy?: unknown } | undefined>(provider: T, keepTaxonomy: boolean): T {
  if (!provider) return provider;
  const { address: _address, taxonomy, ...rest } = provider;
  return (keepTaxonomy && taxonomy !== undefined ? { ...rest, taxonomy } : rest) as T;
}

/** The writers' documented omissions, applied to a claim (idempotent on a claim read back). */
function structurallyCarried(input: Claim): Claim {
  const claim = structuredClone(input);
  const professional = claim.claimType === 'professional';
  claim.totalCharge = String(claim.serviceLines.reduce((sum, line) => sum + toCents(line.charge), 0) / 100);
  // 837P: no 2310B for the billing provider's NPI; 837I: no 2310D for the attending provider's NPI.
  const impliedRendering = professional ? claim.billingProvider.npi : claim.institutional?.attendingProvider?.npi;
  const lineRenderingDefault = claim.renderingProvider?.npi ?? (professional ? claim.billingProvider.npi : undefined);
  if (claim.renderingProvider && claim.renderingProvider.npi === impliedRendering) delete claim.renderingProvider;
  // 837I provider loops other than 2310A attending carry no PRV.
  claim.renderingProvider = dropAddressAndTaxonomy(claim.renderingProvider, professional);
  claim.referringProvider = dropAddressAndTaxonomy(claim.referringProvider, false);
  claim.supervisingProvider = dropAddressAndTaxonomy(claim.supervisingProvider, false);
  if (claim.institutional) {
    const inst = claim.institutional;
    inst.attendingProvider = dropAddressAndTaxonomy(inst.attendingProvider, true);
    inst.operatingProvider = dropAddressAndTaxonomy(inst.operatingProvider, false);
    inst.otherOperatingProvider = dropAddressAndTaxonomy(inst.otherOperatingProvider, false);
  }
  for (const key of ['renderingProvider', 'referringProvider', 'supervisingProvider'] as const) if (claim[key] === undefined) delete claim[key];
  if (claim.patient) {
    delete claim.subscriber.address;
    delete claim.subscriber.birthDate;
    delete claim.subscriber.sex;
  }
  if (claim.frequencyCode !== '7' && claim.frequencyCode !== '8') delete claim.payerClaimControlNumber;
  for (const line of claim.serviceLines) {
    if (line.placeOfService !== undefined && line.placeOfService === claim.placeOfService) delete line.placeOfService;
    if (line.serviceDateEnd !== undefined && line.serviceDateEnd === line.serviceDate) delete line.serviceDateEnd;
    if (line.renderingProvider) {
      if (line.renderingProvider.npi === lineRenderingDefault) delete line.renderingProvider;
      else line.renderingProvider = dropAddressAndTaxonomy(line.renderingProvider, professional);
    }
    // SV109 carries only Y.
    if (line.emergency === false) delete line.emergency;
    if (line.dates && Object.keys(line.dates).length === 0) delete line.dates;
  }
  if (claim.dates && Object.keys(claim.dates).length === 0) delete claim.dates;
  // SBR04 only when there is no SBR03 (the guide says not to send both).
  if (claim.subscriber.groupNumber !== undefined) delete claim.subscriber.groupName;
  // 2010BA REF order of the guide: SY before Y4.
  claim.subscriber.secondaryIds?.sort((a, b) => a.qualifier.localeCompare(b.qualifier));
  // POA "1" (exempt) is sent as an empty HI composite element 9.
  for (const dx of [...claim.diagnoses, ...(claim.institutional?.externalCauses ?? [])]) if (dx.presentOnAdmission === '1') delete dx.presentOnAdmission;
  return claim;
}
