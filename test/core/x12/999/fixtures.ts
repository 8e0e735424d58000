/**
 * 999 test models and options: one group ack with an accepted, a rejected
 * (segment and element errors with contexts) and an accepted-with-errors
 * transaction set, as the payer sandbox would answer an 837 batch.
 */
import { withGroupStatus } from '../../../../lambdas/core/x12/999/build-ack.js';
import type { FunctionalGroupAck } from '../../../../lambdas/core/x12/999/model.js';
import type { AckWriteOptions } from '../../../../lambdas/core/x12/999/write-999.js';

export const ACK_OPTIONS: AckWriteOptions = {
  senderQualifier: 'ZZ',
  senderId: 'PAYERSANDBOX',
  receiverQualifier: 'ZZ',
  receiverId: 'CFDEMO01',
  controlNumber: 731,
  createdAt: new Date('2026-03-04T15:16:00Z'),
};

export function groupAck(): FunctionalGroupAck {
  return withGroupStatus({
    functionalId: 'HC',
    groupControlNumber: '42',
    version: '005010X222A1',
    counts: {},
    groupErrors: [],
    transactions: [
      { transactionType: '837', controlNumber: '0001', version: '005010X222A1', status: 'accepted', errorCodes: [], segmentErrors: [] },
      {
        transactionType: '837',
        controlNumber: '0002',
        version: '005010X222A1',
        status: 'rejected',
        errorCodes: ['5'],
        segmentErrors: [
          {
            segmentId: 'CLM',
            position: 23,
            loopId: '2300',
            errorCode: '8',
            contexts: [{ name: 'CLM01', reference: 'ACME-26-0002' }],
            elementErrors: [{ position: { element: 2 }, elementRef: '782', errorCode: '1', contexts: [] }],
          },
          {
            segmentId: 'SV1',
            position: 29,
            loopId: '2400',
            errorCode: '8',
            contexts: [
              { name: 'CLM01', reference: 'ACME-26-0002' },
              { name: 'SITUATIONAL TRIGGER', segmentId: 'CLM', segmentPosition: 23, loopId: '2300', elementPosition: { element: 5, component: 3 }, elementRef: '1325' },
            ],
            elementErrors: [
              {
                position: { element: 1, component: 2 },
                elementRef: '234',
                errorCode: '7',
                contexts: [{ name: 'SITUATIONAL TRIGGER', segmentId: 'SV1', segmentPosition: 29, elementPosition: { element: 1, component: 1, repetition: 1 } }],
              },
            ],
          },
        ],
      },
      {
        transactionType: '837',
        controlNumber: '0003',
        version: '005010X222A1',
        status: 'accepted_with_errors',
        errorCodes: [],
        segmentErrors: [{ segmentId: 'REF', position: 12, errorCode: '2', contexts: [], elementErrors: [] }],
      },
    ],
  });
}

/** A model as the reader gives it, without file positions and raw status codes, to compare with a written one. */
export function comparable(ack: FunctionalGroupAck): unknown {
  return JSON.parse(JSON.stringify(ack, (key, value) => (key === 'filePosition' || key === 'statusCode' ? undefined : value)));
}
