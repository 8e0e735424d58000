/**
 * claimsWithErrors: which claims a report condemns, for the batch step.
 */
import { describe, expect, it } from 'vitest';
import { claimsWithErrors, fileLevelErrors, validateX12 } from '../../../../lambdas/core/x12/validate/index.js';
import { X12Edit } from './validate-fixtures.js';

const ids = (edit: X12Edit): string[] => claimsWithErrors(validateX12(edit.text())).map((c) => c.claimId);

describe('claimsWithErrors', () => {
  it('is empty for a conformant file', () => {
    expect(ids(new X12Edit())).toEqual([]);
  });

  it('names only the claim whose loop holds the error, with its envelopes', () => {
    const edit = new X12Edit();
    edit.setElement(edit.position('CLM*CLAIM-B'), 7, 'Q');
    const claims = claimsWithErrors(validateX12(edit.text()));
    expect(claims).toEqual([
      expect.objectContaining({ claimId: 'CLAIM-B', transactionControlNumber: '0001', groupControlNumber: '11', interchangeControlNumber: '000000011' }),
    ]);
    expect(claims[0]?.findings.map((f) => f.element)).toEqual(['CLM07']);
  });

  it('an error in a hierarchical level condemns the claims beneath it only', () => {
    const edit = new X12Edit();
    edit.setElement(edit.position('N4*COLUMBUS'), 2, 'NA');
    expect(ids(edit)).toEqual(['CLAIM-B']);
    const subscriber = new X12Edit();
    subscriber.setElement(subscriber.position('SBR*P*18'), 9, 'QQ');
    expect(ids(subscriber)).toEqual(['CLAIM-A']);
  });

  it('an envelope or header error condemns every claim in it', () => {
    const edit = new X12Edit();
    edit.setElement(edit.position('BHT'), 6, 'ZZ');
    expect(ids(edit)).toEqual(['CLAIM-A', 'CLAIM-B']);
    const envelope = new X12Edit();
    envelope.set(envelope.position('GE*'), 'GE*1*99');
    expect(ids(envelope)).toEqual(['CLAIM-A', 'CLAIM-B']);
    expect(fileLevelErrors(validateX12(envelope.text())).map((f) => f.code)).toEqual(['CONTROL_MISMATCH']);
  });
});
