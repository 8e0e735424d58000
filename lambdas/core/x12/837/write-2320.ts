/**
 * 2320 other subscriber information with its 2330A other subscriber and
 * 2330B other payer, for the 837P and the 837I, in the guides' order:
 * SBR, CAS (one per group code), AMT*D, AMT*A8 and AMT*EAF (837P order;
 * the 837I lists EAF before A8), OI, MIA (837I), MOA, then 2330A NM1*IL,
 * N3, N4 and 2330B NM1*PR, N3, N4, DTP*573, REF (2U/EI/FY/NF, G1, 9F, T4,
 * F8). 2330C-I (the other payer's provider ids) are not modelled.
 *
 * check837P/check837I have refused what the guides do not allow (a group
 * name beside a group number, SBR05 on the 837I, a payment date beside line
 * adjudications, ...); the writer writes what the model holds.
 */
import type { ClaimAdjustment, InpatientAdjudication, OtherCoverage, OutpatientRemarks } from '../../claim/model.js';
import { toCents, toX12Amount } from '../../money.js';
import { upper } from '../writer.js';
import type { CobKind } from './check-cob.js';
import { casSegments } from './cob.js';
import { type LoopContext, toX12Decimal, writeAddress, writeDate, writeNm1, writeRef } from './write-segments.js';

export function writeOtherSubscribers(ctx: LoopContext, coverages: readonly OtherCoverage[] | undefined, kind: CobKind): void {
  for (const coverage of coverages ?? []) writeOtherSubscriber(ctx, coverage, kind);
}

function writeOtherSubscriber(ctx: LoopContext, coverage: OtherCoverage, kind: CobKind): void {
  const professional = kind === 'professional';
  ctx.w.segment(
    'SBR',
    coverage.responsibility,
    coverage.relationship,
    coverage.groupNumber,
    coverage.groupNumber === undefined ? upper(coverage.groupName) : undefined,
    professional ? coverage.insuranceTypeCode : undefined,
    undefined,
    undefined,
    undefined,
    coverage.claimFilingIndicator,
  );
  const adjudication = coverage.adjudication;
  if (adjudication) {
    writeAdjustments(ctx, adjudication.adjustments);
    ctx.w.segment('AMT', 'D', amount(adjudication.paid));
    const order: Array<['A8' | 'EAF', string | undefined]> = [
      ['A8', adjudication.nonCoveredAmount],
      ['EAF', adjudication.remainingPatientLiability],
    ];
    if (!professional) order.reverse();
    for (const [qualifier, value] of order) if (value !== undefined) ctx.w.segment('AMT', qualifier, amount(value));
  }
  ctx.w.segment('OI', undefined, undefined, coverage.benefitsAssigned, professional ? coverage.patientSignatureSource : undefined, undefined, coverage.releaseOfInformation);
  if (adjudication?.inpatient && !professional) writeInpatient(ctx, adjudication.inpatient);
  if (adjudication?.outpatientRemarks) writeOutpatient(ctx, adjudication.outpatientRemarks);

  const subscriber = coverage.subscriber;
  writeNm1(ctx, '2330A', 'IL', { entity: 'person', ...subscriber.name }, { qualifier: 'MI', id: subscriber.memberId });
  if (subscriber.address) writeAddress(ctx, '2330A', subscriber.address);

  const payer = coverage.payer;
  writeNm1(ctx, '2330B', 'PR', { entity: 'organization', last: payer.name }, { qualifier: 'PI', id: payer.payerId });
  if (payer.address) writeAddress(ctx, '2330B', payer.address);
  writeDate(ctx, '573', adjudication?.paymentDate);
  for (const secondary of payer.secondaryIds ?? []) writeRef(ctx, '2330B', secondary.qualifier, secondary.value);
  writeRef(ctx, '2330B', 'G1', payer.priorAuthorization);
  writeRef(ctx, '2330B', '9F', payer.referralNumber);
  if (payer.claimAdjustmentIndicator) ctx.w.segment('REF', 'T4', 'Y');
  writeRef(ctx, '2330B', 'F8', payer.claimControlNumber);
}

/** CAS: one segment per group code (six triples each), in order of the group's first appearance. */
export function writeAdjustments(ctx: LoopContext, adjustments: readonly ClaimAdjustment[]): void {
  for (const cas of casSegments(adjustments)) {
    ctx.w.segment(
      'CAS',
      cas.group,
      ...cas.items.flatMap((item) => [item.reason, amount(item.amount), item.quantity !== undefined ? toX12Decimal(item.quantity) : undefined]),
    );
  }
}

function writeOutpatient(ctx: LoopContext, moa: OutpatientRemarks): void {
  const remark = (index: number) => moa.remarks[index];
  ctx.w.segment(
    'MOA',
    moa.reimbursementRate !== undefined ? toX12Decimal(moa.reimbursementRate) : undefined,
    optionalAmount(moa.hcpcsPayable),
    remark(0),
    remark(1),
    remark(2),
    remark(3),
    remark(4),
    optionalAmount(moa.esrdPayment),
    optionalAmount(moa.nonPayableProfessional),
  );
}

function writeInpatient(ctx: LoopContext, mia: InpatientAdjudication): void {
  const remark = (index: number) => mia.remarks[index];
  const count = (value: string | undefined) => (value !== undefined ? toX12Decimal(value) : undefined);
  ctx.w.segment(
    'MIA',
    count(mia.coveredDays),
    undefined, // MIA02 (PPS operating outlier amount) is not used in the 837I
    count(mia.lifetimePsychiatricDays),
    optionalAmount(mia.drgAmount),
    remark(0),
    optionalAmount(mia.disproportionateShareAmount),
    optionalAmount(mia.mspPassThroughAmount),
    optionalAmount(mia.ppsCapitalAmount),
    optionalAmount(mia.ppsCapitalFspDrgAmount),
    optionalAmount(mia.ppsCapitalHspDrgAmount),
    optionalAmount(mia.ppsCapitalDshDrgAmount),
    optionalAmount(mia.oldCapitalAmount),
    optionalAmount(mia.ppsCapitalImeAmount),
    optionalAmount(mia.ppsOperatingHospitalSpecificDrgAmount),
    count(mia.costReportDays),
    optionalAmount(mia.ppsOperatingFederalSpecificDrgAmount),
    optionalAmount(mia.ppsCapitalOutlierAmount),
    optionalAmount(mia.indirectTeachingAmount),
    optionalAmount(mia.nonPayableProfessionalAmount),
    remark(1),
    remark(2),
    remark(3),
    remark(4),
    optionalAmount(mia.ppsCapitalExceptionAmount),
  );
}

function amount(value: string): string {
  return toX12Amount(toCents(value));
}

function optionalAmount(value: string | undefined): string | undefined {
  return value === undefined ? undefined : amount(value);
}
