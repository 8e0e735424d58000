/**
 * One test per rule of the validator: a conformant 837P from our writer,
 * one defect put in by hand, and the finding that must name it (code,
 * segment position, loop, element, claim).
 */
import { describe, expect, it } from 'vitest';
import { FINDING, validateX12, type ValidationFinding } from '../../../../lambdas/core/x12/validate/index.js';
import { X12Edit } from './validate-fixtures.js';

function errors(edit: X12Edit): ValidationFinding[] {
  return validateX12(edit.text()).findings.filter((f) => f.severity === 'error');
}

describe('validateX12 on a conformant file', () => {
  it('finds nothing in what our writer produced', () => {
    const report = validateX12(new X12Edit().text());
    expect(report.findings).toEqual([]);
    expect(report.errorCount).toBe(0);
    expect(report.transactions).toHaveLength(1);
    expect(report.transactions[0]).toMatchObject({ guide: '005010X222A1', transactionControlNumber: '0001', groupControlNumber: '11' });
    expect(report.transactions[0]?.claims.map((c) => [c.claimId, c.hls])).toEqual([
      ['CLAIM-A', ['1', '2']],
      ['CLAIM-B', ['3', '4', '5']],
    ]);
  });
});

describe('structure rules', () => {
  it('SEG_MISSING: a required segment left out is reported at the segment that passed it', () => {
    const edit = new X12Edit();
    const n3 = edit.position('N3*1 ALPHA WAY');
    edit.remove(n3).fixCounts();
    expect(errors(edit)).toEqual([expect.objectContaining({ code: FINDING.SEG_MISSING, position: n3, segmentId: 'N3', loopId: '2010AA', hl: '1' })]);
  });

  it('SEG_MISSING inside a claim names the claim and its envelopes', () => {
    const edit = new X12Edit();
    const dtp = edit.position('DTP*472', 2);
    edit.remove(dtp).fixCounts();
    expect(errors(edit)).toEqual([
      expect.objectContaining({
        code: FINDING.SEG_MISSING,
        segmentId: 'DTP',
        loopId: '2400',
        claimId: 'CLAIM-B',
        transactionControlNumber: '0001',
        groupControlNumber: '11',
        interchangeControlNumber: '000000011',
      }),
    ]);
  });

  it('SEG_UNEXPECTED: an unknown qualifier, and a segment out of order', () => {
    const unknown = new X12Edit();
    const ref = unknown.position('REF*6R');
    unknown.setElement(ref, 1, 'ZZ');
    expect(errors(unknown)).toEqual([expect.objectContaining({ code: FINDING.SEG_UNEXPECTED, position: ref, segmentId: 'REF', claimId: 'CLAIM-A' })]);

    const swapped = new X12Edit();
    const n3 = swapped.position('N3*1 ALPHA WAY');
    const n3Text = swapped.get(n3);
    swapped.remove(n3).insert(n3 + 1, n3Text);
    const found = errors(swapped);
    expect(found).toContainEqual(expect.objectContaining({ code: FINDING.SEG_MISSING, position: n3, segmentId: 'N3' }));
    expect(found).toContainEqual(expect.objectContaining({ code: FINDING.SEG_UNEXPECTED, position: n3 + 1, segmentId: 'N3' }));
  });

  it('SEG_REPEAT: a segment used more often than its maximum', () => {
    const edit = new X12Edit();
    const ref = edit.position('REF*EI');
    edit.insert(ref + 1, 'REF*EI*271234502').fixCounts();
    expect(errors(edit)).toEqual([expect.objectContaining({ code: FINDING.SEG_REPEAT, position: ref + 1, segmentId: 'REF', loopId: '2010AA' })]);
  });

  it('LOOP_REPEAT and LOOP_MISSING', () => {
    const repeat = new X12Edit();
    const nm1 = repeat.position('NM1*85');
    for (const offset of [0, 1, 2, 3]) repeat.insert(nm1 + 4 + offset, repeat.get(nm1 + offset));
    repeat.fixCounts();
    expect(errors(repeat)).toEqual([expect.objectContaining({ code: FINDING.LOOP_REPEAT, position: nm1 + 4, loopId: '2010AA' })]);

    const missing = new X12Edit();
    const payer = missing.position('NM1*PR');
    missing.remove(payer).fixCounts();
    expect(errors(missing)).toEqual([expect.objectContaining({ code: FINDING.LOOP_MISSING, position: payer, segmentId: 'NM1', loopId: '2000B' })]);
  });

  it('LOOP_SEQUENCE: LX01 must count the service lines', () => {
    const edit = new X12Edit();
    const lx = edit.position('LX*2');
    edit.set(lx, 'LX*3');
    expect(errors(edit)).toEqual([expect.objectContaining({ code: FINDING.LOOP_SEQUENCE, position: lx, element: 'LX01', claimId: 'CLAIM-A' })]);
  });

  it('SEG_TRAILING_SEPARATOR and SEG_TOO_MANY_ELEMENTS', () => {
    const trailing = new X12Edit();
    const n3 = trailing.position('N3*1 ALPHA WAY');
    trailing.set(n3, `${trailing.get(n3)}**`);
    expect(errors(trailing)).toEqual([expect.objectContaining({ code: FINDING.SEG_TRAILING_SEPARATOR, position: n3 })]);

    const extra = new X12Edit();
    const lx = extra.position('LX*1');
    extra.set(lx, 'LX*1*2');
    expect(errors(extra)).toEqual([expect.objectContaining({ code: FINDING.SEG_TOO_MANY_ELEMENTS, position: lx })]);
  });

  it('SEG_LEADING_SPACE: indentation inside the data stream (text input only)', () => {
    const text = new X12Edit().text().replace('~N3*1 ALPHA WAY', '~\n   N3*1 ALPHA WAY');
    const position = new X12Edit().position('N3*1 ALPHA WAY');
    expect(validateX12(text).findings).toEqual([expect.objectContaining({ code: FINDING.SEG_LEADING_SPACE, position })]);
  });
});

describe('element rules', () => {
  it('ELEM_REQUIRED, for an element and a composite component', () => {
    const edit = new X12Edit();
    const clm = edit.position('CLM*CLAIM-A');
    edit.setElement(clm, 2, '').setElement(clm, 5, '11::1');
    const found = errors(edit);
    expect(found).toContainEqual(expect.objectContaining({ code: FINDING.ELEM_REQUIRED, position: clm, element: 'CLM02', loopId: '2300', claimId: 'CLAIM-A' }));
    expect(found).toContainEqual(expect.objectContaining({ code: FINDING.ELEM_REQUIRED, position: clm, element: 'CLM05-2' }));
    expect(found).toHaveLength(2);
  });

  it('ELEM_NOT_USED: CLM03 is not used in the 837P', () => {
    const edit = new X12Edit();
    const clm = edit.position('CLM*CLAIM-A');
    edit.setElement(clm, 3, 'X');
    expect(errors(edit)).toEqual([expect.objectContaining({ code: FINDING.ELEM_NOT_USED, element: 'CLM03' })]);
  });

  it('ELEM_LENGTH: too long and too short', () => {
    const edit = new X12Edit();
    const clm = edit.position('CLM*CLAIM-A');
    edit.setElement(clm, 1, 'C'.repeat(39));
    const n4 = edit.position('N4*SPRINGFIELD');
    edit.setElement(n4, 1, 'S');
    const found = errors(edit);
    expect(found).toContainEqual(expect.objectContaining({ code: FINDING.ELEM_LENGTH, position: clm, element: 'CLM01' }));
    expect(found).toContainEqual(expect.objectContaining({ code: FINDING.ELEM_LENGTH, position: n4, element: 'N401' }));
  });

  it('ELEM_TYPE: numbers, dates, times and the character set', () => {
    const edit = new X12Edit();
    const clm = edit.position('CLM*CLAIM-A');
    edit.setElement(clm, 2, '12a');
    const bht = edit.position('BHT');
    edit.setElement(bht, 4, '20260230').setElement(bht, 5, '2561');
    const dtp = edit.position('DTP*472');
    edit.setElement(dtp, 3, '20261301');
    const nm1 = edit.position('NM1*40');
    edit.setElement(nm1, 3, 'CAFÉ');
    const found = errors(edit).map((f) => [f.code, f.element]);
    expect(found).toEqual(
      expect.arrayContaining([
        [FINDING.ELEM_TYPE, 'CLM02'],
        [FINDING.ELEM_TYPE, 'BHT04'],
        [FINDING.ELEM_TYPE, 'BHT05'],
        [FINDING.ELEM_TYPE, 'DTP03'],
        [FINDING.ELEM_TYPE, 'NM103'],
      ]),
    );
    expect(found).toHaveLength(5);
  });

  it('ELEM_TYPE: an RD8 range that ends before it starts', () => {
    const edit = new X12Edit();
    const dtp = edit.position('DTP*472');
    edit.set(dtp, 'DTP*472*RD8*20260303-20260302');
    expect(errors(edit)).toEqual([expect.objectContaining({ code: FINDING.ELEM_TYPE, element: 'DTP03' })]);
  });

  it("ELEM_CODE: values outside the guide's code lists (qualifiers, states, composites)", () => {
    const edit = new X12Edit();
    const sbr = edit.position('SBR*P*18');
    edit.setElement(sbr, 9, 'QQ');
    const n4 = edit.position('N4*COLUMBUS');
    edit.setElement(n4, 2, 'NA');
    const clm = edit.position('CLM*CLAIM-B');
    edit.setElement(clm, 5, '11:X:1');
    const found = errors(edit).map((f) => [f.code, f.position, f.element]);
    expect(found).toEqual([
      [FINDING.ELEM_CODE, sbr, 'SBR09'],
      [FINDING.ELEM_CODE, n4, 'N402'],
      [FINDING.ELEM_CODE, clm, 'CLM05-2'],
    ]);
  });

  it('ELEM_REPEAT: the repetition separator in an element that does not repeat', () => {
    const edit = new X12Edit();
    const n3 = edit.position('N3*1 ALPHA WAY');
    edit.set(n3, 'N3*1 ALPHA^WAY');
    expect(errors(edit)).toEqual([expect.objectContaining({ code: FINDING.ELEM_REPEAT, element: 'N301' })]);
  });

  it('ELEM_SYNTAX: NM108 without NM109 (paired)', () => {
    const edit = new X12Edit();
    const nm1 = edit.position('NM1*IL');
    edit.setElement(nm1, 9, '');
    edit.set(nm1, edit.get(nm1).replace(/\*+$/, ''));
    expect(errors(edit)).toEqual([expect.objectContaining({ code: FINDING.ELEM_SYNTAX, position: nm1, element: 'NM108' })]);
  });
});

describe('hierarchy and envelope rules', () => {
  it('HL_PARENT and HL_COUNT', () => {
    const parent = new X12Edit();
    const hl = parent.position('HL*5');
    parent.set(hl, 'HL*5*3*23*0');
    expect(errors(parent)).toEqual([expect.objectContaining({ code: FINDING.HL_PARENT, position: hl, element: 'HL02' })]);

    const count = new X12Edit();
    const second = count.position('HL*2');
    count.set(second, 'HL*7*1*22*0');
    expect(errors(count)).toEqual([expect.objectContaining({ code: FINDING.HL_COUNT, position: second, element: 'HL01' })]);
  });

  it('HL_CHILD is a warning when HL04 disagrees with what follows', () => {
    const edit = new X12Edit();
    const hl = edit.position('HL*2');
    edit.set(hl, 'HL*2*1*22*1');
    const report = validateX12(edit.text());
    expect(report.errorCount).toBe(0);
    expect(report.findings).toEqual([expect.objectContaining({ code: FINDING.HL_CHILD, severity: 'warning', position: hl, hl: '2' })]);
  });

  it('SE_COUNT, GE_COUNT, IEA_COUNT and CONTROL_MISMATCH', () => {
    const edit = new X12Edit();
    const se = edit.position('SE*');
    edit.set(se, 'SE*53*0002');
    edit.set(se + 1, 'GE*2*12');
    edit.set(se + 2, 'IEA*3*000000012');
    const found = errors(edit).map((f) => [f.code, f.position, f.element]);
    expect(found).toEqual([
      // At the ST that opens the set, as pyx12 reports it; the message names the SE.
      [FINDING.SE_COUNT, edit.position('ST*'), 'SE01'],
      [FINDING.CONTROL_MISMATCH, se, 'SE02'],
      [FINDING.GE_COUNT, se + 1, 'GE01'],
      [FINDING.CONTROL_MISMATCH, se + 1, 'GE02'],
      [FINDING.IEA_COUNT, se + 2, 'IEA01'],
      [FINDING.CONTROL_MISMATCH, se + 2, 'IEA02'],
    ]);
  });

  it('SEG_MISSING for absent trailers', () => {
    const edit = new X12Edit();
    edit.segments.splice(edit.position('SE*') - 1);
    const found = errors(edit).map((f) => [f.code, f.segmentId]);
    expect(found).toEqual(expect.arrayContaining([[FINDING.SEG_MISSING, 'SE'], [FINDING.SEG_MISSING, 'GE'], [FINDING.SEG_MISSING, 'IEA']]));
  });

  it('GUIDE_UNKNOWN: one finding with the version, for other guides and 004010', () => {
    const other = new X12Edit();
    other.setElement(other.position('ST*'), 3, '005010X222A2').setElement(other.position('GS*'), 8, '005010X222A2');
    expect(errors(other)).toEqual([expect.objectContaining({ code: FINDING.GUIDE_UNKNOWN, segmentId: 'ST' })]);
    expect(errors(other)[0]?.message).toContain('005010X222A2');

    const old = new X12Edit();
    old.set(1, old.get(1).replace('*^*00501*', '*U*00401*'));
    expect(errors(old)).toEqual([expect.objectContaining({ code: FINDING.GUIDE_UNKNOWN, position: 1, element: 'ISA12' })]);
    expect(errors(old)[0]?.message).toContain('00401');
  });

  it('X12_UNREADABLE instead of throwing on text that is not X12', () => {
    expect(validateX12('hello').findings).toEqual([expect.objectContaining({ code: FINDING.X12_UNREADABLE, severity: 'error' })]);
    expect(validateX12('').errorCount).toBe(1);
  });
});

describe('messages never echo values', () => {
  it('names elements and rules only', () => {
    const edit = new X12Edit();
    const nm1 = edit.position('NM1*IL');
    edit.setElement(nm1, 3, 'SECRETNAME'.repeat(7)).setElement(nm1, 2, 'Q');
    const clm = edit.position('CLM*CLAIM-A');
    edit.setElement(clm, 2, 'SECRETAMOUNT');
    const report = validateX12(edit.text());
    expect(report.errorCount).toBeGreaterThanOrEqual(3);
    for (const finding of report.findings) expect(finding.message).not.toMatch(/SECRET/);
  });
});
