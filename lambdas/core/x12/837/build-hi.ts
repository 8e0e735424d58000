/**
 * HI (health care information codes) of the 2300 claim. Professional claims
 * carry diagnoses only (ABK/ABF, or BK/BF for ICD-9-CM); institutional
 * claims also admitting and reason-for-visit diagnoses, external causes,
 * procedures, occurrence (span) codes, value codes and condition codes.
 * Composites of a qualifier the model has no place for are reported.
 */
import type { ClaimInput } from '../../claim/model.js';
import { component } from '../segment.js';
import type { Segment } from '../types.js';
import type { BuildContext } from './build-context.js';
import { warnAt } from './build-context.js';
import { X837_WARNING } from './codes.js';
import { compact } from './entities.js';
import type { Kind837 } from './loops-837.js';
import { dateOrRange, money } from './values.js';

type DiagnosisInput = ClaimInput['diagnoses'][number];
type InstitutionalInput = NonNullable<ClaimInput['institutional']>;
type ProcedureInput = NonNullable<InstitutionalInput['principalProcedure']>;

/** What the HI segments of one claim hold. */
export interface HealthInformation {
  diagnoses: DiagnosisInput[];
  institutional: Partial<
    Pick<
      InstitutionalInput,
      | 'admittingDiagnosis'
      | 'reasonForVisit'
      | 'externalCauses'
      | 'principalProcedure'
      | 'otherProcedures'
      | 'occurrenceSpans'
      | 'occurrences'
      | 'values'
      | 'conditionCodes'
    >
  >;
}

type Role =
  | 'principal' | 'other' | 'admitting' | 'reason' | 'external' | 'principalProcedure' | 'otherProcedure'
  | 'occurrenceSpan' | 'occurrence' | 'value' | 'condition';

const ICD10: Readonly<Record<string, Role>> = { ABK: 'principal', ABF: 'other' };
const ICD9: Readonly<Record<string, Role>> = { BK: 'principal', BF: 'other' };
const INSTITUTIONAL_ICD10: Readonly<Record<string, Role>> = { ABJ: 'admitting', APR: 'reason', ABN: 'external', BBR: 'principalProcedure', BBQ: 'otherProcedure' };
const INSTITUTIONAL_ICD9: Readonly<Record<string, Role>> = { BJ: 'admitting', PR: 'reason', BN: 'external', BR: 'principalProcedure', BQ: 'otherProcedure' };
const INSTITUTIONAL_NUBC: Readonly<Record<string, Role>> = { BI: 'occurrenceSpan', BH: 'occurrence', BE: 'value', BG: 'condition' };

function roleOf(kind: Kind837, qualifier: string): { role: Role; icd9: boolean } | undefined {
  const icd10 = ICD10[qualifier] ?? (kind === 'institutional' ? INSTITUTIONAL_ICD10[qualifier] ?? INSTITUTIONAL_NUBC[qualifier] : undefined);
  if (icd10) return { role: icd10, icd9: false };
  const icd9 = ICD9[qualifier] ?? (kind === 'institutional' ? INSTITUTIONAL_ICD9[qualifier] : undefined);
  return icd9 ? { role: icd9, icd9: true } : undefined;
}

export function healthInformation(segments: readonly Segment[], kind: Kind837, ctx: BuildContext): HealthInformation {
  const d = ctx.delimiters;
  const principal: DiagnosisInput[] = [];
  const others: DiagnosisInput[] = [];
  const inst: HealthInformation['institutional'] = {};
  type ListKey = 'reasonForVisit' | 'externalCauses' | 'otherProcedures' | 'occurrenceSpans' | 'occurrences' | 'values' | 'conditionCodes';
  const push = (key: ListKey, item: unknown) => {
    const lists = inst as Record<ListKey, unknown[] | undefined>;
    (lists[key] ??= []).push(item);
  };
  for (const hi of ctx.taken.all(segments, 'HI')) {
    for (let index = 1; index < hi.elements.length; index++) {
      const qualifier = component(hi, index, 1, d);
      if (qualifier === undefined) continue;
      const found = roleOf(kind, qualifier);
      const code = component(hi, index, 2, d);
      const where = `HI${String(index).padStart(2, '0')}`;
      if (!found || code === undefined) {
        warnAt(ctx, X837_WARNING.UNMAPPED_ELEMENT, `${where} (loop 2300) has a code list qualifier the canonical claim does not carry; not read`, hi);
        continue;
      }
      const poa = component(hi, index, 9, d) as DiagnosisInput['presentOnAdmission'];
      const date = () => dateOrRange(component(hi, index, 3, d), component(hi, index, 4, d));
      const system = found.icd9 ? ('ICD-9-CM' as const) : ('ICD-10-CM' as const);
      switch (found.role) {
        case 'principal':
        case 'other': {
          const list = found.role === 'principal' ? principal : others;
          ctx.locations.at(`diagnoses[${principal.length + others.length}]`, hi, '2300', `${where}-2`);
          list.push(compact({ code, system, presentOnAdmission: kind === 'institutional' ? poa : undefined }));
          break;
        }
        case 'admitting':
          inst.admittingDiagnosis = code;
          break;
        case 'reason':
          push('reasonForVisit', code);
          break;
        case 'external':
          push('externalCauses', compact({ code, presentOnAdmission: poa }));
          break;
        case 'principalProcedure':
        case 'otherProcedure': {
          const procedure = compact({ code, system: found.icd9 ? 'ICD-9-CM' : 'ICD-10-PCS', date: date().start }) as ProcedureInput;
          if (found.role === 'principalProcedure') inst.principalProcedure = procedure;
          else push('otherProcedures', procedure);
          break;
        }
        case 'occurrenceSpan': {
          const span = date();
          push('occurrenceSpans', compact({ code, from: span.start, to: span.end ?? span.start }) as never);
          break;
        }
        case 'occurrence':
          push('occurrences', compact({ code, date: date().start }) as never);
          break;
        case 'value': {
          const amount = component(hi, index, 5, d);
          push('values', compact({ code, amount: amount === undefined ? undefined : money(amount) }) as never);
          break;
        }
        case 'condition':
          push('conditionCodes', code);
          break;
      }
    }
  }
  // The principal diagnosis comes first whatever the HI order; SV107 pointers count in this order.
  return { diagnoses: [...principal, ...others], institutional: inst };
}

