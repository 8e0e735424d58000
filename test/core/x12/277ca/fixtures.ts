/**
 * 277CA test models: a payer answering an 837 batch for two billing
 * providers: one accepted claim, one rejected claim with a rejected line, and
 * a provider whose own status rejects the claim under it.
 */
import type { Ack277CA, Ack277CAInput, ClaimAck, ClaimStatus } from '../../../../lambdas/core/x12/277ca/model.js';

const status = (category: string, code: string, action: 'WQ' | 'U', amount?: string, entity?: string): ClaimStatus => ({
  category,
  status: code,
  ...(entity ? { entity } : {}),
  effectiveDate: '2026-03-04',
  action,
  ...(amount ? { amount } : {}),
  additional: [],
});

function claim(pcn: string, statuses: ClaimStatus[], extra: Partial<ClaimAck> = {}): ClaimAck {
  return {
    patientControlNumber: pcn,
    patient: { entityCode: 'QC', entityType: '1', lastOrOrganization: 'DOE', first: 'JANE', idQualifier: 'MI', id: 'M1000' },
    statuses,
    disposition: 'pending',
    serviceDates: { from: '2026-02-20' },
    lines: [],
    ...extra,
  };
}

export function ack277(): Ack277CAInput {
  return {
    controlNumber: '0001',
    referenceId: 'B42',
    transactionDate: '2026-03-04',
    transactionTime: '1516',
    sources: [
      {
        name: { entityCode: 'PR', entityType: '2', lastOrOrganization: 'SANDBOX HEALTH PLAN', idQualifier: 'PI', id: 'SBX01' },
        traceNumber: 'T731',
        statuses: [],
        disposition: 'pending',
        receivedDate: '2026-03-04',
        processDate: '2026-03-04',
        receivers: [
          {
            name: { entityCode: '41', entityType: '2', lastOrOrganization: 'ACME BILLING', idQualifier: '46', id: 'CFDEMO01' },
            traceNumber: '42',
            statuses: [status('A1', '19', 'WQ', '425.00', 'PR')],
            disposition: 'pending',
            totals: { acceptedQuantity: 1, rejectedQuantity: 2, acceptedAmount: '100.00', rejectedAmount: '325.50' },
            providers: [
              {
                name: { entityCode: '85', entityType: '2', lastOrOrganization: 'ACME CLINIC', idQualifier: 'XX', id: '1234567893' },
                traceNumber: '0',
                statuses: [{ ...status('A1', '19', 'WQ', '250.50'), effectiveDate: undefined }],
                disposition: 'pending',
                references: [{ qualifier: 'TJ', value: '123456789' }],
                totals: { acceptedQuantity: 1, rejectedQuantity: 1, acceptedAmount: '100.00', rejectedAmount: '150.50' },
                claims: [
                  claim('ACME-26-0001', [status('A2', '20', 'WQ', '100.00')], { payerClaimId: 'PCN900001', clearinghouseTraceNumber: 'CH1' }),
                  claim('ACME-26-0002', [{ ...status('A7', '21', 'U', '150.50', '85'), additional: [{ category: 'A7', status: '562', entity: '85' }], message: 'NPI NOT ON FILE' }], {
                    serviceDates: { from: '2026-02-20', to: '2026-02-21' },
                    billType: '131',
                    lines: [
                      {
                        lineItemControlNumber: 'L2-1',
                        procedure: { qualifier: 'HC', code: '99213', modifiers: ['25'] },
                        charge: '150.50',
                        units: '1',
                        statuses: [{ ...status('A7', '453', 'U'), amount: undefined }],
                        disposition: 'pending',
                        serviceDates: { from: '2026-02-20' },
                      },
                    ],
                  }),
                ],
              },
              {
                name: { entityCode: '85', entityType: '1', lastOrOrganization: 'SMITH', first: 'ANN', suffix: 'MD', idQualifier: 'XX', id: '1999999984' },
                traceNumber: '0',
                statuses: [{ ...status('A3', '85', 'U', '175.00', '85'), effectiveDate: undefined }],
                disposition: 'pending',
                references: [],
                totals: { rejectedQuantity: 1, rejectedAmount: '175.00' },
                claims: [claim('ACME-26-0003', [status('A1', '20', 'WQ', '175.00')])],
              },
            ],
          },
        ],
      },
    ],
  };
}

/** Without file positions, to compare a read model with the one written. */
export function comparable(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (key, v) => (key === 'filePosition' ? undefined : v)));
}

/** The tree of a read ack with the derived fields the writer does not take. */
export function treeOf(ack: Ack277CA): unknown {
  const { claims: _claims, ...rest } = ack;
  return JSON.parse(
    JSON.stringify(rest, (key, v) =>
      ['filePosition', 'hlId', 'disposition', 'rejectedAt', 'billedAmount', 'payerId', 'informationReceiverId', 'billingProviderId', 'controlNumber', 'version'].includes(key)
        ? undefined
        : v,
    ),
  );
}
