/**
 * Hand-written 835 text for the 835 tests, and small helpers that read it
 * back with the real X12 reader. The figures in these files are chosen so the
 * tests can state the balancing arithmetic by hand.
 */
import { parseX12 } from '../../../../lambdas/core/x12/reader.js';
import type { Delimiters, TransactionSet } from '../../../../lambdas/core/x12/types.js';

/** ISA..IEA around transaction bodies (segments between ST and SE, without terminators). */
export function interchange835(bodies: string[][], control = '000000101'): string {
  const isa = [
    'ISA', '00', ' '.repeat(10), '00', ' '.repeat(10), 'ZZ', 'PAYERSENDER'.padEnd(15), 'ZZ', 'CLINICRECV'.padEnd(15),
    '240315', '0900', '^', '00501', control, '0', 'T', ':',
  ].join('*');
  const segments = [isa, `GS*HP*PAYERSENDER*CLINICRECV*20240315*0900*${Number(control)}*X*005010X221A1`];
  bodies.forEach((body, index) => {
    const st = String(index + 1).padStart(4, '0');
    segments.push(`ST*835*${st}`, ...body, `SE*${body.length + 2}*${st}`);
  });
  segments.push(`GE*${bodies.length}*${Number(control)}`, `IEA*1*${control}`);
  return segments.map((s) => `${s}~`).join('\n') + '\n';
}

/** The transaction sets of a text, with the interchange delimiters. */
export function transactions(text: string): Array<{ tx: TransactionSet; delimiters: Delimiters }> {
  const parsed = parseX12(text);
  if (!parsed.ok) throw parsed.error;
  return parsed.value.interchanges.flatMap((ic) =>
    ic.groups.flatMap((g) => g.transactions.map((tx) => ({ tx, delimiters: ic.delimiters }))),
  );
}

/** 1-based position (ISA = 1) of the first segment starting with `prefix`, found by plain text search. */
export function positionOf(text: string, prefix: string): number {
  const segments = text.split('~').map((s) => s.trim());
  const index = segments.findIndex((s) => s.startsWith(prefix));
  if (index < 0) throw new Error(`no segment starts with ${prefix}`);
  return index + 1;
}

/**
 * First transaction: three claims (paid with line CAS, denied, claim- and
 * line-level CAS), a PLB. Figures:
 *   PCN-001: 300.00 = 180.00 + (60.00 + 20.00) + 40.00; lines 200 = 120 + 60 + 20, 100 = 60 + 40
 *   PCN-002: 150.00 = 0 + 150.00 (CO-50 on the line)
 *   PCN-003: 100.50 = 72.50 + (7.00 + 3.00 claim PR) + 18.00 (line CO-45); line 100.50 = 82.50 + 18.00
 *   payment: 242.50 = (180.00 + 0 + 72.50) − (12.25 − 2.25)
 */
export const PAYER_A: string[] = [
  'BPR*I*242.5*C*CHK************20240315',
  'TRN*1*CHK10001*1123456789',
  'REF*EV*CLINICRECV',
  'DTM*405*20240314',
  'N1*PR*ACME HEALTH PLAN',
  'N3*1 PAYER PLAZA*SUITE 9',
  'N4*HARTFORD*CT*06101',
  'REF*2U*ACME01',
  'PER*CX*CLAIMS*TE*8005550101',
  'PER*BL*EDI DESK*TE*8005550100*EM*EDI@ACME.EXAMPLE',
  'N1*PE*SMITH CLINIC*XX*1234567893',
  'N3*9 MAIN ST',
  'N4*BOSTON*MA*02101',
  'REF*TJ*123456789',
  'LX*1',
  'TS3*1234567893*11*20241231*3*550.5',
  'CLP*PCN-001*1*300*180*20*12*ICN0001*11*1',
  'NM1*QC*1*DOE*JANE*Q***MI*M123',
  'NM1*82*1*HOUSE*GREGORY****XX*1497758544',
  'REF*1L*GRP77',
  'DTM*232*20240301',
  'DTM*233*20240301',
  'SVC*HC:99213:25*200*120**1',
  'DTM*472*20240301',
  'CAS*CO*45*60',
  'CAS*PR*3*20',
  'REF*6R*L1',
  'AMT*B6*140',
  'SVC*HC:36415*100*60**1',
  'DTM*472*20240301',
  'CAS*CO*45*40',
  'REF*6R*L2',
  'AMT*B6*60',
  'LQ*HE*N130',
  'CLP*PCN-002*4*150*0*0*12*ICN0002*11*1',
  'NM1*QC*1*ROE*RICHARD****MI*M456',
  'SVC*HC:97110*150*0**2',
  'DTM*150*20240302',
  'DTM*151*20240303',
  'CAS*CO*50*150*2',
  'REF*6R*L3',
  'CLP*PCN-003*1*100.50*72.5*10*12*ICN0003',
  'CAS*PR*1*7**2*3',
  'NM1*QC*1*POE*EDGAR',
  'SVC*HC:99212*100.5*82.5**1',
  'DTM*472*20240304',
  'CAS*CO*45*18',
  'PLB*1234567893*20241231*WO:ICN0009*12.25*L6*-2.25',
];

/** Second transaction: a notification-only remittance, the whole allowed amount went to the deductible. */
export const PAYER_B: string[] = [
  'BPR*H*0*C*NON************20240316',
  'TRN*1*EFT20002*1987654321',
  'DTM*405*20240316',
  'N1*PR*MEDICARE PART B',
  'N3*PO BOX 1',
  'N4*BALTIMORE*MD*21244',
  'PER*BL*HELP*UR*WWW.EXAMPLE.GOV',
  'N1*PE*SMITH CLINIC*XX*1234567893',
  'LX*1',
  'CLP*PCN-004*1*80*0*80*MB*ICN0004',
  'NM1*QC*1*DOE*JOHN****HN*1EG4TE5MK73',
  'SVC*HC:99211*80*0**1',
  'DTM*472*20240305',
  'CAS*PR*1*80',
];

/** MIA with MIA01-05, MIA15 and the remark codes MIA20/MIA21; the empty elements counted out. */
const MIA = ['MIA', '5', '10', '0', '500', 'MA01', '', '', '', '', '', '', '', '', '', '3', '', '', '', '', 'MA02', 'MA03'].join('*');

/**
 * Every segment of the 005010X221A1 detail beyond the posting core: CUR,
 * REF*F2, N4 with country (N404), RDM, LX/TS3/TS2, CLP11-13, NM1*74/TT/PR/GB, MIA,
 * MOA, PER*CX, claim and line QTY, SVC06/07, LQ*RX, a reversal (CLP02 22 with
 * negative amounts) and PLB segments with several pairs and reference ids.
 * Figures:
 *   INPAT-1:   1000 = 600 + (300 CO-45 + 100 PR-1), no lines
 *   OUTPAT-2:  500 = 485.50 + line CAS; lines 300 = 285.50 + 10 + 4.50, 200 = 200
 *   OUTPAT-2 reversed (CLP02 22): −500 = −485.50 + (−10 − 4.50); lines −300, −200 likewise
 *   DENIED-4:  150 = 0 + 150 (CO-50 on the line)
 *   PLB: 12.25 − 2.25 + 5 − 10 + 1.50 + 0.50 + 3 = 10.00
 *   payment: 590 = (600 + 485.50 − 485.50 + 0) − 10
 */
export const FULL: string[] = [
  'BPR*I*590*C*ACH*CCP*01*999999992*DA*123456*1512345678**01*999988880*DA*98765*20240315',
  'TRN*1*EFT0001*1512345678*SUPP01',
  'CUR*PR*CAD',
  'REF*EV*RECV01',
  'REF*F2*V1',
  'DTM*405*20240314',
  'N1*PR*ACME HEALTH PLAN*XV*ACME123',
  'N3*1 PAYER PLAZA',
  'N4*TORONTO*ON*M5V2T6*CA',
  'REF*2U*ACME01',
  'REF*NF*NAIC1',
  'PER*CX*CLAIMS*TE*8005550101',
  'PER*BL*EDI DESK*TE*8005550100*EM*EDI@ACME.EXAMPLE',
  'PER*IC**UR*WWW.ACME.EXAMPLE',
  'N1*PE*SMITH HOSPITAL*XX*1234567893',
  'N3*9 MAIN ST',
  'N4*BOSTON*MA*02101',
  'REF*TJ*123456789',
  'REF*PQ*P100',
  'RDM*EM*REMIT OFFICE*REMIT@SMITH.EXAMPLE',
  'LX*1',
  'TS3*1234567893*11*20241231*1*1000********100**200**300*250',
  'TS2*5000*4000*0*100*50*25*2*75*0',
  'CLP*INPAT-1*19*1000*600*100*MA*ICN100*11*1**470*1.2345*0.75',
  'CAS*CO*45*300',
  'CAS*PR*1*100',
  'NM1*QC*1*DOE*JANE****MI*M1',
  'NM1*IL*1*DOE*JOHN****MI*M0',
  'NM1*74*1*DOE*JANET****C*M2',
  'NM1*82*2*SMITH HOSPITAL*****XX*1234567893',
  'NM1*TT*2*MEDIGAP PLAN*****PI*MG01',
  'NM1*PR*2*OTHER PLAN*****PI*OP01',
  'NM1*GB*1*ROE*RAY****MI*GB01',
  MIA,
  'REF*1L*GRP1',
  'DTM*232*20240301',
  'DTM*233*20240305',
  'DTM*050*20240310',
  'PER*CX*CLAIMS DESK*TE*8005550102*EX*123',
  'AMT*AU*700',
  'QTY*CA*5',
  'QTY*NE*1',
  'LX*2',
  'CLP*OUTPAT-2*1*500*485.5*4.5*12*ICN200*13*1',
  'NM1*QC*1*ROE*RICHARD****MI*M3',
  'MOA*0.8*400*MA01*N130',
  'SVC*HC:99213:25*300*285.5**1*HC:99214*2',
  'DTM*472*20240302',
  'CAS*CO*45*10*1',
  'CAS*PR*3*4.5',
  'REF*LU*LOC1',
  'REF*6R*L1',
  'AMT*B6*290',
  'AMT*KH*5',
  'QTY*ZK*1.5',
  'LQ*HE*N130',
  'LQ*RX*RX1',
  'SVC*NU:0450*200*200',
  'DTM*150*20240303',
  'DTM*151*20240304',
  'REF*6R*L2',
  'CLP*OUTPAT-2*22*-500*-485.5*-4.5*12*ICN200*13*8',
  'NM1*QC*1*ROE*RICHARD****MI*M3',
  'SVC*HC:99213:25*-300*-285.5**-1',
  'CAS*CO*45*-10',
  'CAS*PR*3*-4.5',
  'SVC*NU:0450*-200*-200',
  'CLP*DENIED-4*4*150*0*0*12*ICN400',
  'NM1*QC*1*POE*EDGAR****MI*M4',
  'SVC*HC:97110*150*0**2',
  'CAS*CO*50*150*2',
  'PLB*1234567893*20241231*WO:ICN0009*12.25*L6*-2.25*FB:REF1*5*CS:ADJ2*-10*72*1.5*J1*.5',
  'PLB*1234567893*20241231*IR*3',
];
