/**
 * Files our own writers produce for the 837I, 835, 999 and 277CA guide
 * tests: an institutional batch (inpatient claims with every HI family the
 * model carries, one under a dependent patient), the payer sandbox's 835,
 * and the 999/277CA test acknowledgments.
 */
import { adjudicate } from '../../../../bin/local/payer-sandbox/adjudicate.js';
import { Claim, type ClaimInput } from '../../../../lambdas/core/claim/model.js';
import { write277CA } from '../../../../lambdas/core/x12/277ca/write-277ca.js';
import { write835, type Write835Options } from '../../../../lambdas/core/x12/835/write-835.js';
import { write837I } from '../../../../lambdas/core/x12/837i/write-837i.js';
import { write999 } from '../../../../lambdas/core/x12/999/write-999.js';
import { ack277 } from '../277ca/fixtures.js';
import { CLAIMS, OPTS } from '../835/sandbox-fixtures.js';
import { ACK_OPTIONS, groupAck } from '../999/fixtures.js';
import { claimInput, DEPENDENT, PROVIDER_B, tenantConfig } from '../837p-fixtures.js';

export const ENVELOPE_835: Write835Options = {
  senderQualifier: 'ZZ',
  senderId: 'SANDBOXPAYER',
  receiverQualifier: 'ZZ',
  receiverId: 'CFDEMO01',
  controlNumber: 9001,
  createdAt: new Date('2026-11-02T15:04:00Z'),
};

/** An inpatient claim (type of bill 011x) using every 2300 HI family of the model. */
export function institutionalInput(claimId: string, overrides: Partial<ClaimInput> = {}): ClaimInput {
  return claimInput({
    claimId,
    claimType: 'institutional',
    placeOfService: undefined,
    medicalRecordNumber: 'MR-77',
    institutional: {
      facilityTypeCode: '11',
      statementFrom: '2026-03-02',
      statementTo: '2026-03-04',
      admission: { date: '2026-03-02', hour: '0830' },
      dischargeHour: '1015',
      admissionTypeCode: '1',
      admissionSourceCode: '7',
      patientStatusCode: '01',
      admittingDiagnosis: 'R07.9',
      externalCauses: [{ code: 'W01.0XXA', presentOnAdmission: 'Y' }],
      principalProcedure: { code: '0DJ08ZZ', date: '2026-03-02' },
      otherProcedures: [{ code: '0DJ08ZZ', date: '2026-03-03' }],
      occurrenceSpans: [{ code: '70', from: '2026-03-01', to: '2026-03-02' }],
      occurrences: [{ code: '11', date: '2026-03-01' }],
      values: [{ code: '80', amount: '2' }],
      conditionCodes: ['39'],
      attendingProvider: PROVIDER_B,
      operatingProvider: PROVIDER_B,
    },
    serviceLines: [
      { revenueCode: '0120', units: 2, unitBasis: 'DA', charge: '2400.00' },
      { revenueCode: '0450', procedureCode: '99283', units: 1, charge: '400.00', serviceDate: '2026-03-02' },
      { revenueCode: '0300', units: 2, charge: '50.00', nonCoveredCharge: '10.00' },
    ],
    ...overrides,
  } as Partial<ClaimInput>);
}

export function file837I(options: { lineBreak?: '\n' | '\r\n' } = {}): string {
  const tenant = tenantConfig();
  const claims = [Claim.parse(institutionalInput('WT-I-0001')), Claim.parse(institutionalInput('WT-I-0002', { patient: DEPENDENT }))];
  return write837I({
    claims,
    tenant,
    receiver: tenant.receivers[0]!,
    controlNumber: 7,
    createdAt: new Date('2026-03-05T12:00:00Z'),
    ...(options.lineBreak ? { lineBreak: options.lineBreak } : {}),
  });
}

export function file835(): string {
  return write835([adjudicate(CLAIMS, OPTS)], ENVELOPE_835);
}

export function file999(): string {
  return write999([groupAck()], ACK_OPTIONS);
}

export function file277CA(): string {
  return write277CA([ack277()], ACK_OPTIONS);
}

/**
 * Edits a file written with the default delimiters ("*", "~", no line
 * breaks) segment by segment, then recounts every SE01 so that the only
 * defect is the one the edit made.
 */
export function editSegments(text: string, edit: (segments: string[]) => string[]): string {
  const segments = edit(text.split('~').filter((s) => s.length > 0));
  let start = -1;
  const out = segments.map((segment, index) => {
    if (segment.startsWith('ST*')) start = index;
    if (!segment.startsWith('SE*') || start < 0) return segment;
    const [, , control = ''] = segment.split('*');
    return `SE*${index - start + 1}*${control}`;
  });
  return `${out.join('~')}~`;
}

/** Replaces the first segment that starts with `prefix`; throws when there is none (a broken fixture, not a pass). */
export function replaceFirst(prefix: string, replacement: string | null): (segments: string[]) => string[] {
  return (segments) => {
    const index = segments.findIndex((s) => s.startsWith(prefix));
    if (index < 0) throw new Error(`fixture has no segment starting with ${prefix}`);
    const out = [...segments];
    if (replacement === null) out.splice(index, 1);
    else out[index] = replacement;
    return out;
  };
}
