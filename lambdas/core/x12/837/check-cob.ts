/**
 * The coordination-of-benefits rules of 005010X222A1 and 005010X223A2 a
 * claim must meet before its 2320/2330A/2330B/2430 loops are written
 * (check837P and check837I run them). Each problem has a stable code, the
 * claim field path and a fix; messages name fields, loops and elements,
 * never the values (member ids, names and amounts stay out of them).
 *
 * Balancing (the guides' front matter, "Coordination of Benefits" and its
 * balancing section, with X12 RFIs 1294 and 1551):
 * - line: for each service line and each other payer that adjudicated it,
 *   SV102/SV203 = Σ SVD02 + Σ 2430 CAS amounts of that payer's 2430 loops
 *   (an unbundled line has several, which balance together);
 * - claim, for each payer with line adjudications:
 *   CLM02 = 2320 AMT*D + Σ 2320 CAS + Σ 2430 CAS of that payer, and
 *   2320 AMT*D = Σ SVD02 of that payer − Σ 2320 CAS. A payer that
 *   adjudicated at claim level only has no claim balancing to meet.
 * Usage notes checked with them: the 2330B DTP*573 is required when the
 * payer adjudicated and no 2430 DTP*573 is sent, and not sent otherwise;
 * AMT*D is required once a payer adjudicated (a 2430 of a payer without it
 * is refused); SBR01 does not repeat within a claim (except U, unknown).
 */
import type { Claim, OtherCoverage } from '../../claim/model.js';
import { sumCents, toCents } from '../../money.js';
import { adjustmentCents, casSegments, lineAdjudicationsOf, MAX_CAS_SEGMENTS } from './cob.js';
import type { Claim837ErrorCode, Claim837ErrorDetails } from './write-errors.js';

export type CobKind = 'professional' | 'institutional';

export type CobFail = (code: Claim837ErrorCode, message: string, element: string | undefined, segmentId: string | undefined, details: Claim837ErrorDetails) => void;

/** The largest amount accepted (exact in integer cents; inside the 18 digits of the amount elements). */
const MAX_AMOUNT = /^\s*-?0*\d{1,11}(\.\d{1,2})?\s*$/;

const EARLIEST_DATE = '1900-01-01';

export function checkCoordination(claim: Claim, kind: CobKind, fail: CobFail): void {
  const coverages = claim.otherCoverages ?? [];
  const hasLines = claim.serviceLines.some((line) => (line.adjudications ?? []).length > 0);
  if (coverages.length === 0 && !hasLines) return;
  if (!amountsInRange(claim, fail)) return;

  checkCoverages(claim, coverages, kind, fail);
  checkLines(claim, coverages, kind, fail);
  checkBalancing(claim, coverages, fail);
}

/** Every COB amount within exact integer cents before anything is added. */
function amountsInRange(claim: Claim, fail: CobFail): boolean {
  let ok = true;
  const amount = (value: string | undefined, path: string, element: string, segmentId: string) => {
    if (value === undefined || MAX_AMOUNT.test(value)) return;
    ok = false;
    fail('AMOUNT_TOO_LARGE', `${path} (${element}) is above 99999999999.99`, element, segmentId, { path, fix: 'Correct the amount: no claim amount exceeds 99999999999.99.' });
  };
  (claim.otherCoverages ?? []).forEach((coverage, i) => {
    const a = coverage.adjudication;
    if (!a) return;
    const at = `otherCoverages[${i}].adjudication`;
    amount(a.paid, `${at}.paid`, 'AMT02', 'AMT');
    amount(a.remainingPatientLiability, `${at}.remainingPatientLiability`, 'AMT02', 'AMT');
    amount(a.nonCoveredAmount, `${at}.nonCoveredAmount`, 'AMT02', 'AMT');
    a.adjustments.forEach((adjustment, k) => amount(adjustment.amount, `${at}.adjustments[${k}].amount`, 'CAS03', 'CAS'));
    const moa = a.outpatientRemarks;
    if (moa) {
      amount(moa.hcpcsPayable, `${at}.outpatientRemarks.hcpcsPayable`, 'MOA02', 'MOA');
      amount(moa.esrdPayment, `${at}.outpatientRemarks.esrdPayment`, 'MOA08', 'MOA');
      amount(moa.nonPayableProfessional, `${at}.outpatientRemarks.nonPayableProfessional`, 'MOA09', 'MOA');
    }
    for (const [key, value] of Object.entries(a.inpatient ?? {})) {
      if (key.endsWith('Amount') && typeof value === 'string') amount(value, `${at}.inpatient.${key}`, 'MIA', 'MIA');
    }
  });
  claim.serviceLines.forEach((line, l) => {
    if (!MAX_AMOUNT.test(line.charge)) ok = false; // Reported by the guide check of SV102/SV203.
    (line.adjudications ?? []).forEach((adjudication, k) => {
      const at = `serviceLines[${l}].adjudications[${k}]`;
      amount(adjudication.paid, `${at}.paid`, 'SVD02', 'SVD');
      amount(adjudication.remainingPatientLiability, `${at}.remainingPatientLiability`, 'AMT02', 'AMT');
      adjudication.adjustments.forEach((adjustment, m) => amount(adjustment.amount, `${at}.adjustments[${m}].amount`, 'CAS03', 'CAS'));
    });
  });
  return ok;
}

function checkCoverages(claim: Claim, coverages: readonly OtherCoverage[], kind: CobKind, fail: CobFail): void {
  const sequences = new Set<string>([claim.payer.responsibility]);
  const payerIds = new Set<string>();
  const professional = kind === 'professional';
  coverages.forEach((coverage, i) => {
    const at = `otherCoverages[${i}]`;
    if (coverage.responsibility !== 'U' && sequences.has(coverage.responsibility)) {
      fail('COB_RESPONSIBILITY_REPEATED', `${at}.responsibility (loop 2320 SBR01) repeats the payer responsibility of the claim's payer or of another coverage`, 'SBR01', 'SBR', {
        path: `${at}.responsibility`,
        fix: 'Give each payer of the claim its own place in the sequence (P, S, T, ...); only U (unknown) may repeat.',
      });
    }
    sequences.add(coverage.responsibility);
    if (payerIds.has(coverage.payer.payerId)) {
      fail('COB_PAYER_ID_REPEATED', `${at}.payer.payerId (loop 2330B NM109) repeats another coverage's payer id, so line adjudications (SVD01) could not name their payer`, 'NM109', 'NM1', {
        path: `${at}.payer.payerId`,
        fix: 'List each other payer once, or tell apart two plans of the same payer by the payer ids they use.',
      });
    }
    payerIds.add(coverage.payer.payerId);
    if (coverage.groupNumber !== undefined && coverage.groupName !== undefined) {
      fail('COB_GROUP_NAME_WITH_NUMBER', `${at}.groupName (loop 2320 SBR04) is sent only when there is no group number (SBR03)`, 'SBR04', 'SBR', {
        path: `${at}.groupName`,
        fix: 'Keep the group number and remove the group name.',
      });
    }
    const notUsed = (present: boolean, field: string, element: string, segmentId: string, why: string) => {
      if (present) fail('COB_FIELD_NOT_USED', `${at}.${field} has no place in the ${professional ? '837P' : '837I'} (${why})`, element, segmentId, { path: `${at}.${field}`, fix: 'Remove the field.' });
    };
    if (professional) {
      if (coverage.insuranceTypeCode !== undefined && coverage.responsibility === 'P') {
        fail('COB_INSURANCE_TYPE_ONLY_FOR_SECONDARY', `${at}.insuranceTypeCode (loop 2320 SBR05) is only sent for a Medicare payer that is not primary (SBR01 other than P)`, 'SBR05', 'SBR', {
          path: `${at}.insuranceTypeCode`,
          fix: 'Remove the insurance type code, or correct the responsibility of this coverage.',
        });
      }
      notUsed(coverage.adjudication?.inpatient !== undefined, 'adjudication.inpatient', 'MIA01', 'MIA', 'MIA is 837I only');
    } else {
      notUsed(coverage.insuranceTypeCode !== undefined, 'insuranceTypeCode', 'SBR05', 'SBR', 'the 837I 2320 SBR has no SBR05');
      notUsed(coverage.patientSignatureSource !== undefined, 'patientSignatureSource', 'OI04', 'OI', 'OI04 is 837P only');
    }
    const a = coverage.adjudication;
    if (!a) return;
    const moa = a.outpatientRemarks;
    if (moa && moa.reimbursementRate === undefined && moa.hcpcsPayable === undefined && moa.remarks.length === 0 && moa.esrdPayment === undefined && moa.nonPayableProfessional === undefined) {
      fail('COB_OUTPATIENT_REMARKS_EMPTY', `${at}.adjudication.outpatientRemarks (loop 2320 MOA) holds nothing to send`, 'MOA01', 'MOA', {
        path: `${at}.adjudication.outpatientRemarks`,
        fix: 'Remove outpatientRemarks, or give the remark codes or amounts of the payer\'s MOA.',
      });
    }
    if (casSegments(a.adjustments).length > MAX_CAS_SEGMENTS) {
      fail('COB_TOO_MANY_ADJUSTMENT_SEGMENTS', `${at}.adjudication.adjustments need more than ${MAX_CAS_SEGMENTS} CAS segments in loop 2320 (one per group code, six adjustments each)`, 'CAS01', 'CAS', {
        path: `${at}.adjudication.adjustments`,
        fix: 'Combine adjustments of the same group and reason, as the payer\'s 835 did.',
      });
    }
    checkDate(a.paymentDate, `${at}.adjudication.paymentDate`, fail);
  });
}

function checkLines(claim: Claim, coverages: readonly OtherCoverage[], kind: CobKind, fail: CobFail): void {
  const known = new Map(coverages.map((coverage) => [coverage.payer.payerId, coverage] as const));
  const professional = kind === 'professional';
  /** Coverages already reported as adjudicating lines without a claim adjudication (once each). */
  const unadjudicated = new Set<OtherCoverage>();
  claim.serviceLines.forEach((line, l) => {
    (line.adjudications ?? []).forEach((adjudication, k) => {
      const at = `serviceLines[${l}].adjudications[${k}]`;
      const coverage = known.get(adjudication.payerId);
      if (!coverage) {
        fail('COB_LINE_PAYER_UNKNOWN', `${at}.payerId (loop 2430 SVD01) names no other payer of the claim (otherCoverages[].payer.payerId, loop 2330B NM109)`, 'SVD01', 'SVD', {
          path: `${at}.payerId`,
          fix: 'Add the payer that adjudicated the line to otherCoverages, or correct the payer id.',
        });
      } else if (!coverage.adjudication && !unadjudicated.has(coverage)) {
        unadjudicated.add(coverage);
        fail('COB_LINE_PAYER_NOT_ADJUDICATED', `${at}: the payer of this line adjudication has no claim adjudication (loop 2320 AMT*D is required once a payer adjudicated)`, 'AMT02', 'AMT', {
          path: `otherCoverages[${coverages.indexOf(coverage)}].adjudication`,
          fix: 'Give the payer\'s claim-level adjudication (paid amount and claim adjustments) from its 835.',
        });
      }
      if (professional) {
        if (!adjudication.procedure) {
          fail('COB_LINE_PROCEDURE_REQUIRED', `${at}.procedure (loop 2430 SVD03) is required on a professional line adjudication`, 'SVD03', 'SVD', {
            path: `${at}.procedure`,
            fix: 'Give the procedure as the payer adjudicated it (its 835 SVC01).',
          });
        } else if (adjudication.procedure.qualifier === 'HP') {
          fail('COB_PROCEDURE_QUALIFIER', `${at}.procedure.qualifier (loop 2430 SVD03-1) HP (HIPPS) is 837I only`, 'SVD03-1', 'SVD', {
            path: `${at}.procedure.qualifier`,
            fix: 'Use HC, ER, IV or WK as the payer\'s 835 did.',
          });
        }
        if (adjudication.revenueCode !== undefined) {
          fail('COB_FIELD_NOT_USED', `${at}.revenueCode has no place in the 837P (SVD04 is not used)`, 'SVD04', 'SVD', { path: `${at}.revenueCode`, fix: 'Remove the field.' });
        }
      }
      if (casSegments(adjudication.adjustments).length > MAX_CAS_SEGMENTS) {
        fail('COB_TOO_MANY_ADJUSTMENT_SEGMENTS', `${at}.adjustments need more than ${MAX_CAS_SEGMENTS} CAS segments in loop 2430 (one per group code, six adjustments each)`, 'CAS01', 'CAS', {
          path: `${at}.adjustments`,
          fix: 'Combine adjustments of the same group and reason, as the payer\'s 835 did.',
        });
      }
      checkDate(adjudication.adjudicationDate, `${at}.adjudicationDate`, fail);
    });
  });
}

function checkBalancing(claim: Claim, coverages: readonly OtherCoverage[], fail: CobFail): void {
  const lineCharges = claim.serviceLines.map((line) => toCents(line.charge));
  const total = sumCents(lineCharges);
  // Line balancing, per line and payer (every payer named in SVD01, known or not).
  claim.serviceLines.forEach((line, l) => {
    const payers = [...new Set((line.adjudications ?? []).map((adjudication) => adjudication.payerId))];
    for (const payerId of payers) {
      const loops = lineAdjudicationsOf(line, payerId);
      const accounted = sumCents(loops.map((adjudication) => toCents(adjudication.paid) + adjustmentCents(adjudication.adjustments)));
      if (accounted !== lineCharges[l]) {
        fail('COB_LINE_UNBALANCED', `serviceLines[${l}].adjudications: one payer's line paid amounts (SVD02) and line adjustments (2430 CAS) do not add up to the line charge (${claim.claimType === 'institutional' ? 'SV203' : 'SV102'})`, 'SVD02', 'SVD', {
          path: `serviceLines[${l}].adjudications`,
          fix: 'Copy the payer\'s line payment and every line adjustment from its 835 as they are; a line the payer split or bundled carries one adjudication per 835 service line.',
        });
      }
    }
  });
  coverages.forEach((coverage, i) => {
    const a = coverage.adjudication;
    const at = `otherCoverages[${i}].adjudication`;
    if (!a) return;
    const loops = claim.serviceLines.flatMap((line) => lineAdjudicationsOf(line, coverage.payer.payerId));
    if (loops.length === 0) {
      if (a.paymentDate === undefined) {
        fail('COB_PAYMENT_DATE_REQUIRED', `${at}.paymentDate (loop 2330B DTP*573) is required when the payer adjudicated the claim and no line adjudication (2430 DTP*573) is sent`, 'DTP03', 'DTP', {
          path: `${at}.paymentDate`,
          fix: 'Give the date of the payer\'s 835 (check or EFT date), or its line adjudications.',
        });
      }
      return;
    }
    if (a.paymentDate !== undefined) {
      fail('COB_PAYMENT_DATE_WITH_LINES', `${at}.paymentDate (loop 2330B DTP*573) is not sent when the payer's line adjudications carry their dates (2430 DTP*573)`, 'DTP03', 'DTP', {
        path: `${at}.paymentDate`,
        fix: 'Remove paymentDate; the line adjudication dates carry it.',
      });
    }
    const paid = toCents(a.paid);
    const claimCas = adjustmentCents(a.adjustments);
    const lineCas = sumCents(loops.map((adjudication) => adjustmentCents(adjudication.adjustments)));
    const linePaid = sumCents(loops.map((adjudication) => toCents(adjudication.paid)));
    const chargeBalances = total === paid + claimCas + lineCas;
    const paidBalances = paid === linePaid - claimCas;
    if (!chargeBalances || !paidBalances) {
      const which = [
        chargeBalances ? undefined : 'CLM02 = AMT*D + claim adjustments (2320 CAS) + line adjustments (2430 CAS)',
        paidBalances ? undefined : 'AMT*D = line paid amounts (SVD02) − claim adjustments (2320 CAS)',
      ].filter((text) => text !== undefined);
      fail('COB_CLAIM_UNBALANCED', `${at}: the payer's amounts do not balance: ${which.join('; ')}`, 'AMT02', 'AMT', {
        path: at,
        fix: 'Copy the payer\'s claim payment and claim adjustments from its 835 as they are, and give every line it adjudicated.',
      });
    }
  });
}

function checkDate(value: string | undefined, path: string, fail: CobFail): void {
  if (value !== undefined && value < EARLIEST_DATE) {
    fail('DATE_BEFORE_1900', `${path} (DTP03) is before ${EARLIEST_DATE}`, 'DTP03', 'DTP', { path, fix: 'Correct the date.' });
  }
}
