/**
 * The parties of a DFT^P03 in canonical form: patient (PID), subscriber and
 * payer (first IN1), rendering and referring doctors (PV1-7/PV1-8, else the
 * first FT1's performed-by/ordered-by) when they carry an NPI, and the claim
 * place of service. GT1 has no place in the claim model (warned).
 */
import type { Hl7MapContext } from './hl7v2-context.js';
import type { SegmentView } from './hl7v2-reader.js';
import { compact, hl7Address, hl7Date, hl7Name, hl7Provider, hl7Sex, patientRelationship } from './hl7v2-values.js';

export function mapPatientAndInsurance(ctx: Hl7MapContext): void {
  const { draft, sources } = ctx;
  const pid = ctx.first('PID');
  if (!pid) ctx.problem(`${ctx.base} segment PID`, 'the message has no PID segment (the patient)');
  if (ctx.all('PID').length > 1) ctx.warn(ctx.all('PID')[1]!.where(), 'a second PID segment: only the first patient is read');
  const person: Record<string, unknown> = pid
    ? compact({ name: hl7Name(pid, 5), birthDate: hl7Date(pid.get(7)), sex: hl7Sex(pid.get(8)), address: hl7Address(pid, 11) }) ?? {}
    : {};
  if (pid?.get(7) && !person.birthDate) ctx.problem(pid.where(7), 'the birth date is not a date (YYYYMMDD)');

  if (pid) {
    for (let rep = 0; rep < pid.repetitions(3); rep++) {
      const type = pid.get(3, 5, rep).toUpperCase();
      const mrn = pid.get(3, 1, rep);
      if ((type === 'MR' || type === 'MRN') && mrn && mrn.length <= 50) {
        draft.medicalRecordNumber = mrn;
        sources.set('medicalRecordNumber', pid.where(3));
        break;
      }
    }
  }

  const insurances = ctx.all('IN1');
  const in1 = insurances[0];
  insurances.slice(1).forEach((s) => ctx.warn(s.where(), 'further insurance (secondary/tertiary coverage) is not billed on this claim: not mapped'));
  if (!in1) {
    ctx.problem(`${ctx.base} segment IN1`, 'the message has no IN1 segment: the claim needs the payer and the insured member id');
    draft.subscriber = person;
    setPersonSources(ctx, 'subscriber', pid, [5, 7, 8, 11]);
    return;
  }

  const memberField = in1.get(36) ? 36 : 49;
  const memberId = in1.get(memberField, 1) || undefined;
  const coverage = compact({ memberId, groupNumber: in1.get(8) || undefined, groupName: in1.get(9, 1) || undefined });
  sources.set('subscriber.memberId', in1.where(memberField));
  sources.set('subscriber.groupNumber', in1.where(8));
  sources.set('subscriber.groupName', in1.where(9));

  const relationshipRaw = in1.get(17, 1);
  let relationship = relationshipRaw ? patientRelationship(relationshipRaw) : undefined;
  if (relationshipRaw && !relationship) {
    ctx.problem(in1.where(17), "is not a relationship code (HL7 table 0063 or an X12 individual relationship code)");
  }
  if (!relationshipRaw) {
    const insured = hl7Name(in1, 16);
    const same = !insured || (pid && sameName(insured, hl7Name(pid, 5)));
    relationship = same ? '18' : '21';
    if (!same) ctx.warn(in1.where(17), 'the insured differs from the patient but IN1-17 is empty: relationship unknown (21)');
  }

  if (relationship === '18' || relationship === undefined) {
    draft.subscriber = { ...person, ...coverage };
    setPersonSources(ctx, 'subscriber', pid, [5, 7, 8, 11]);
  } else {
    draft.subscriber = {
      ...compact({ name: hl7Name(in1, 16), birthDate: hl7Date(in1.get(18)), sex: hl7Sex(in1.get(43)), address: hl7Address(in1, 19) }),
      ...coverage,
    };
    for (const [key, field] of [['name', 16], ['birthDate', 18], ['sex', 43], ['address', 19]] as const) sources.set(`subscriber.${key}`, in1.where(field));
    draft.patient = { ...person, relationship };
    setPersonSources(ctx, 'patient', pid, [5, 7, 8, 11]);
    sources.set('patient.relationship', in1.where(17));
  }
  sources.set('subscriber', in1.where());

  draft.payer = compact({ payerId: in1.get(3, 1) || undefined, name: in1.get(4, 1) || undefined, address: hl7Address(in1, 5) }) ?? {};
  sources.set('payer', in1.where());
  sources.set('payer.payerId', in1.where(3));
  sources.set('payer.name', in1.where(4));
  sources.set('payer.address', in1.where(5));
}

function sameName(a: { last?: string; first?: string } | undefined, b: { last?: string; first?: string } | undefined): boolean {
  const key = (n: typeof a) => `${n?.last ?? ''}|${n?.first ?? ''}`.toUpperCase();
  return key(a) === key(b);
}

function setPersonSources(ctx: Hl7MapContext, role: string, pid: SegmentView | undefined, fields: [number, number, number, number]): void {
  if (!pid) return;
  ctx.sources.set(role, pid.where());
  (['name', 'birthDate', 'sex', 'address'] as const).forEach((key, i) => ctx.sources.set(`${role}.${key}`, pid.where(fields[i])));
}

const ROLE_LABEL: Record<string, string> = { 'PV1-7': 'attending doctor', 'PV1-8': 'referring doctor', 'FT1-20': 'performed-by provider', 'FT1-21': 'ordered-by provider' };

/** An XCN provider with an NPI, else a warning naming the field. */
export function readProvider(ctx: Hl7MapContext, seg: SegmentView, field: number): Record<string, unknown> | undefined {
  const read = hl7Provider(seg, field);
  if (!read) return undefined;
  if ('provider' in read) return read.provider;
  const label = ROLE_LABEL[`${seg.name}-${field}`] ?? 'provider';
  ctx.warn(seg.where(field), read.missing === 'npi' ? `the ${label} has no NPI (10 digits typed NPI in component 13 or 9): not mapped` : `the ${label} has no family name: not mapped`);
  return undefined;
}

/**
 * Claim-level providers: PV1-7 attending → rendering, PV1-8 referring →
 * referring; without them the first FT1's performed-by (FT1-20) and
 * ordered-by (FT1-21) take their place.
 */
export function mapVisitProviders(ctx: Hl7MapContext): void {
  const pv1 = ctx.first('PV1');
  const ft1 = ctx.first('FT1');
  const pick = (sources: Array<[SegmentView | undefined, number]>, target: string) => {
    for (const [seg, field] of sources) {
      if (!seg) continue;
      const provider = readProvider(ctx, seg, field);
      if (provider) {
        ctx.draft[target] = provider;
        ctx.sources.set(target, seg.where(field));
        return;
      }
    }
  };
  pick([[pv1, 7], [ft1, 20]], 'renderingProvider');
  pick([[pv1, 8], [ft1, 21]], 'referringProvider');
}

/** A two-digit CMS place of service written as the location's point of care (PL.1) or location type (PL.6). */
export function locationPos(seg: SegmentView, field: number): string | undefined {
  return [seg.get(field, 1), seg.get(field, 6)].find((v) => /^\d{2}$/.test(v));
}

/**
 * Claim place of service: PV1-3, else the first FT1-16, as a two-digit CMS
 * code; else from the patient class PV1-2 where it is unambiguous
 * (I inpatient → 21, E emergency → 23). Outpatient/recurring classes could be
 * an office or a hospital outpatient department: never guessed.
 */
export function mapPlaceOfService(ctx: Hl7MapContext): void {
  const pv1 = ctx.first('PV1');
  const ft1 = ctx.first('FT1');
  const fromPv1 = pv1 ? locationPos(pv1, 3) : undefined;
  const fromFt1 = ft1 ? locationPos(ft1, 16) : undefined;
  const patientClass = pv1?.get(2).toUpperCase();
  const byClass = patientClass === 'I' ? '21' : patientClass === 'E' ? '23' : undefined;
  const pos = fromPv1 ?? fromFt1 ?? byClass;
  const where = fromPv1 ? pv1!.where(3) : fromFt1 ? ft1!.where(16) : pv1 ? pv1.where(2) : `${ctx.base} segment PV1`;
  ctx.sources.set('placeOfService', where);
  if (pos) {
    ctx.draft.placeOfService = pos;
    return;
  }
  ctx.problem(
    pv1 ? pv1.where(3) : `${ctx.base} segment PV1`,
    'place of service: no two-digit CMS place of service code in PV1-3 or FT1-16, and the patient class (PV1-2) does not determine one',
  );
}

export function warnGuarantors(ctx: Hl7MapContext): void {
  for (const gt1 of ctx.all('GT1')) ctx.warn(gt1.where(), 'the guarantor is not carried by the claim (837P has no guarantor loop): not mapped');
}
