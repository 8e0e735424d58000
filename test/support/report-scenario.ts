/**
 * A tenant's stored records for the biller's report, hand-built so every
 * figure can be worked out on paper (test/report/build-report.test.ts does):
 * paid, partially paid and denied claims, a denial reversed and corrected, a
 * payment reversed and not yet corrected, a crossover (forwarded), a payer
 * who restated the charge (a reconciliation mismatch), a legacy record with
 * only `payment`, a secondary claim, claims never submitted, batches written
 * 5, 30, 31, 60, 61, 90 and 91 days before `asOf` plus one still open, 999s
 * and 277CAs, remittance exceptions and unbalanced/held remittances.
 *
 * Every claim has its own invented people (names, member ids, birth dates)
 * so a test can prove none of them reaches the report.
 */
import { Claim, type ClaimInput } from '../../lambdas/core/claim/model.js';
import type { ClaimStatus } from '../../lambdas/core/claim/state-machine.js';
import type {
  AcknowledgmentRecord,
  AckStatus,
  BatchRecord,
  ClaimPayment,
  ClaimRecord,
  ExceptionRecord,
  RemittanceRecord,
} from '../../lambdas/core/ports.js';
import type { ClaimPosting, LinePosting, PostedAdjustment } from '../../lambdas/core/remittance/posting-record.js';
import type { AdjustmentGroup } from '../../lambdas/core/x12/835/model.js';
import { sampleClaimInput } from '../fixtures/claims.js';

export const SCENARIO_TENANT = 'acme-billing';
export const SCENARIO_AS_OF = new Date('2026-06-30T12:00:00.000Z');
const DAY = 86_400_000;
export const daysBefore = (days: number, asOf = SCENARIO_AS_OF) => new Date(asOf.getTime() - days * DAY).toISOString();

export const PAYERS = {
  sunrise: { payerId: 'SHP01', name: 'Sunrise Health Plan' },
  medicare: { payerId: 'MCR01', name: 'Medicare Demo Contractor' },
  aetna: { payerId: 'AET02', name: 'Aetna Demo' },
} as const;

type Adj = [AdjustmentGroup, string, string];

interface LineSpec {
  charge: string;
  paid: string;
  allowed?: string;
  adj?: Adj[];
}

interface PostingSpec {
  code: string;
  charge: string;
  paid: string;
  /** Default: Σ of the PR adjustments. */
  pr?: string;
  allowed?: string;
  claimAdj?: Adj[];
  lines: LineSpec[];
  pccn?: string;
  remittanceId?: string;
  forwarded?: boolean;
}

const toAdjustments = (list: Adj[] = []): PostedAdjustment[] => list.map(([group, reason, amount]) => ({ group, reason, amount }));

function cents(value: string): number {
  const [whole = '0', fraction = ''] = value.replace('-', '').split('.');
  const abs = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return value.startsWith('-') ? -abs : abs;
}
const money = (c: number) => `${c < 0 ? '-' : ''}${Math.floor(Math.abs(c) / 100)}.${String(Math.abs(c) % 100).padStart(2, '0')}`;

export function posting(spec: PostingSpec, occurrence = 1): ClaimPosting {
  const lines: LinePosting[] = spec.lines.map((l, i) => ({
    line: i + 1,
    matchedBy: 'line-control-number',
    procedureCode: '99213',
    modifiers: [],
    charge: l.charge,
    paid: l.paid,
    ...(l.allowed !== undefined ? { allowed: l.allowed } : {}),
    adjustments: toAdjustments(l.adj),
    remarks: [],
  }));
  const prCas = [...(spec.claimAdj ?? []), ...spec.lines.flatMap((l) => l.adj ?? [])].filter(([g]) => g === 'PR');
  const remittanceId = spec.remittanceId ?? 'rem-0001';
  return {
    postingId: `${remittanceId}:${occurrence}`,
    remittanceId,
    file: `tenants/${SCENARIO_TENANT}/inbound/835/${remittanceId}.835`,
    payerName: 'PAYER ON THE 835',
    payerId: '1999999999',
    traceNumber: `TRN-${remittanceId}`,
    paymentMethod: 'ACH',
    claimStatusCode: spec.code,
    ...(spec.pccn !== undefined ? { payerClaimControlNumber: spec.pccn } : {}),
    charge: spec.charge,
    paid: spec.paid,
    patientResponsibility: spec.pr ?? money(prCas.reduce((n, [, , a]) => n + cents(a), 0)),
    ...(spec.allowed !== undefined ? { allowed: spec.allowed } : {}),
    adjustments: toAdjustments(spec.claimAdj),
    remarks: [],
    lines,
    ...(spec.forwarded ? { forwardedTo: { name: 'CROSSOVER CARRIER', id: 'XOVER1' } } : {}),
    postedAt: '2026-06-29T10:00:00.000Z',
  };
}

/** The invented people of each claim: what must never appear in the report. */
export interface ClaimPeople {
  subscriberLast: string;
  subscriberFirst: string;
  memberId: string;
  birthDate: string;
  patientLast?: string;
  patientBirthDate?: string;
}

export interface ScenarioClaim {
  claimId: string;
  payer: { payerId: string; name: string };
  charges: string[];
  status: ClaimStatus;
  batchId?: string;
  postings?: ClaimPosting[];
  payment?: ClaimPayment;
  primaryClaimId?: string;
  people: ClaimPeople;
}

let personSeq = 0;
function people(withPatient = false): ClaimPeople {
  personSeq++;
  const n = String(personSeq).padStart(2, '0');
  return {
    subscriberLast: `Zubrowkanova${n}`,
    subscriberFirst: `Quillon${n}`,
    memberId: `MBRQZ7${n}4412`,
    birthDate: `19${40 + personSeq}-0${(personSeq % 9) + 1}-1${personSeq % 10}`,
    ...(withPatient ? { patientLast: `Xerxanderby${n}`, patientBirthDate: `20${10 + personSeq}-11-2${personSeq % 10}` } : {}),
  };
}

export function claimInput(c: ScenarioClaim, tenantId = SCENARIO_TENANT): ClaimInput {
  const base = sampleClaimInput({ tenantId, claimId: c.claimId });
  const subscriber = {
    ...base.subscriber,
    memberId: c.people.memberId,
    name: { last: c.people.subscriberLast, first: c.people.subscriberFirst },
    birthDate: c.people.birthDate,
  };
  const [template] = base.serviceLines;
  return {
    ...base,
    payer: { name: c.payer.name, payerId: c.payer.payerId },
    subscriber,
    ...(c.people.patientLast && c.people.patientBirthDate
      ? {
          patient: {
            relationship: '19' as const,
            name: { last: c.people.patientLast, first: 'Kiddo' },
            birthDate: c.people.patientBirthDate,
            sex: 'M' as const,
            address: { line1: '1 Elm St', city: 'Springfield', state: 'IL', postalCode: '627011234' },
          },
        }
      : {}),
    serviceLines: c.charges.map((charge, i) => ({ ...template!, charge, lineItemControlNumber: `L${i + 1}` })),
  };
}

export function claimRecord(c: ScenarioClaim, tenantId = SCENARIO_TENANT): ClaimRecord {
  return {
    tenantId,
    claimId: c.claimId,
    status: c.status,
    version: 1,
    claim: Claim.parse(claimInput(c, tenantId)),
    receiverId: 'prairie-clearinghouse',
    ...(c.batchId !== undefined ? { batchId: c.batchId } : {}),
    findings: [],
    source: { file: `tenants/${tenantId}/inbound/encounters/${c.claimId.toLowerCase()}.json`, format: 'json' },
    ...(c.postings ? { postings: c.postings } : {}),
    ...(c.payment ? { payment: c.payment } : {}),
    ...(c.primaryClaimId ? { primaryClaimId: c.primaryClaimId } : {}),
    createdAt: '2026-01-05T09:00:00.000Z',
    updatedAt: '2026-06-29T10:00:00.000Z',
  };
}

export interface ScenarioBatch {
  batchId: string;
  daysAgo?: number;
  /** Not written yet: open since this many days. */
  openDaysAgo?: number;
  controlNumber: number;
  ack?: AckStatus;
  /** Claim ids written in the batch that are not in the claim list (resubmitted elsewhere). */
  extraClaimIds?: string[];
}

export const SCENARIO_BATCHES: ScenarioBatch[] = [
  { batchId: 'B1', daysAgo: 5, controlNumber: 101, ack: 'accepted', extraClaimIds: ['C-MOVED'] },
  { batchId: 'B2', daysAgo: 30, controlNumber: 102, ack: 'accepted_with_errors' },
  { batchId: 'B3', daysAgo: 31, controlNumber: 103 },
  { batchId: 'B4', daysAgo: 60, controlNumber: 104 },
  { batchId: 'B5', daysAgo: 61, controlNumber: 105 },
  { batchId: 'B6', daysAgo: 90, controlNumber: 106 },
  { batchId: 'B7', daysAgo: 91, controlNumber: 107, ack: 'partially_accepted' },
  { batchId: 'B8', openDaysAgo: 1, controlNumber: 108 },
];

export function scenarioClaims(): ScenarioClaim[] {
  personSeq = 0;
  const { sunrise, medicare, aetna } = PAYERS;
  return [
    {
      claimId: 'C-PAID',
      payer: sunrise,
      charges: ['100.00', '50.00'],
      status: 'paid',
      batchId: 'B1',
      people: people(true),
      postings: [
        posting({
          code: '1',
          charge: '150.00',
          paid: '120.00',
          allowed: '130.00',
          pccn: 'PCCN-PAID',
          lines: [
            { charge: '100.00', paid: '90.00', allowed: '100.00', adj: [['PR', '2', '10.00']] },
            { charge: '50.00', paid: '30.00', allowed: '30.00', adj: [['CO', '45', '20.00']] },
          ],
        }),
      ],
    },
    {
      // Denied, the denial reversed, then paid on re-adjudication: the denial no longer counts.
      claimId: 'C-REV-CORR',
      payer: sunrise,
      charges: ['200.00'],
      status: 'corrected',
      batchId: 'B2',
      people: people(),
      postings: [
        posting({ code: '4', charge: '200.00', paid: '0.00', allowed: '0.00', pccn: 'PCCN-RC', lines: [{ charge: '200.00', paid: '0.00', allowed: '0.00', adj: [['CO', '197', '200.00']] }] }, 1),
        posting(
          { code: '22', charge: '-200.00', paid: '0.00', allowed: '0.00', pccn: 'PCCN-RC', remittanceId: 'rem-0002', lines: [{ charge: '-200.00', paid: '0.00', allowed: '0.00', adj: [['CO', '197', '-200.00']] }] },
          1,
        ),
        posting(
          { code: '1', charge: '200.00', paid: '150.00', allowed: '150.00', pccn: 'PCCN-RC2', remittanceId: 'rem-0002', lines: [{ charge: '200.00', paid: '150.00', allowed: '150.00', adj: [['CO', '45', '50.00']] }] },
          2,
        ),
      ],
    },
    { claimId: 'C-SUBMITTED', payer: sunrise, charges: ['30.00'], status: 'submitted', batchId: 'B1', people: people() },
    { claimId: 'C-REJECTED-999', payer: sunrise, charges: ['45.00'], status: 'rejected', batchId: 'B7', people: people() },
    { claimId: 'C-OPENBATCH', payer: sunrise, charges: ['55.00'], status: 'submitted', batchId: 'B8', people: people() },
    {
      // Posted before postings existed: only the payment summary.
      claimId: 'C-LEGACY',
      payer: sunrise,
      charges: ['110.00'],
      status: 'paid',
      batchId: 'B2',
      people: people(true),
      payment: {
        remittanceId: 'rem-old',
        payerClaimControlNumber: 'PCCN-LEGACY',
        claimStatusCode: '1',
        charge: '110.00',
        paid: '100.00',
        patientResponsibility: '0.00',
        adjusted: '10.00',
        adjustments: [{ group: 'CO', reason: '45', amount: '10.00', line: 1 }],
        postedAt: '2026-06-01T10:00:00.000Z',
      },
    },
    {
      claimId: 'C-DENIED',
      payer: medicare,
      charges: ['50.00', '30.00'],
      status: 'denied',
      batchId: 'B3',
      people: people(),
      postings: [
        posting({
          code: '4',
          charge: '80.00',
          paid: '0.00',
          pccn: 'PCCN-DEN',
          lines: [
            { charge: '50.00', paid: '0.00', adj: [['CO', '50', '50.00']] },
            { charge: '30.00', paid: '0.00', adj: [['CO', '50', '20.00'], ['CO', '16', '10.00']] },
          ],
        }),
      ],
    },
    {
      claimId: 'C-PARTIAL',
      payer: medicare,
      charges: ['60.00', '40.00'],
      status: 'partially_paid',
      batchId: 'B4',
      people: people(),
      postings: [
        posting({
          code: '1',
          charge: '100.00',
          paid: '60.00',
          pccn: 'PCCN-PART',
          lines: [
            { charge: '60.00', paid: '60.00', allowed: '60.00' },
            { charge: '40.00', paid: '0.00', adj: [['CO', '97', '20.00'], ['CO', '50', '10.00'], ['PR', '1', '10.00']] },
          ],
        }),
      ],
    },
    { claimId: 'C-READY', payer: medicare, charges: ['25.00'], status: 'ready', people: people() },
    { claimId: 'C-REJECTED-INTAKE', payer: medicare, charges: ['35.00'], status: 'rejected', people: people() },
    {
      // Nothing paid: all of it went to the deductible. Not a denial (PR is excluded).
      claimId: 'C-DEDUCT',
      payer: medicare,
      charges: ['50.00'],
      status: 'denied',
      batchId: 'B1',
      people: people(),
      postings: [posting({ code: '1', charge: '50.00', paid: '0.00', allowed: '50.00', lines: [{ charge: '50.00', paid: '0.00', allowed: '50.00', adj: [['PR', '1', '50.00']] }] })],
    },
    {
      claimId: 'C-FORWARDED',
      payer: aetna,
      charges: ['120.00'],
      status: 'forwarded',
      batchId: 'B5',
      people: people(),
      postings: [
        posting({
          code: '19',
          charge: '120.00',
          paid: '70.00',
          allowed: '90.00',
          forwarded: true,
          pccn: 'PCCN-FWD',
          lines: [{ charge: '120.00', paid: '70.00', allowed: '90.00', adj: [['CO', '45', '30.00'], ['PR', '3', '20.00']] }],
        }),
      ],
    },
    {
      // Paid, then reversed; the payer's correction has not come yet.
      claimId: 'C-REVERSED-ONLY',
      payer: aetna,
      charges: ['90.00'],
      status: 'reversed',
      batchId: 'B6',
      people: people(),
      postings: [
        posting({ code: '1', charge: '90.00', paid: '90.00', allowed: '90.00', pccn: 'PCCN-REV', lines: [{ charge: '90.00', paid: '90.00', allowed: '90.00' }] }),
        posting({ code: '22', charge: '-90.00', paid: '-90.00', allowed: '-90.00', pccn: 'PCCN-REV', remittanceId: 'rem-0003', lines: [{ charge: '-90.00', paid: '-90.00', allowed: '-90.00' }] }),
      ],
    },
    {
      // The payer adjudicated 70.00 of the 75.00 billed (restated charge): billed ≠ paid + adjustments.
      claimId: 'C-MISMATCH',
      payer: aetna,
      charges: ['75.00'],
      status: 'paid',
      batchId: 'B7',
      people: people(),
      postings: [posting({ code: '1', charge: '70.00', paid: '70.00', allowed: '70.00', pccn: 'PCCN-7', lines: [{ charge: '70.00', paid: '70.00', allowed: '70.00' }] })],
    },
    { claimId: 'C-SEC', payer: aetna, charges: ['60.00', '40.00'], status: 'accepted', batchId: 'B1', primaryClaimId: 'C-PARTIAL', people: people(true) },
  ];
}

export function scenarioBatchRecords(claims: ScenarioClaim[], tenantId = SCENARIO_TENANT, asOf = SCENARIO_AS_OF): BatchRecord[] {
  return SCENARIO_BATCHES.map((b) => {
    const claimIds = [...claims.filter((c) => c.batchId === b.batchId).map((c) => c.claimId), ...(b.extraClaimIds ?? [])];
    const createdAt = daysBefore((b.daysAgo ?? b.openDaysAgo ?? 0) + 0.01, asOf);
    return {
      tenantId,
      batchId: b.batchId,
      receiverId: 'prairie-clearinghouse',
      controlNumber: b.controlNumber,
      groups: [{ controlNumber: b.controlNumber, version: '005010X222A1', transactions: [{ controlNumber: '0001', claimIds }] }],
      claimIds,
      fileKey: `tenants/${tenantId}/outbound/837/${b.batchId}.837`,
      status: b.daysAgo !== undefined ? 'written' : 'open',
      createdAt,
      ...(b.daysAgo !== undefined ? { writtenAt: daysBefore(b.daysAgo, asOf) } : {}),
      ...(b.ack
        ? {
            acknowledgment: {
              status: b.ack,
              at: daysBefore((b.daysAgo ?? 0) - 0.5, asOf),
              groups: [
                {
                  controlNumber: b.controlNumber,
                  status: b.ack,
                  ackId: `ack-${b.batchId}`,
                  file: `tenants/${tenantId}/inbound/999/${b.batchId}.999`,
                  at: daysBefore((b.daysAgo ?? 0) - 0.5, asOf),
                  errors: [],
                  transactions: [],
                },
              ],
            },
          }
        : {}),
    };
  });
}

export function scenarioAcknowledgments(tenantId = SCENARIO_TENANT): AcknowledgmentRecord[] {
  const base = { tenantId, alreadyPosted: 0, exceptions: 0, receivedAt: '2026-06-20T10:00:00.000Z' };
  return [
    { ...base, ackId: 'ack-B1', kind: '999', file: `tenants/${tenantId}/inbound/999/B1.999`, batchId: 'B1', groupControlNumber: 101, status: 'accepted', claimCount: 5, accepted: 5, rejected: 0, noted: 0 },
    { ...base, ackId: 'ack-B7', kind: '999', file: `tenants/${tenantId}/inbound/999/B7.999`, batchId: 'B7', groupControlNumber: 107, status: 'partially_accepted', claimCount: 2, accepted: 1, rejected: 1, noted: 0 },
    { ...base, ackId: 'ca-1', kind: '277ca', file: `tenants/${tenantId}/inbound/277ca/ca-1.277`, claimCount: 6, accepted: 5, rejected: 1, noted: 0 },
    { ...base, ackId: 'ca-2', kind: '277ca', file: `tenants/${tenantId}/inbound/277ca/ca-2.277`, claimCount: 3, accepted: 2, rejected: 0, noted: 1 },
  ];
}

export function scenarioExceptions(tenantId = SCENARIO_TENANT): ExceptionRecord[] {
  const file = `tenants/${tenantId}/inbound/835/era-0601.835`;
  return [
    {
      tenantId,
      kind: 'remittance-unmatched',
      file,
      position: 'segment 14',
      message: 'CLP01 matches no claim of the tenant',
      detail: { remittanceId: 'rem-0009', claimId: 'PCN-GHOST-ZQ9' },
      at: '2026-06-28T10:00:00.000Z',
    },
    {
      tenantId,
      kind: 'remittance-unbalanced',
      file,
      position: 'segment 30',
      message: 'CLP03 does not equal CLP04 plus the claim and line adjustments',
      detail: { remittanceId: 'rem-0009', claimId: 'C-PAID', check: 'claim', expected: '150.00', actual: '140.00', difference: '10.00' },
      at: '2026-06-28T10:00:01.000Z',
    },
    {
      tenantId,
      kind: 'remittance-line-unmatched',
      file,
      position: 'segment 41',
      message: 'SVC matches no line of the claim',
      detail: { remittanceId: 'rem-0009', claimId: 'C-PARTIAL', procedureCode: '99214' },
      at: '2026-06-28T10:00:02.000Z',
    },
    { tenantId, kind: 'invalid-encounter', file: `tenants/${tenantId}/inbound/encounters/bad.json`, position: 'claims[0]', message: 'claims[0].payer: required', at: '2026-06-27T10:00:00.000Z' },
  ];
}

export function scenarioRemittances(tenantId = SCENARIO_TENANT): RemittanceRecord[] {
  const base = { tenantId, claimCount: 3, postedClaims: 3, exceptions: 0, receivedAt: '2026-06-25T10:00:00.000Z' };
  return [
    { ...base, remittanceId: 'rem-0001', file: `tenants/${tenantId}/inbound/835/rem-0001.835`, payerId: 'SHP01', payerName: 'SUNRISE', traceNumber: 'TRN-1', paymentAmount: '530.00', balanced: true, state: 'posted' },
    { ...base, remittanceId: 'rem-0004', file: `tenants/${tenantId}/inbound/835/rem-0004.835`, payerId: 'MCR01', traceNumber: 'TRN-4', paymentAmount: '99.00', balanced: false, state: 'held', postedClaims: 0, receivedAt: '2026-06-26T10:00:00.000Z' },
    { ...base, remittanceId: 'rem-0005', file: `tenants/${tenantId}/inbound/835/rem-0005.835`, payerId: 'AET02', traceNumber: 'TRN-5', paymentAmount: '12.00', balanced: 'not-evaluable', state: 'posted', receivedAt: '2026-06-27T10:00:00.000Z' },
    { ...base, remittanceId: 'rem-old', file: `tenants/${tenantId}/inbound/835/rem-old.835`, paymentAmount: '100.00', receivedAt: '2026-06-01T10:00:00.000Z' },
  ];
}

export interface Scenario {
  claims: ScenarioClaim[];
  records: ClaimRecord[];
  batches: BatchRecord[];
  acknowledgments: AcknowledgmentRecord[];
  exceptions: ExceptionRecord[];
  remittances: RemittanceRecord[];
}

export function scenario(tenantId = SCENARIO_TENANT, asOf = SCENARIO_AS_OF): Scenario {
  const claims = scenarioClaims();
  return {
    claims,
    records: claims.map((c) => claimRecord(c, tenantId)),
    batches: scenarioBatchRecords(claims, tenantId, asOf),
    acknowledgments: scenarioAcknowledgments(tenantId),
    exceptions: scenarioExceptions(tenantId),
    remittances: scenarioRemittances(tenantId),
  };
}

/** Every string of PHI the scenario's claims hold. */
export function scenarioPhi(claims: ScenarioClaim[]): string[] {
  return claims.flatMap((c) => [
    c.people.subscriberLast,
    c.people.subscriberFirst,
    c.people.memberId,
    c.people.birthDate,
    ...(c.people.patientLast ? [c.people.patientLast, c.people.patientBirthDate ?? ''] : []),
  ]);
}
