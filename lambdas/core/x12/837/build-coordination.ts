/**
 * Coordination of benefits read back into the canonical claim: each 2320
 * (SBR, CAS, AMT*D/A8/EAF, OI, MIA, MOA) with its 2330A other subscriber and
 * 2330B other payer becomes an otherCoverages entry; each 2430 (SVD, CAS,
 * DTP*573, AMT*EAF) a line adjudication. Values are carried over as found
 * (amounts as money, dates as ISO dates) for the caller's zod parse to
 * judge; each one's origin is recorded in ctx.locations.
 */
import type { ClaimInput } from '../../claim/model.js';
import { component, element } from '../segment.js';
import type { Segment } from '../types.js';
import type { BuildContext } from './build-context.js';
import type { LineDraft, LoopRecord, OtherSubscriberDraft } from './claim-draft.js';
import { address, compact, nm1Of, personName, refValue } from './entities.js';
import { isoDate, money } from './values.js';

type CoverageInput = NonNullable<ClaimInput['otherCoverages']>[number];
type AdjudicationInput = NonNullable<CoverageInput['adjudication']>;
type AdjustmentInput = AdjudicationInput['adjustments'] extends (infer T)[] | undefined ? T : never;
type LineAdjudicationInput = NonNullable<ClaimInput['serviceLines'][number]['adjudications']>[number];

/** The claim's 2320 loops as other coverages; undefined when there are none. */
export function otherCoverages(others: readonly OtherSubscriberDraft[], ctx: BuildContext): CoverageInput[] | undefined {
  if (others.length === 0) return undefined;
  return others.map((other, index) => coverage(other, `otherCoverages[${index}]`, ctx));
}

function coverage(other: OtherSubscriberDraft, path: string, ctx: BuildContext): CoverageInput {
  const { sbr, segments } = other;
  ctx.taken.mark(sbr);
  ctx.locations.at(path, sbr, '2320');
  for (const [field, ref] of [['responsibility', 'SBR01'], ['relationship', 'SBR02'], ['groupNumber', 'SBR03'], ['groupName', 'SBR04'], ['insuranceTypeCode', 'SBR05'], ['claimFilingIndicator', 'SBR09']] as const) {
    ctx.locations.at(`${path}.${field}`, sbr, '2320', ref);
  }
  const oi = ctx.taken.first(segments, 'OI');
  if (oi) {
    ctx.locations.at(`${path}.benefitsAssigned`, oi, '2320', 'OI03');
    ctx.locations.at(`${path}.patientSignatureSource`, oi, '2320', 'OI04');
    ctx.locations.at(`${path}.releaseOfInformation`, oi, '2320', 'OI06');
  }
  const subscriberLoop = other.parties.find((party) => party.loop === '2330A');
  const payerLoop = other.parties.find((party) => party.loop === '2330B');
  return compact({
    responsibility: element(sbr, 1),
    relationship: element(sbr, 2),
    groupNumber: element(sbr, 3),
    groupName: element(sbr, 4),
    insuranceTypeCode: element(sbr, 5),
    claimFilingIndicator: element(sbr, 9),
    subscriber: subscriberLoop ? otherSubscriber(subscriberLoop, `${path}.subscriber`, ctx) : undefined,
    payer: payerLoop ? otherPayer(payerLoop, `${path}.payer`, ctx) : undefined,
    benefitsAssigned: oi ? element(oi, 3) : undefined,
    patientSignatureSource: oi ? element(oi, 4) : undefined,
    releaseOfInformation: oi ? element(oi, 6) : undefined,
    adjudication: adjudication(segments, payerLoop, `${path}.adjudication`, ctx),
  }) as CoverageInput;
}

/** 2330A: NM1*IL (name, NM109 member id), N3/N4. REF*SY is not carried (reported). */
function otherSubscriber(loop: LoopRecord, path: string, ctx: BuildContext): CoverageInput['subscriber'] {
  const nm1 = nm1Of(loop, ctx);
  ctx.locations.at(path, nm1, loop.loop);
  ctx.locations.at(`${path}.memberId`, nm1, loop.loop, 'NM109');
  return compact({
    name: personName(nm1),
    memberId: element(nm1, 9),
    address: address(loop, ctx, `${path}.address`),
  }) as CoverageInput['subscriber'];
}

/** 2330B: NM1*PR (name, NM109 payer id), N3/N4, REF*2U/EI/FY/NF, G1, 9F, T4, F8. DTP*573 belongs to the adjudication. */
function otherPayer(loop: LoopRecord, path: string, ctx: BuildContext): CoverageInput['payer'] {
  const nm1 = nm1Of(loop, ctx);
  ctx.locations.at(path, nm1, loop.loop);
  ctx.locations.at(`${path}.payerId`, nm1, loop.loop, 'NM109');
  const secondaryIds = ctx.taken.all(loop.segments, 'REF', new Set(['2U', 'EI', 'FY', 'NF'])).map((ref, index) => {
    ctx.locations.at(`${path}.secondaryIds[${index}]`, ref, loop.loop, 'REF02');
    return compact({ qualifier: element(ref, 1), value: element(ref, 2) });
  });
  const t4 = refValue(loop.segments, 'T4', ctx, `${path}.claimAdjustmentIndicator`, loop.loop);
  return compact({
    name: element(nm1, 3),
    payerId: element(nm1, 9),
    address: address(loop, ctx, `${path}.address`),
    secondaryIds: secondaryIds.length > 0 ? secondaryIds : undefined,
    priorAuthorization: refValue(loop.segments, 'G1', ctx, `${path}.priorAuthorization`, loop.loop),
    referralNumber: refValue(loop.segments, '9F', ctx, `${path}.referralNumber`, loop.loop),
    // REF*T4 carries Y only; anything else is passed on for validation to name.
    claimAdjustmentIndicator: t4 === undefined ? undefined : t4 === 'Y' ? true : t4,
    claimControlNumber: refValue(loop.segments, 'F8', ctx, `${path}.claimControlNumber`, loop.loop),
  }) as CoverageInput['payer'];
}

/** The payer's adjudication: present when the 2320 or 2330B carries any of it. */
function adjudication(segments: readonly Segment[], payerLoop: LoopRecord | undefined, path: string, ctx: BuildContext): AdjudicationInput | undefined {
  const cas = ctx.taken.all(segments, 'CAS');
  const amount = (qualifier: string, field: string) => {
    const amt = ctx.taken.first(segments, 'AMT', qualifier);
    if (!amt) return undefined;
    ctx.locations.at(`${path}.${field}`, amt, '2320', 'AMT02');
    const value = element(amt, 2);
    return value === undefined ? undefined : money(value);
  };
  const paid = amount('D', 'paid');
  const nonCoveredAmount = amount('A8', 'nonCoveredAmount');
  const remainingPatientLiability = amount('EAF', 'remainingPatientLiability');
  const moa = ctx.taken.first(segments, 'MOA');
  const mia = ctx.taken.first(segments, 'MIA');
  const dtp = payerLoop ? ctx.taken.first(payerLoop.segments, 'DTP', '573') : undefined;
  if (paid === undefined && nonCoveredAmount === undefined && remainingPatientLiability === undefined && cas.length === 0 && !moa && !mia && !dtp) return undefined;
  if (dtp && payerLoop) ctx.locations.at(`${path}.paymentDate`, dtp, payerLoop.loop, 'DTP03');
  const paymentDate = dtp ? element(dtp, 3) : undefined;
  return compact({
    paid,
    paymentDate: paymentDate === undefined ? undefined : isoDate(paymentDate),
    remainingPatientLiability,
    nonCoveredAmount,
    adjustments: adjustments(cas, `${path}.adjustments`, '2320', ctx),
    outpatientRemarks: moa ? outpatient(moa, `${path}.outpatientRemarks`, ctx) : undefined,
    inpatient: mia ? inpatient(mia, `${path}.inpatient`, ctx) : undefined,
  }) as AdjudicationInput;
}

/** CAS: the group code, then up to six reason/amount/quantity triples (CAS02-04 ... CAS17-19). */
function adjustments(cas: readonly Segment[], path: string, loop: string, ctx: BuildContext): AdjustmentInput[] {
  const out: AdjustmentInput[] = [];
  for (const segment of cas) {
    for (let at = 2; at <= 17; at += 3) {
      const reason = element(segment, at);
      const amount = element(segment, at + 1);
      const quantity = element(segment, at + 2);
      if (reason === undefined && amount === undefined && quantity === undefined) continue;
      ctx.locations.at(`${path}[${out.length}]`, segment, loop, `CAS${String(at).padStart(2, '0')}`);
      out.push(
        compact({
          group: element(segment, 1),
          reason,
          amount: amount === undefined ? undefined : money(amount),
          quantity,
        }) as AdjustmentInput,
      );
    }
  }
  return out;
}

/** MOA01 rate, MOA02 HCPCS payable, MOA03-07 remarks, MOA08 ESRD payment, MOA09 non-payable professional component. */
function outpatient(moa: Segment, path: string, ctx: BuildContext): AdjudicationInput['outpatientRemarks'] {
  ctx.locations.at(path, moa, '2320');
  const amount = (index: number) => {
    const value = element(moa, index);
    return value === undefined ? undefined : money(value);
  };
  return compact({
    reimbursementRate: element(moa, 1),
    hcpcsPayable: amount(2),
    remarks: [3, 4, 5, 6, 7].map((index) => element(moa, index)).filter((code): code is string => code !== undefined),
    esrdPayment: amount(8),
    nonPayableProfessional: amount(9),
  }) as AdjudicationInput['outpatientRemarks'];
}

/** MIA amounts by element number (MIA02 is not used in the 837I). */
const MIA_AMOUNTS: ReadonlyArray<readonly [number, string]> = [
  [4, 'drgAmount'],
  [6, 'disproportionateShareAmount'],
  [7, 'mspPassThroughAmount'],
  [8, 'ppsCapitalAmount'],
  [9, 'ppsCapitalFspDrgAmount'],
  [10, 'ppsCapitalHspDrgAmount'],
  [11, 'ppsCapitalDshDrgAmount'],
  [12, 'oldCapitalAmount'],
  [13, 'ppsCapitalImeAmount'],
  [14, 'ppsOperatingHospitalSpecificDrgAmount'],
  [16, 'ppsOperatingFederalSpecificDrgAmount'],
  [17, 'ppsCapitalOutlierAmount'],
  [18, 'indirectTeachingAmount'],
  [19, 'nonPayableProfessionalAmount'],
  [24, 'ppsCapitalExceptionAmount'],
];

function inpatient(mia: Segment, path: string, ctx: BuildContext): AdjudicationInput['inpatient'] {
  ctx.locations.at(path, mia, '2320');
  const amounts: Record<string, string> = {};
  for (const [index, field] of MIA_AMOUNTS) {
    const value = element(mia, index);
    if (value !== undefined) amounts[field] = money(value);
  }
  return compact({
    coveredDays: element(mia, 1),
    lifetimePsychiatricDays: element(mia, 3),
    costReportDays: element(mia, 15),
    ...amounts,
    remarks: [5, 20, 21, 22, 23].map((index) => element(mia, index)).filter((code): code is string => code !== undefined),
  }) as AdjudicationInput['inpatient'];
}

/**
 * The line's 2430 loops. SVD04 equal to the line's own revenue code (SV201)
 * is what the writer sends when the adjudication names none, so it is not
 * repeated in the model.
 */
export function lineAdjudications(line: LineDraft, path: string, lineRevenueCode: string | undefined, ctx: BuildContext): LineAdjudicationInput[] | undefined {
  if (line.adjudications.length === 0) return undefined;
  const d = ctx.delimiters;
  return line.adjudications.map((loop, index) => {
    const at = `${path}.adjudications[${index}]`;
    const svd = ctx.taken.mark(loop.segments[0] as Segment);
    ctx.locations.at(at, svd, '2430');
    for (const [field, ref] of [['payerId', 'SVD01'], ['paid', 'SVD02'], ['procedure', 'SVD03'], ['revenueCode', 'SVD04'], ['units', 'SVD05'], ['bundledLineNumber', 'SVD06']] as const) {
      ctx.locations.at(`${at}.${field}`, svd, '2430', ref);
    }
    const paid = element(svd, 2);
    const revenueCode = element(svd, 4);
    const bundled = element(svd, 6);
    const dtp = ctx.taken.first(loop.segments, 'DTP', '573');
    if (dtp) ctx.locations.at(`${at}.adjudicationDate`, dtp, '2430', 'DTP03');
    const eaf = ctx.taken.first(loop.segments, 'AMT', 'EAF');
    if (eaf) ctx.locations.at(`${at}.remainingPatientLiability`, eaf, '2430', 'AMT02');
    const eafValue = eaf ? element(eaf, 2) : undefined;
    const adjudicationDate = dtp ? element(dtp, 3) : undefined;
    return compact({
      payerId: element(svd, 1),
      paid: paid === undefined ? undefined : money(paid),
      procedure:
        element(svd, 3) === undefined
          ? undefined
          : compact({
              qualifier: component(svd, 3, 1, d),
              code: component(svd, 3, 2, d),
              modifiers: [3, 4, 5, 6].map((position) => component(svd, 3, position, d)).filter((modifier): modifier is string => modifier !== undefined),
              description: component(svd, 3, 7, d),
            }),
      revenueCode: revenueCode !== undefined && revenueCode !== lineRevenueCode ? revenueCode : undefined,
      units: element(svd, 5),
      bundledLineNumber: bundled === undefined ? undefined : /^\d{1,6}$/.test(bundled) ? Number(bundled) : bundled,
      adjustments: adjustments(ctx.taken.all(loop.segments, 'CAS'), `${at}.adjustments`, '2430', ctx),
      adjudicationDate: adjudicationDate === undefined ? undefined : isoDate(adjudicationDate),
      remainingPatientLiability: eafValue === undefined ? undefined : money(eafValue),
    }) as LineAdjudicationInput;
  });
}
