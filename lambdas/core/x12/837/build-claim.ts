/**
 * Maps a collected 837 claim (ClaimDraft) to the canonical ClaimInput. No
 * validation: values are carried over as found (dates and amounts reformatted),
 * and missing ones are left out, for the caller's zod parse to judge.
 * Each value's origin is recorded in ctx.locations.
 */
import type { ClaimInput } from '../../claim/model.js';
import { component, element } from '../segment.js';
import type { Segment } from '../types.js';
import { warnAt, type BuildContext } from './build-context.js';
import { otherCoverages } from './build-coordination.js';
import { CLAIM_DATE_QUALIFIERS, datesOf } from './build-dates.js';
import { healthInformation } from './build-hi.js';
import { institutional } from './build-institutional.js';
import { serviceLine } from './build-lines.js';
import { billingProvider, patient, payer, payToAddress, payToPlan, subscriber } from './build-parties.js';
import type { ClaimDraft, LoopRecord } from './claim-draft.js';
import { X837_WARNING } from './codes.js';
import { address, compact, nm1Of, provider, refValue } from './entities.js';
import { money } from './values.js';

type Input = ClaimInput;

export function buildClaim(draft: ClaimDraft, ctx: BuildContext): ClaimInput {
  const { clm, kind, segments } = draft;
  const d = ctx.delimiters;
  const professional = kind === 'professional';
  ctx.taken.mark(clm);
  const clmAt = (path: string, ref: string) => ctx.locations.at(path, clm, '2300', ref);
  clmAt('claimId', 'CLM01');
  clmAt('totalCharge', 'CLM02');
  clmAt(professional ? 'placeOfService' : 'institutional.facilityTypeCode', 'CLM05-1');
  clmAt('frequencyCode', 'CLM05-3');
  clmAt('indicators', 'CLM06');
  clmAt('relatedCauses', 'CLM11');
  clmAt('delayReasonCode', 'CLM20');
  for (const [index, name] of [[12, 'CLM12'], [18, 'CLM18'], [19, 'CLM19']] as const) {
    if (element(clm, index) !== undefined) warnAt(ctx, X837_WARNING.UNMAPPED_ELEMENT, `${name} (loop 2300) is not carried by the canonical claim`, clm);
  }

  const hi = healthInformation(segments, kind, ctx);
  const party = (loop: string, code?: string): LoopRecord | undefined =>
    draft.parties.find((p) => p.loop === loop && (code === undefined || element(p.segments[0] as Segment, 1) === code));
  const providerOf = (loop: LoopRecord | undefined, path: string) => (loop ? provider(loop, ctx, path) : undefined);
  // 4010 files carried a claim-level DTP*472 for lines without their own.
  const claimDtp472 = ctx.taken.first(segments, 'DTP', '472');
  const totalCharge = element(clm, 2);

  const claim = compact({
    tenantId: ctx.tenantId,
    claimId: element(clm, 1),
    claimType: kind,
    frequencyCode: component(clm, 5, 3, d) as Input['frequencyCode'],
    payerClaimControlNumber: refValue(segments, 'F8', ctx, 'payerClaimControlNumber', '2300'),
    placeOfService: professional ? component(clm, 5, 1, d) : undefined,
    totalCharge: totalCharge === undefined ? undefined : money(totalCharge),
    priorAuthorization: refValue(segments, 'G1', ctx, 'priorAuthorization', '2300'),
    referralNumber: refValue(segments, '9F', ctx, 'referralNumber', '2300'),
    medicalRecordNumber: refValue(segments, 'EA', ctx, 'medicalRecordNumber', '2300'),
    cliaNumber: refValue(segments, 'X4', ctx, 'cliaNumber', '2300'),
    indicators: indicators(clm),
    relatedCauses: relatedCauses(clm, ctx),
    delayReasonCode: element(clm, 20) as Input['delayReasonCode'],
    dates: professional ? datesOf(segments, CLAIM_DATE_QUALIFIERS, ctx, 'dates', '2300') : undefined,
    attachments: attachments(segments, ctx),
    contract: contract(segments, ctx),
    patientPaid: patientPaid(segments, ctx),
    supplementalInfo: nonEmpty(ctx.taken.all(segments, 'K3').map((k3) => element(k3, 1) as string)),
    notes: nonEmpty(ctx.taken.all(segments, 'NTE').map((nte) => compact({ code: element(nte, 1), text: element(nte, 2) }) as NonNullable<Input['notes']>[number])),
    ambulance: professional ? ambulance(draft, ctx) : undefined,
    repricing: repricing(segments, ctx),
    billingProvider: billingProvider(draft.ancestry.billing, ctx),
    payToAddress: payToAddress(draft.ancestry.billing, ctx),
    payToPlan: payToPlan(draft.ancestry.billing, ctx),
    renderingProvider: providerOf(party(professional ? '2310B' : '2310D'), 'renderingProvider'),
    referringProvider: providerOf(party(professional ? '2310A' : '2310F', 'DN'), 'referringProvider'),
    supervisingProvider: professional ? providerOf(party('2310D'), 'supervisingProvider') : undefined,
    serviceFacility: serviceFacility(party(professional ? '2310C' : '2310E'), ctx),
    subscriber: subscriber(draft.ancestry.subscriber, ctx),
    patient: patient(draft.ancestry.patient, ctx),
    payer: payer(draft.ancestry.subscriber, ctx),
    otherCoverages: otherCoverages(draft.otherSubscribers, ctx),
    diagnoses: hi.diagnoses,
    institutional: professional ? undefined : institutional(draft, hi, ctx),
    serviceLines: draft.lines.map((line, index) => serviceLine(line, index, kind, claimDtp472, ctx)),
  });
  reportUntaken(draft, ctx);
  // Required parties may be missing from a broken file; validation reports them.
  return claim as ClaimInput;
}

function nonEmpty<T>(items: T[]): T[] | undefined {
  return items.length > 0 ? items : undefined;
}

/** CLM06-CLM10; absent elements are left to the model's defaults. */
function indicators(clm: Segment): Input['indicators'] {
  return compact({
    providerSignature: element(clm, 6),
    assignment: element(clm, 7),
    benefitsAssigned: element(clm, 8),
    releaseOfInformation: element(clm, 9),
    patientSignatureSource: element(clm, 10),
  }) as Input['indicators'];
}

/** CLM11: up to three related-cause codes, then state (-4) and country (-5). */
function relatedCauses(clm: Segment, ctx: BuildContext): Input['relatedCauses'] {
  const d = ctx.delimiters;
  const codes = [1, 2, 3].map((index) => component(clm, 11, index, d)).filter((code): code is string => code !== undefined);
  if (codes.length === 0) return undefined;
  return compact({
    codes: codes as NonNullable<Input['relatedCauses']>['codes'],
    state: component(clm, 11, 4, d),
    country: component(clm, 11, 5, d),
  });
}

/** PWK01 report type, PWK02 transmission, PWK06 control number (PWK05 AC). */
function attachments(segments: readonly Segment[], ctx: BuildContext): Input['attachments'] {
  return nonEmpty(
    ctx.taken.all(segments, 'PWK').map((pwk, index) => {
      ctx.locations.at(`attachments[${index}]`, pwk, '2300');
      return compact({ reportType: element(pwk, 1), transmission: element(pwk, 2), controlNumber: element(pwk, 6) }) as NonNullable<Input['attachments']>[number];
    }),
  );
}

function contract(segments: readonly Segment[], ctx: BuildContext): Input['contract'] {
  const cn1 = ctx.taken.first(segments, 'CN1');
  if (!cn1) return undefined;
  ctx.locations.at('contract', cn1, '2300');
  const amount = element(cn1, 2);
  return compact({
    typeCode: element(cn1, 1),
    amount: amount === undefined ? undefined : money(amount),
    percent: element(cn1, 3),
    code: element(cn1, 4),
    termsDiscountPercent: element(cn1, 5),
    version: element(cn1, 6),
  }) as Input['contract'];
}

function patientPaid(segments: readonly Segment[], ctx: BuildContext): string | undefined {
  const amt = ctx.taken.first(segments, 'AMT', 'F5');
  if (!amt) return undefined;
  ctx.locations.at('patientPaid', amt, '2300', 'AMT02');
  const value = element(amt, 2);
  return value === undefined ? undefined : money(value);
}

/** HCP01-HCP06 claim repricing. */
function repricing(segments: readonly Segment[], ctx: BuildContext): Input['repricing'] {
  const hcp = ctx.taken.first(segments, 'HCP');
  if (!hcp) return undefined;
  ctx.locations.at('repricing', hcp, '2300');
  const amount = (index: number) => {
    const value = element(hcp, index);
    return value === undefined ? undefined : money(value);
  };
  for (let index = 7; index <= 15; index++) {
    if (element(hcp, index) !== undefined) {
      warnAt(ctx, X837_WARNING.UNMAPPED_ELEMENT, `HCP${String(index).padStart(2, '0')} (loop 2300) is not carried by the canonical claim`, hcp);
    }
  }
  return compact({
    pricingMethodology: element(hcp, 1),
    allowedAmount: amount(2),
    savingsAmount: amount(3),
    organizationId: element(hcp, 4),
    rate: element(hcp, 5),
    drgCode: element(hcp, 6),
  }) as Input['repricing'];
}

function serviceFacility(loop: LoopRecord | undefined, ctx: BuildContext): Input['serviceFacility'] {
  if (!loop) return undefined;
  const nm1 = nm1Of(loop, ctx);
  ctx.locations.at('serviceFacility', nm1, loop.loop);
  return compact({
    name: element(nm1, 3),
    npi: element(nm1, 8) === 'XX' ? element(nm1, 9) : undefined,
    address: address(loop, ctx, 'serviceFacility.address'),
  }) as Input['serviceFacility'];
}

/** CR1, CRC*07 and the 2310E pick-up / 2310F drop-off locations of an 837P ambulance claim. */
function ambulance(draft: ClaimDraft, ctx: BuildContext): Input['ambulance'] {
  const { segments } = draft;
  const cr1 = ctx.taken.first(segments, 'CR1');
  const crcs = ctx.taken.all(segments, 'CRC', '07');
  const pickup = draft.parties.find((p) => p.loop === '2310E');
  const dropoff = draft.parties.find((p) => p.loop === '2310F');
  if (!cr1 && crcs.length === 0 && !pickup && !dropoff) return undefined;
  if (cr1) ctx.locations.at('ambulance', cr1, '2300');
  const weight = cr1 ? element(cr1, 2) : undefined;
  const certifications = crcs.map((crc) =>
    compact({
      conditionIndicator: element(crc, 2),
      conditionCodes: [3, 4, 5, 6, 7].map((index) => element(crc, index)).filter((code): code is string => code !== undefined),
    }),
  );
  const dropoffNm1 = dropoff ? nm1Of(dropoff, ctx) : undefined;
  if (pickup) nm1Of(pickup, ctx);
  return compact({
    weightPounds: weight === undefined ? undefined : /^\d+$/.test(weight) ? Number(weight) : (weight as unknown as number),
    transportReason: cr1 ? element(cr1, 4) : undefined,
    distanceMiles: cr1 ? element(cr1, 6) : undefined,
    roundTripPurpose: cr1 ? element(cr1, 9) : undefined,
    stretcherPurpose: cr1 ? element(cr1, 10) : undefined,
    certifications: nonEmpty(certifications),
    pickup: pickup ? address(pickup, ctx, 'ambulance.pickup') : undefined,
    dropoff: dropoff
      ? compact({ name: dropoffNm1 ? element(dropoffNm1, 3) : undefined, address: address(dropoff, ctx, 'ambulance.dropoff.address') })
      : undefined,
  }) as Input['ambulance'];
}

/** Every segment of the claim's own loops that no builder mapped: one warning each. */
export function reportUntaken(draft: ClaimDraft, ctx: BuildContext): void {
  const report = (segments: readonly Segment[], loop: string) => {
    for (const segment of segments) {
      if (ctx.taken.has(segment)) continue;
      ctx.taken.mark(segment);
      const qualifier = element(segment, 1);
      const what = ['REF', 'DTP', 'AMT', 'CRC', 'NM1', 'LIN'].includes(segment.id) && qualifier && /^[A-Z0-9]{1,3}$/.test(qualifier) ? `${segment.id}*${qualifier}` : segment.id;
      warnAt(ctx, X837_WARNING.UNMAPPED_SEGMENT, `${what} (loop ${loop}) is not carried by the canonical claim`, segment);
    }
  };
  report(draft.segments, '2300');
  for (const party of draft.parties) report(party.segments, party.loop);
  for (const other of draft.otherSubscribers) {
    report([other.sbr, ...other.segments], '2320');
    for (const party of other.parties) report(party.segments, party.loop);
  }
  for (const line of draft.lines) {
    report(line.segments, '2400');
    if (line.drug) report(line.drug.segments, '2410');
    for (const party of line.parties) report(party.segments, party.loop);
    for (const adjudication of line.adjudications) report(adjudication.segments, adjudication.loop);
  }
}

