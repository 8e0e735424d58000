import { describe, expect, it } from 'vitest';
import type { Claim } from '../../../../../lambdas/core/claim/model.js';
import { procedureKind } from '../../../../../lambdas/core/scrub/rules/procedure/code-kind.js';
import { procedureFormatRule } from '../../../../../lambdas/core/scrub/rules/procedure/format.js';
import { brief, inpatient, noCodeSets, professional, run } from '../coding-support.js';

const withCode = (procedureCode: string): Claim =>
  professional({ serviceLines: [{ procedureCode: '99213', units: 1, charge: '100.00', serviceDate: '2026-03-02', diagnosisPointers: [1] }, { procedureCode, units: 1, charge: '10.00', serviceDate: '2026-03-02', diagnosisPointers: [1] }] });

describe('PROC-FORMAT', () => {
  it('classifies CPT and HCPCS by shape', () => {
    expect(['99213', '0001U', '3078F', '0042T', '90476A', '9047M'].map(procedureKind)).toEqual(['CPT', 'CPT', 'CPT', 'CPT', undefined, 'CPT']);
    expect(['G0008', 'J3301', 'V2020', 'W1234', 'G000'].map(procedureKind)).toEqual(['HCPCS', 'HCPCS', 'HCPCS', undefined, undefined]);
  });

  it('clean claims draw nothing', () => {
    expect(run(procedureFormatRule, professional(), noCodeSets())).toEqual([]);
    expect(run(procedureFormatRule, inpatient(), noCodeSets())).toEqual([]);
    expect(run(procedureFormatRule, withCode('G0008'), noCodeSets())).toEqual([]);
  });

  it('flags codes that are neither CPT nor HCPCS Level II', () => {
    for (const code of ['9921X', 'W1234', 'GA123']) {
      expect(brief(run(procedureFormatRule, withCode(code), noCodeSets()))).toEqual(['error serviceLines[1].procedureCode']);
    }
  });
});
