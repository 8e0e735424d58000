/**
 * The `institutional` block of an 837I claim: CLM05-1 facility type, DTP*434
 * statement period, DTP*435 admission (D8, or DT with the hour), DTP*096
 * discharge hour, CL1, the institutional HI codes and the attending,
 * operating and other operating providers (2310A/B/C).
 */
import type { ClaimInput } from '../../claim/model.js';
import { component, element } from '../segment.js';
import type { Segment } from '../types.js';
import type { BuildContext } from './build-context.js';
import type { HealthInformation } from './build-hi.js';
import type { ClaimDraft } from './claim-draft.js';
import { compact, provider } from './entities.js';
import { dateOrRange, isoDate } from './values.js';

type InstitutionalInput = NonNullable<ClaimInput['institutional']>;

export function institutional(draft: ClaimDraft, hi: HealthInformation, ctx: BuildContext): InstitutionalInput {
  const { clm, segments } = draft;
  const at = (field: string, segment: Segment, ref: string) => ctx.locations.at(`institutional.${field}`, segment, '2300', ref);
  at('facilityTypeCode', clm, 'CLM05-1');

  const statement = ctx.taken.first(segments, 'DTP', '434');
  const period = statement ? dateOrRange(element(statement, 2), element(statement, 3)) : {};
  if (statement) {
    at('statementFrom', statement, 'DTP03');
    at('statementTo', statement, 'DTP03');
  }

  const admissionDtp = ctx.taken.first(segments, 'DTP', '435');
  if (admissionDtp) at('admission', admissionDtp, 'DTP03');
  const discharge = ctx.taken.first(segments, 'DTP', '096');
  if (discharge) at('dischargeHour', discharge, 'DTP03');

  const cl1 = ctx.taken.first(segments, 'CL1');
  if (cl1) {
    at('admissionTypeCode', cl1, 'CL101');
    at('admissionSourceCode', cl1, 'CL102');
    at('patientStatusCode', cl1, 'CL103');
  }
  const party = (loop: string, field: string) => {
    const record = draft.parties.find((p) => p.loop === loop);
    return record ? provider(record, ctx, `institutional.${field}`) : undefined;
  };

  return compact({
    facilityTypeCode: component(clm, 5, 1, ctx.delimiters),
    statementFrom: period.start,
    statementTo: period.end ?? period.start,
    admission: admissionDtp ? admission(admissionDtp) : undefined,
    dischargeHour: discharge ? element(discharge, 3) : undefined,
    admissionTypeCode: cl1 ? element(cl1, 1) : undefined,
    admissionSourceCode: cl1 ? element(cl1, 2) : undefined,
    patientStatusCode: cl1 ? element(cl1, 3) : undefined,
    ...hi.institutional,
    attendingProvider: party('2310A', 'attendingProvider'),
    operatingProvider: party('2310B', 'operatingProvider'),
    otherOperatingProvider: party('2310C', 'otherOperatingProvider'),
  }) as InstitutionalInput;
}

/** DTP*435: D8 (date only) or DT (CCYYMMDDHHMM). */
function admission(dtp: Segment): InstitutionalInput['admission'] {
  const value = element(dtp, 3) ?? '';
  if (element(dtp, 2) === 'DT' && /^\d{12}$/.test(value)) {
    return { date: isoDate(value.slice(0, 8)), hour: value.slice(8) };
  }
  return { date: isoDate(value) };
}
