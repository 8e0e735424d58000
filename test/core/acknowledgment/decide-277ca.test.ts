import { describe, expect, it } from 'vitest';
import { claimsInContext, decide277ca } from '../../../lambdas/core/acknowledgment/decide-277ca.js';
import type { Ack277CAInput, ClaimAck, ClaimStatus, ProviderAck } from '../../../lambdas/core/x12/277ca/model.js';
import { read277CA } from '../../../lambdas/core/x12/277ca/read-277ca.js';
import { write277CA } from '../../../lambdas/core/x12/277ca/write-277ca.js';
import { readX12 } from '../../../lambdas/core/x12/reader.js';

const stc = (category: string, status: string, action: 'WQ' | 'U', amount?: string, entity?: string, additional: ClaimStatus['additional'] = []): ClaimStatus => ({
  category,
  status,
  ...(entity ? { entity } : {}),
  effectiveDate: '2026-03-04',
  action,
  ...(amount ? { amount } : {}),
  additional,
});

const claim = (pcn: string, statuses: ClaimStatus[], extra: Partial<ClaimAck> = {}): ClaimAck => ({
  patientControlNumber: pcn,
  patient: { entityCode: 'QC', entityType: '1', lastOrOrganization: 'TESTPERSON', first: 'ANA', idQualifier: 'MI', id: 'M1' },
  statuses,
  disposition: 'pending',
  serviceDates: { from: '2026-02-20' },
  lines: [],
  ...extra,
});

const provider = (npi: string, statuses: ClaimStatus[], claims: ClaimAck[]): ProviderAck => ({
  name: { entityCode: '85', entityType: '2', lastOrOrganization: 'CLINIC', idQualifier: 'XX', id: npi },
  traceNumber: '0',
  statuses: statuses.map((s) => ({ ...s, effectiveDate: undefined })),
  disposition: 'pending',
  references: [],
  totals: {},
  claims,
});

/** Written and read back: the dispositions are the reader's, as in production. */
function roundTrip(providers: ProviderAck[]) {
  const model: Ack277CAInput = {
    controlNumber: '0001',
    referenceId: 'R1',
    transactionDate: '2026-03-04',
    transactionTime: '1200',
    sources: [
      {
        name: { entityCode: 'PR', entityType: '2', lastOrOrganization: 'PAYER', idQualifier: 'PI', id: 'P1' },
        traceNumber: 'T1',
        statuses: [],
        disposition: 'pending',
        receivedDate: '2026-03-04',
        processDate: '2026-03-04',
        receivers: [
          {
            name: { entityCode: '41', entityType: '2', lastOrOrganization: 'SUBMITTER', idQualifier: '46', id: 'S1' },
            traceNumber: 'B1',
            statuses: [stc('A1', '19', 'WQ', '100.00', 'PR')],
            disposition: 'pending',
            totals: {},
            providers,
          },
        ],
      },
    ],
  };
  const parsed = readX12(write277CA([model], { senderQualifier: 'ZZ', senderId: 'PAYER', receiverQualifier: 'ZZ', receiverId: 'US', controlNumber: 5, createdAt: new Date('2026-03-04T12:00:00Z') }));
  const interchange = parsed.interchanges[0]!;
  return read277CA(interchange.groups[0]!.transactions[0]!, interchange.delimiters).ack;
}

const ourClaim = { serviceLines: [{ lineItemControlNumber: 'L-1' }, { lineItemControlNumber: 'L-2' }] } as never;

describe('decide277ca', () => {
  it('A2 accepts the claim and keeps the payer claim id, without findings', () => {
    const ack = roundTrip([provider('1234567893', [stc('A1', '19', 'WQ', '100.00')], [claim('C-1', [stc('A2', '20', 'WQ', '100.00')], { payerClaimId: 'PAY-77' })])]);
    const [entry] = claimsInContext(ack).claims;
    expect(decide277ca(entry!, ourClaim)).toEqual({ action: 'accepted', findings: [], payerClaimId: 'PAY-77', unmatchedLines: [], statuses: ['A2:20'] });
  });

  it('A7 on the claim rejects it; the STC10 code and the line matched by REF*FJ become findings', () => {
    const line = { lineItemControlNumber: 'L-2', procedure: { qualifier: 'HC', code: '99213', modifiers: [] }, charge: '50.00', statuses: [stc('A7', '454', 'U')], disposition: 'pending' as const, serviceDates: { from: '2026-02-20' } };
    const stray = { ...line, lineItemControlNumber: 'L-9' };
    const ack = roundTrip([
      provider('1234567893', [stc('A1', '19', 'WQ', '100.00')], [
        claim('C-2', [stc('A7', '21', 'U', '100.00', 'IL', [{ category: 'A7', status: '164', entity: 'IL' }])], { lines: [line, stray] }),
      ]),
    ]);
    const outcome = decide277ca(claimsInContext(ack).claims[0]!, ourClaim);
    expect(outcome.action).toBe('rejected');
    expect(outcome.findings.map((f) => [f.ruleId, f.severity, f.line])).toEqual([
      ['277CA-A7-21', 'error', undefined],
      ['277CA-A7-454', 'error', 2],
      ['277CA-A7-454', 'error', undefined],
    ]);
    expect(outcome.findings[0]!.message).toContain('status 164');
    expect(outcome.findings[0]!.message).toContain('entity IL (subscriber)');
    expect(outcome.findings[1]).toMatchObject({ path: 'serviceLines[1]' });
    expect(outcome.unmatchedLines.map((l) => l.lineItemControlNumber)).toEqual(['L-9']);
    expect(JSON.stringify(outcome)).not.toContain('TESTPERSON');
  });

  it('a rejected billing provider level rejects every claim under it with the provider\'s reason', () => {
    const ack = roundTrip([
      provider('1234567893', [stc('A3', '85', 'U', '200.00', '85')], [claim('C-3', [stc('A1', '20', 'WQ', '100.00')]), claim('C-4', [stc('A2', '20', 'WQ', '100.00')])]),
      provider('1999999984', [stc('A1', '19', 'WQ', '100.00')], [claim('C-5', [stc('A2', '20', 'WQ', '100.00')])]),
    ]);
    const { claims, problems } = claimsInContext(ack);
    expect(problems).toEqual([]);
    const outcomes = claims.map((c) => [c.claim.patientControlNumber, decide277ca(c, ourClaim)] as const);
    expect(outcomes.map(([id, o]) => [id, o.action])).toEqual([
      ['C-3', 'rejected'],
      ['C-4', 'rejected'],
      ['C-5', 'accepted'],
    ]);
    expect(outcomes[0]![1].findings).toEqual([expect.objectContaining({ ruleId: '277CA-A3-85', message: expect.stringContaining('billing provider level') })]);
  });

  it('a status that neither accepts nor rejects is a note carrying the status as a warning', () => {
    const ack = roundTrip([provider('1234567893', [stc('A1', '19', 'WQ', '100.00')], [claim('C-6', [stc('A5', '20', 'WQ', '100.00')])])]);
    const outcome = decide277ca(claimsInContext(ack).claims[0]!, ourClaim);
    expect(outcome.action).toBe('note');
    expect(outcome.findings.map((f) => [f.ruleId, f.severity])).toEqual([['277CA-A5-20', 'warning']]);
  });
});
