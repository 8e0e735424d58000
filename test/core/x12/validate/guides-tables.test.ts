/**
 * The 837I, 835, 999 and 277CA guide tables, rule by rule: a clean file from
 * our own writers, changed in one place, must give exactly the finding that
 * rule implies (segment, loop, element, code) and nothing else. SE01 is
 * recounted after each edit so the edit is the file's only defect.
 */
import { describe, expect, it } from 'vitest';
import { validateX12 } from '../../../../lambdas/core/x12/validate/index.js';
import { editSegments, file277CA, file835, file837I, file999, replaceFirst } from './guides-fixtures.js';

function errors(text: string): string[] {
  return validateX12(text)
    .findings.filter((f) => f.severity === 'error')
    .map((f) => `${f.code} ${f.loopId ?? '-'} ${f.segmentId ?? '-'} ${f.element ?? '-'}`);
}

/** Inserts `added` after (offset 1) or before (offset 0) the first segment starting with `prefix`. */
function insertAt(prefix: string, offset: 0 | 1, added: string[]): (segments: string[]) => string[] {
  return (segments) => {
    const index = segments.findIndex((s) => s.startsWith(prefix));
    if (index < 0) throw new Error(`fixture has no segment starting with ${prefix}`);
    return [...segments.slice(0, index + offset), ...added, ...segments.slice(index + offset)];
  };
}
const insertAfter = (prefix: string, ...added: string[]) => insertAt(prefix, 1, added);
const insertBefore = (prefix: string, ...added: string[]) => insertAt(prefix, 0, added);

describe('837I (005010X223A2) table', () => {
  const clean = file837I();

  it('the writer fixture is clean and is validated by the 837I guide', () => {
    const report = validateX12(clean);
    expect(errors(clean)).toEqual([]);
    expect(report.transactions.map((t) => t.guide)).toEqual(['005010X223A2']);
    expect(report.transactions[0]?.claims.map((c) => c.claimId)).toEqual(['WT-I-0001', 'WT-I-0002']);
  });

  const cases: Array<[string, (segments: string[]) => string[], string[]]> = [
    ['CL1 is required in 2300', replaceFirst('CL1*', null), ['SEG_MISSING 2300 CL1 -']],
    ['statement dates use RD8 only', replaceFirst('DTP*434*', 'DTP*434*D8*20260302'), ['ELEM_CODE 2300 DTP DTP02']],
    ['discharge hour uses TM only', replaceFirst('DTP*096*', 'DTP*096*D8*20260302'), ['ELEM_CODE 2300 DTP DTP02']],
    ['CLM05-2 is A (bill type), not B (place of service)', replaceFirst('CLM*WT-I-0001*', 'CLM*WT-I-0001*2850***11:B:1**A*Y*Y'), ['ELEM_CODE 2300 CLM CLM05-2']],
    ['CLM11 (related causes) is not used', replaceFirst('CLM*WT-I-0001*', 'CLM*WT-I-0001*2850***11:A:1**A*Y*Y**AA'), ['ELEM_NOT_USED 2300 CLM CLM11']],
    ['occurrence codes carry D8 dates', replaceFirst('HI*BH:', 'HI*BH:11:RD8:20260301-20260302'), ['ELEM_CODE 2300 HI HI01-3']],
    ['occurrence spans carry RD8 periods', replaceFirst('HI*BI:', 'HI*BI:70:D8:20260301'), ['ELEM_CODE 2300 HI HI01-3']],
    ['every composite of a family has its qualifier', replaceFirst('HI*BG:', 'HI*BG:39*BH:40'), ['ELEM_CODE 2300 HI HI02-1']],
    ['condition codes take no POA indicator', replaceFirst('HI*BG:', 'HI*BG:39:::::::Y'), ['ELEM_NOT_USED 2300 HI HI01-9']],
    ['value codes need their amount', replaceFirst('HI*BE:', 'HI*BE:80'), ['ELEM_REQUIRED 2300 HI HI01-5']],
    ['occurrence information repeats at most 4 times', insertAfter('HI*BH:', 'HI*BH:11:D8:20260301', 'HI*BH:11:D8:20260301', 'HI*BH:11:D8:20260301', 'HI*BH:11:D8:20260301'), ['SEG_REPEAT 2300 HI -']],
    ['an unknown HI qualifier is not expected', replaceFirst('HI*BG:', 'HI*BP:39'), ['SEG_UNEXPECTED 2300 HI -']],
    ['SV206 is not used', replaceFirst('SV2*0120*', 'SV2*0120**2400*DA*2*1200'), ['ELEM_NOT_USED 2400 SV2 SV206']],
    ['SV204 is DA or UN', replaceFirst('SV2*0120*', 'SV2*0120**2400*MJ*2'), ['ELEM_CODE 2400 SV2 SV204']],
    ['the billing provider ZIP code has nine digits', replaceFirst('N4*SPRINGFIELD*IL*627040001', 'N4*SPRINGFIELD*IL*62704'), ['ELEM_LENGTH 2010AA N4 N403']],
    ['the attending provider is a person', replaceFirst('NM1*71*1*', 'NM1*71*2*BETATEST*****XX*1990000113'), ['ELEM_CODE 2310A NM1 NM102']],
    ['2000B has no PAT in the 837I', insertAfter('SBR*P*18*', 'PAT*19'), ['SEG_UNEXPECTED 2000B PAT -']],
  ];
  it.each(cases)('%s', (_name, edit, expected) => {
    expect(errors(editSegments(clean, edit))).toEqual(expected);
  });
});

describe('835 (005010X221A1) table', () => {
  const clean = file835();

  it('the writer fixture is clean and is validated by the 835 guide', () => {
    const report = validateX12(clean);
    expect(errors(clean)).toEqual([]);
    expect(report.transactions.map((t) => t.guide)).toEqual(['005010X221A1']);
    expect(report.transactions[0]?.claims.length).toBeGreaterThan(0);
  });

  const cases: Array<[string, (segments: string[]) => string[], string[]]> = [
    ['the payer technical contact (PER*BL) is required', replaceFirst('PER*BL*', null), ['SEG_MISSING 1000A PER -']],
    ['BPR16 is required', replaceFirst('BPR*', 'BPR*I*246.5*C*CHK'), ['ELEM_REQUIRED ST BPR BPR16']],
    ['ST03 is not used', replaceFirst('ST*835*', 'ST*835*0001*005010X221A1'), ['ELEM_NOT_USED ST ST ST03']],
    ['CAS01 CR is not a 5010 group code', replaceFirst('CAS*CO*45*', 'CAS*CR*45*58'), ['ELEM_CODE 2110 CAS CAS01']],
    ['TRN03 (payer id) is required', replaceFirst('TRN*1*', 'TRN*1*SBXTRACE0001'), ['ELEM_REQUIRED ST TRN TRN03']],
    ['the patient name (NM1*QC) is required in 2100', (s) => s.filter((seg) => !seg.startsWith('NM1*QC*')), ['SEG_MISSING 2100 NM1 -', 'SEG_MISSING 2100 NM1 -', 'SEG_MISSING 2100 NM1 -', 'SEG_MISSING 2100 NM1 -', 'SEG_MISSING 2100 NM1 -']],
    ['PLB may repeat', insertBefore('SE*', 'PLB*1234567893*20261231*WO:X1*10', 'PLB*1234567893*20261231*L6*2'), []],
    ['PLB03-1 is the guide\u2019s adjustment reason code', insertBefore('SE*', 'PLB*1234567893*20261231*ZZ:X1*10'), ['ELEM_CODE ST PLB PLB03-1']],
  ];
  it.each(cases)('%s', (_name, edit, expected) => {
    expect(errors(editSegments(clean, edit))).toEqual(expected);
  });
});

describe('999 (005010X231A1) table', () => {
  const clean = file999();

  it('the writer fixture is clean and is validated by the 999 guide', () => {
    expect(errors(clean)).toEqual([]);
    expect(validateX12(clean).transactions.map((t) => t.guide)).toEqual(['005010X231A1']);
  });

  const cases: Array<[string, (segments: string[]) => string[], string[]]> = [
    ['IK501 is an acknowledgment code', replaceFirst('IK5*A', 'IK5*Z'), ['ELEM_CODE 2000 IK5 IK501']],
    ['AK9 is required', replaceFirst('AK9*', null), ['SEG_MISSING ST AK9 -']],
    ['IK304 is required in X231A1', replaceFirst('IK3*CLM*', 'IK3*CLM*23*2300'), ['ELEM_REQUIRED 2100 IK3 IK304']],
    ['IK403 is an element error code', replaceFirst('IK4*2*782*', 'IK4*2*782*99'), ['ELEM_CODE 2110 IK4 IK403']],
    ['IK5 is required after the segment errors', replaceFirst('IK5*R', null), ['SEG_MISSING 2000 IK5 -']],
    ['AK101 is a functional identifier code', replaceFirst('AK1*', 'AK1*XX*42*005010X222A1'), ['ELEM_CODE ST AK1 AK101']],
  ];
  it.each(cases)('%s', (_name, edit, expected) => {
    expect(errors(editSegments(clean, edit))).toEqual(expected);
  });

  it('the base 005010X231 version is validated by the same table', () => {
    const base = clean.replaceAll('005010X231A1', '005010X231');
    expect(errors(base)).toEqual([]);
    expect(validateX12(base).transactions.map((t) => t.guide)).toEqual(['005010X231']);
    // IK304 is situational there.
    expect(errors(editSegments(base, replaceFirst('IK3*CLM*', 'IK3*CLM*23*2300')))).toEqual([]);
  });
});

describe('277CA (005010X214) table', () => {
  const clean = file277CA();

  it('the writer fixture is clean and is validated by the 277CA guide', () => {
    const report = validateX12(clean);
    expect(errors(clean)).toEqual([]);
    expect(report.transactions.map((t) => t.guide)).toEqual(['005010X214']);
  });

  const cases: Array<[string, (segments: string[]) => string[], string[]]> = [
    ['2200B needs its STC', replaceFirst('STC*A1:19:PR*', null), ['SEG_MISSING 2200B STC -']],
    ['BHT02 is 08', replaceFirst('BHT*0085*08*', 'BHT*0085*06*B42*20260304*1516*TH'), ['ELEM_CODE ST BHT BHT02']],
    ['the claim service date (2200D DTP*472) is required', replaceFirst('DTP*472*', null), ['SEG_MISSING 2200D DTP -']],
    ['2200C STC02 is not used', replaceFirst('STC*A1:19**WQ*', 'STC*A1:19*20260304*WQ*250.5'), ['ELEM_NOT_USED 2200C STC STC02']],
    ['STC01-3 is one of the level\u2019s entity codes', replaceFirst('STC*A1:19:PR*', 'STC*A1:19:QC*20260304*WQ*425'), ['ELEM_CODE 2200B STC STC01-3']],
    ['STC03 is U or WQ', replaceFirst('STC*A1:19:PR*', 'STC*A1:19:PR*20260304*AA*425'), ['ELEM_CODE 2200B STC STC03']],
    ['the information source is PR or AY', replaceFirst('NM1*PR*2*', 'NM1*41*2*SANDBOX HEALTH PLAN*****PI*SBX01'), ['SEG_UNEXPECTED 2000A NM1 -', 'LOOP_MISSING 2000A NM1 -']],
  ];
  it.each(cases)('%s', (_name, edit, expected) => {
    expect(errors(editSegments(clean, edit))).toEqual(expected);
  });
});
