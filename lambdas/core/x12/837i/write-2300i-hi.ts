/**
 * The 2300 HI segments of the 837I, in guide order:
 *   principal diagnosis ABK (BK), admitting diagnosis ABJ (BJ), patient's
 *   reason for visit APR (PR), external causes ABN (BN), other diagnoses ABF
 *   (BF, up to two HI of twelve), principal procedure BBR (BR), other
 *   procedures BBQ (BQ, up to two HI), occurrence spans BI, occurrences BH,
 *   values BE and condition codes BG (up to two HI each).
 * The ICD-9-CM qualifiers are used when the claim's diagnoses are ICD-9-CM
 * (procedures: when they are ICD-9-CM volume 3); check837I allows them only
 * for statement periods before 2015-10-01.
 *
 * Present-on-admission indicators go in component 9 of the diagnosis
 * composites (ABK, ABF, ABN). The model's "1" (exempt) has no 5010 code: an
 * exempt diagnosis is reported with component 9 left empty.
 */
import type { Claim, Diagnosis, InpatientProcedure, Institutional } from '../../claim/model.js';
import { toCents, toX12Amount } from '../../money.js';
import { isoToD8 } from '../timestamp.js';
import { type Composite, composite } from '../writer.js';
import type { LoopContext } from '../837/write-segments.js';
import { WRITTEN_POA_VALUES } from './code-lists-837i.js';

/** HI composites per segment. */
const PER_HI = 12;

export function writeHealthCareInformation(ctx: LoopContext, claim: Claim, inst: Institutional): void {
  const icd9 = claim.diagnoses[0]?.system === 'ICD-9-CM';
  const q = (icd10: string, icd9Qualifier: string) => (icd9 ? icd9Qualifier : icd10);
  const [principal, ...others] = claim.diagnoses;

  if (principal) ctx.w.segment('HI', diagnosis(q('ABK', 'BK'), principal.code, principal.presentOnAdmission));
  if (inst.admittingDiagnosis !== undefined) ctx.w.segment('HI', composite(q('ABJ', 'BJ'), inst.admittingDiagnosis));
  if (inst.reasonForVisit && inst.reasonForVisit.length > 0) {
    ctx.w.segment('HI', ...inst.reasonForVisit.map((code) => composite(q('APR', 'PR'), code)));
  }
  if (inst.externalCauses && inst.externalCauses.length > 0) {
    ctx.w.segment('HI', ...inst.externalCauses.map((cause) => diagnosis(q('ABN', 'BN'), cause.code, cause.presentOnAdmission)));
  }
  writeChunked(ctx, others.map((dx: Diagnosis) => diagnosis(q('ABF', 'BF'), dx.code, dx.presentOnAdmission)));

  if (inst.principalProcedure) ctx.w.segment('HI', procedure('BBR', 'BR', inst.principalProcedure));
  writeChunked(ctx, (inst.otherProcedures ?? []).map((p) => procedure('BBQ', 'BQ', p)));
  writeChunked(ctx, (inst.occurrenceSpans ?? []).map((s) => composite('BI', s.code, 'RD8', `${isoToD8(s.from)}-${isoToD8(s.to)}`)));
  writeChunked(ctx, (inst.occurrences ?? []).map((o) => composite('BH', o.code, 'D8', isoToD8(o.date))));
  writeChunked(ctx, (inst.values ?? []).map((v) => composite('BE', v.code, undefined, undefined, toX12Amount(toCents(v.amount)))));
  writeChunked(ctx, (inst.conditionCodes ?? []).map((code) => composite('BG', code)));
}

/** Qualifier:code, with the POA indicator in component 9 when it is one 5010 knows. */
function diagnosis(qualifier: string, code: string, poa: string | undefined): Composite {
  const written = poa !== undefined && WRITTEN_POA_VALUES.has(poa) ? poa : undefined;
  return composite(qualifier, code, undefined, undefined, undefined, undefined, undefined, undefined, written);
}

function procedure(icd10Qualifier: string, icd9Qualifier: string, p: InpatientProcedure): Composite {
  return composite(p.system === 'ICD-9-CM' ? icd9Qualifier : icd10Qualifier, p.code, 'D8', isoToD8(p.date));
}

/** One HI per twelve composites (the model caps each list at 24, two segments). */
function writeChunked(ctx: LoopContext, composites: Composite[]): void {
  for (let start = 0; start < composites.length; start += PER_HI) {
    ctx.w.segment('HI', ...composites.slice(start, start + PER_HI));
  }
}
