import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHl7v2Dft } from '../../../lambdas/core/encounters/hl7v2-dft.js';
import { detectFormat, parseEncounterFile } from '../../../lambdas/core/encounters/parse-encounter-file.js';
import type { ParsedEncounters } from '../../../lambdas/core/encounters/types.js';

const BILLING = {
  entity: 'organization',
  lastOrOrganizationName: 'Maple Grove Family Medicine Demo',
  npi: '1002003006',
  tin: '271234501',
  address: { line1: '1200 Example Parkway', city: 'Springfield', state: 'IL', postalCode: '62704' },
};
const OPTIONS = { defaultBillingProvider: BILLING };

type Fields = Record<number, string>;
const seg = (name: string, fields: Fields) => {
  const n = Math.max(0, ...Object.keys(fields).map(Number));
  return [name, ...Array.from({ length: n }, (_, i) => fields[i + 1] ?? '')].join('|');
};

const RENDERING = '1555000243^Testwell^Jordan^^^^^^^^^^NPI';
const REFERRING = '1990000113^Samplewood^Priya^^^^^^^^^^NPI';

interface Parts {
  msh?: Fields;
  pid?: Fields;
  pv1?: Fields;
  ft1?: Fields[];
  dg1?: Fields[];
  in1?: Fields[];
  extra?: string[];
}

function message(parts: Parts = {}): string {
  const msh: Fields = { 3: 'LAKESIDEEHR', 7: '20260611083000', 9: 'DFT^P03', 10: 'CTRL-0001', 11: 'P', 12: '2.5.1', ...parts.msh };
  // MSH-1 is the field separator itself and MSH-2 the encoding characters: fields start at MSH-3.
  const mshLine = `MSH|^~\\&|${Array.from({ length: 10 }, (_, i) => msh[i + 3] ?? '').join('|')}`;
  const pid = { 1: '1', 3: 'MRN777^^^LAKESIDE^MR', 5: 'Zephyrine^Quillon^Q', 7: '19800315', 8: 'F', 11: '44 Example Lane^^Springfield^IL^62704', 18: 'ACCT-777', ...parts.pid };
  const pv1 = { 1: '1', 2: 'O', 3: '11^^^LAKESIDE', 7: RENDERING, 8: REFERRING, 19: 'VISIT-0001', ...parts.pv1 };
  const ft1 = parts.ft1 ?? [
    { 1: '1', 2: 'L1', 4: '20260610', 6: 'CG', 7: '99214^Office visit^CPT', 10: '1', 11: '185.00', 19: 'E11.9^T2DM^I10~I10^HTN^I10', 20: RENDERING, 26: '25' },
    { 1: '2', 2: 'L2', 4: '20260610', 6: 'CG', 7: '36415^Venipuncture^CPT', 10: '1', 11: '15.00', 19: 'E11.9^T2DM^I10' },
  ];
  const dg1 = parts.dg1 ?? [{ 1: '1', 3: 'E11.9^T2DM^I10', 6: 'F', 15: '1' }];
  const in1 = parts.in1 ?? [{ 1: '1', 3: 'EVG22', 4: 'Evergreen Mutual Demo', 8: 'GRP-7001', 17: 'SEL', 36: 'MBR99887766' }];
  return [
    mshLine,
    seg('EVN', { 1: 'P03' }),
    seg('PID', pid),
    seg('PV1', pv1),
    ...ft1.map((f) => seg('FT1', f)),
    ...dg1.map((f) => seg('DG1', f)),
    ...in1.map((f) => seg('IN1', f)),
    ...(parts.extra ?? []),
  ].join('\r');
}

const parse = (text: string, options = OPTIONS) => parseHl7v2Dft(text, 'acme-billing', options);
const only = (parsed: ParsedEncounters) => {
  expect(parsed.problems).toEqual([]);
  expect(parsed.claims).toHaveLength(1);
  return parsed.claims[0]!.claim;
};
const messages = (parsed: ParsedEncounters) => parsed.problems.map((p) => `${p.position}: ${p.message}`);

describe('HL7 v2 DFT^P03 mapping', () => {
  it('maps PID, PV1, FT1, DG1 and IN1 into one professional claim per message', () => {
    const parsed = parse(message());
    const claim = only(parsed);
    expect(claim).toMatchObject({
      claimId: 'VISIT-0001',
      claimType: 'professional',
      placeOfService: '11',
      medicalRecordNumber: 'MRN777',
      billingProvider: { npi: '1002003006', tin: '271234501' },
      renderingProvider: { entity: 'person', lastOrOrganizationName: 'Testwell', firstName: 'Jordan', npi: '1555000243' },
      referringProvider: { lastOrOrganizationName: 'Samplewood', npi: '1990000113' },
      subscriber: {
        memberId: 'MBR99887766',
        groupNumber: 'GRP-7001',
        name: { last: 'Zephyrine', first: 'Quillon', middle: 'Q' },
        birthDate: '1980-03-15',
        sex: 'F',
        address: { line1: '44 Example Lane', city: 'Springfield', state: 'IL', postalCode: '62704' },
      },
      payer: { payerId: 'EVG22', name: 'Evergreen Mutual Demo' },
      diagnoses: [{ code: 'E119' }, { code: 'I10' }],
    });
    expect(claim.patient).toBeUndefined();
    expect(claim.serviceLines).toEqual([
      expect.objectContaining({ procedureCode: '99214', modifiers: ['25'], units: '1', charge: '185.00', serviceDate: '2026-06-10', diagnosisPointers: [1, 2], lineItemControlNumber: 'L1' }),
      expect.objectContaining({ procedureCode: '36415', modifiers: [], charge: '15.00', diagnosisPointers: [1], lineItemControlNumber: 'L2' }),
    ]);
    expect(claim.serviceLines[0]!.renderingProvider).toBeUndefined(); // same as the claim's
    expect(parsed.claims[0]!.position).toBe('MSH#1');
    expect(parsed.claims[0]!.locate?.('serviceLines[1].charge')).toBe('MSH#1 segment FT1[2] field 11');
    expect(parsed.claims[0]!.locate?.('payer.payerId')).toBe('MSH#1 segment IN1[1] field 3');
    expect(parsed.claims[0]!.locate?.('billingProvider.npi')).toBe('tenant configuration defaultBillingProvider');
  });

  it('chooses the claim id: PV1-19, else PID-18, else MSH-10; an unusable candidate is warned and skipped', () => {
    expect(only(parse(message({ pv1: { 19: '' } }))).claimId).toBe('ACCT-777');
    expect(only(parse(message({ pv1: { 19: '' }, pid: { 18: '' } }))).claimId).toBe('CTRL-0001');
    const parsed = parse(message({ pv1: { 19: '#bad id#' } }));
    expect(only(parsed).claimId).toBe('ACCT-777');
    expect(parsed.warnings).toContainEqual(expect.objectContaining({ position: 'MSH#1 segment PV1[1] field 19' }));
  });

  it('reads a batch (FHS/BHS envelopes, several MSH) with \\r, \\n or \\r\\n terminators', () => {
    const one = message();
    const two = message({ pv1: { 19: 'VISIT-0002' }, msh: { 10: 'CTRL-0002' } });
    const batch = ['FHS|^~\\&|EHR', 'BHS|^~\\&|EHR', one, two, 'BTS|2', 'FTS|1'].join('\r');
    for (const terminator of ['\r', '\n', '\r\n']) {
      const parsed = parse(`\uFEFF${batch.replace(/\r/g, terminator)}${terminator}`);
      expect(parsed.problems).toEqual([]);
      expect(parsed.claims.map((c) => [c.claim.claimId, c.position, c.index])).toEqual([
        ['VISIT-0001', 'MSH#1', 0],
        ['VISIT-0002', 'MSH#2', 1],
      ]);
    }
  });

  it('reads modifiers from FT1-26 repetitions or components, a code suffix, or FT1-7 components', () => {
    const mods = (ft1: Fields) =>
      only(parse(message({ ft1: [{ 1: '1', 4: '20260610', 6: 'CG', 10: '1', 11: '50.00', 19: 'E11.9^^I10', ...ft1 }] }))).serviceLines[0]!.modifiers;
    expect(mods({ 7: '99214^Visit^CPT', 26: '25~59' })).toEqual(['25', '59']);
    expect(mods({ 7: '99214^Visit^CPT', 26: '25^59' })).toEqual(['25', '59']);
    expect(mods({ 7: '99214-25^Visit^CPT' })).toEqual(['25']);
    expect(mods({ 7: '99214^Visit^CPT^RT^LT' })).toEqual(['RT', 'LT']);
    expect(mods({ 25: '20610^Arthrocentesis^C4', 26: 'rt~RT' })).toEqual(['RT']);

    const bad = parse(message({ ft1: [{ 1: '1', 4: '20260610', 6: 'CG', 7: '99214^V^CPT', 10: '1', 11: '50.00', 19: 'E11.9^^I10', 26: '2X5' }] }));
    expect(messages(bad)).toContain('MSH#1 segment FT1[1] field 26: a modifier is not a 2-character code');
    const many = parse(message({ ft1: [{ 1: '1', 4: '20260610', 6: 'CG', 7: '99214^V^CPT', 10: '1', 11: '50.00', 19: 'E11.9^^I10', 26: '25~59~RT~LT~XU' }] }));
    expect(messages(many)).toContain('MSH#1 segment FT1[1] field 26: more than four modifiers on one charge');
  });

  it('builds diagnosis pointers: DG1 by priority first, FT1-19 codes added, an empty FT1-19 points at the DG1s', () => {
    const parsed = parse(
      message({
        dg1: [
          { 1: '1', 3: 'I10^HTN^I10', 15: '2' },
          { 1: '2', 3: 'E11.9^T2DM^I10', 15: '1' },
        ],
        ft1: [
          { 1: '1', 4: '20260610', 6: 'CG', 7: '99214^V^CPT', 10: '1', 11: '185.00', 19: 'E78.5^Lipids^ICD-10-CM~E11.9^T2DM^I10' },
          { 1: '2', 4: '20260610', 6: 'CG', 7: '36415^V^CPT', 10: '1', 11: '15.00' },
        ],
      }),
    );
    const claim = only(parsed);
    expect(claim.diagnoses.map((d) => d.code)).toEqual(['E119', 'I10', 'E785']);
    expect(claim.serviceLines.map((l) => l.diagnosisPointers)).toEqual([[3, 1], [1, 2]]);
    expect(parsed.warnings).toContainEqual(expect.objectContaining({ position: 'MSH#1 segment FT1[2] field 19', message: expect.stringContaining('DG1 diagnoses') }));
  });

  it('drops ICD-9-CM codes next to ICD-10-CM ones, and needs coding when a diagnosis has no ICD-10-CM code', () => {
    const dual = parse(message({ dg1: [{ 1: '1', 3: 'E11.9^T2DM^I10' }, { 1: '2', 3: '250.00^T2DM^I9' }] }));
    expect(only(dual).diagnoses.map((d) => d.code)).toEqual(['E119', 'I10']);
    expect(dual.warnings).toContainEqual(expect.objectContaining({ position: 'MSH#1 segment DG1[2] field 3', message: expect.stringContaining('ICD-9-CM') }));

    const icd9Only = parse(message({ dg1: [{ 1: '1', 3: '250.00^T2DM^I9' }], ft1: [{ 1: '1', 4: '20260610', 6: 'CG', 7: '99214^V^CPT', 11: '10.00' }] }));
    expect(icd9Only.claims).toEqual([]);
    expect(messages(icd9Only)).toContain('MSH#1 segment DG1[1] field 3: needs coding: the diagnoses are coded in ICD-9-CM only; a coder must assign ICD-10-CM codes');

    const uncoded = parse(message({ ft1: [{ 1: '1', 4: '20260610', 6: 'CG', 7: '99214^V^CPT', 11: '10.00', 19: '44054006^Diabetes^SCT' }] }));
    expect(uncoded.claims).toEqual([]);
    expect(messages(uncoded)).toContain('MSH#1 segment FT1[1] field 19 repetition 1: needs coding: the diagnosis is not coded in ICD-10-CM (coded in SCT); a coder must assign the ICD-10-CM code');
    const unlabelled = parse(message({ dg1: [{ 1: '1', 3: 'E11.9^T2DM' }] }));
    expect(messages(unlabelled)).toContain('MSH#1 segment DG1[1] field 3: needs coding: the diagnosis is not coded in ICD-10-CM (no coding system); a coder must assign the ICD-10-CM code');
  });

  it('needs coding when a charge is not in CPT/HCPCS; FT1-25 is taken unlabelled, FT1-7 only when labelled', () => {
    const charge = (ft1: Fields) => parse(message({ ft1: [{ 1: '1', 4: '20260610', 6: 'CG', 10: '1', 11: '10.00', 19: 'E11.9^^I10', ...ft1 }] }));
    expect(messages(charge({ 7: 'CDM4471^Office visit' }))).toEqual([
      'MSH#1 segment FT1[1] field 7: needs coding: the charge is not coded in CPT or HCPCS (no coding system); a coder must assign the procedure code',
    ]);
    expect(messages(charge({ 25: '0DTJ4ZZ^Appendectomy^I10P' }))[0]).toContain('needs coding: the charge is not coded in CPT or HCPCS (coded in I10P)');
    expect(messages(charge({}))).toEqual(['MSH#1 segment FT1[1] field 7: needs coding: the charge has no procedure code (FT1-25 or FT1-7)']);
    expect(only(charge({ 7: 'CDM4471^Office visit', 25: '99213^Office visit' })).serviceLines[0]!.procedureCode).toBe('99213');
    expect(only(charge({ 7: 'G0439^AWV^HCPCS' })).serviceLines[0]!.procedureCode).toBe('G0439');
    expect(messages(charge({ 7: '99213^V^CPT', 25: '99214^V^C4' }))).toContain('MSH#1 segment FT1[1] field 25: FT1-7 and FT1-25 name different procedure codes');
  });

  it('reports the missing pieces with their positions', () => {
    const noBilling = parse(message(), {} as typeof OPTIONS);
    expect(messages(noBilling)).toEqual(['MSH#1: billing provider: a DFT^P03 does not carry one and the tenant configuration has no defaultBillingProvider']);

    expect(messages(parse(message({ in1: [] })))).toContain('MSH#1 segment IN1: the message has no IN1 segment: the claim needs the payer and the insured member id');
    const noAmount = parse(message({ ft1: [{ 1: '1', 4: '20260610', 6: 'CG', 7: '99214^V^CPT', 19: 'E11.9^^I10' }] }));
    expect(messages(noAmount)).toEqual(['MSH#1 segment FT1[1] field 11: the charge has no amount (FT1-11 extended amount or FT1-12 unit amount)']);
    const noDate = parse(message({ ft1: [{ 1: '1', 6: 'CG', 7: '99214^V^CPT', 11: '5.00', 19: 'E11.9^^I10' }] }));
    expect(messages(noDate)).toEqual(['MSH#1 segment FT1[1] field 4: the transaction date (date of service) is missing or not a date']);
    expect(messages(parse(message({ ft1: [] })))).toContain('MSH#1 segment FT1: the message has no FT1 charge (FT1-6 = CG)');
    const noPos = parse(message({ pv1: { 3: 'MAINOFFICE' } }));
    expect(messages(noPos)).toEqual([expect.stringMatching(/^MSH#1 segment PV1\[1\] field 3: place of service: /)]);
    // Validation of the mapped claim: the payer id shape, placed at IN1-3.
    const badPayer = parse(message({ in1: [{ 1: '1', 3: 'EVG 22', 4: 'Evergreen', 36: 'MBR99887766' }] }));
    expect(badPayer.problems).toEqual([expect.objectContaining({ position: 'MSH#1 segment IN1[1] field 3', path: 'payer.payerId', claimId: 'VISIT-0001' })]);
  });

  it('derives units, charges and places of service the documented ways', () => {
    const claim = only(
      parse(
        message({
          pv1: { 2: 'E', 3: 'ED' },
          ft1: [
            { 1: '1', 4: '20260610^20260612', 6: 'CG', 7: '99284^ED visit^CPT', 10: '2', 12: '$1,000.50', 19: 'S06.0X0A^Concussion^I10' },
            { 1: '2', 4: '20260610', 6: 'CD', 7: '99284^ED visit^CPT', 11: '-100.00' },
            { 1: '3', 4: '20260611', 6: 'CG', 7: '99213^Follow-up^CPT', 11: '80.00', 16: '22^^^HOSP', 19: 'S06.0X0A^Concussion^I10' },
          ],
        }),
      ),
    );
    expect(claim.placeOfService).toBe('23');
    expect(claim.serviceLines).toHaveLength(2); // the credit (FT1-6 CD) is not billed
    expect(claim.serviceLines[0]).toMatchObject({ units: '2', charge: '2001.00', serviceDate: '2026-06-10', serviceDateEnd: '2026-06-12' });
    expect(claim.serviceLines[0]!.placeOfService).toBeUndefined();
    expect(claim.serviceLines[1]).toMatchObject({ units: '1', charge: '80.00', placeOfService: '22' });
  });

  it('maps a patient who is not the insured (IN1-17 is the insured relative to the patient)', () => {
    const claim = only(
      parse(message({ in1: [{ 1: '1', 3: 'SHP01', 4: 'Sunrise', 16: 'Zephyrine^Orrin', 17: 'PAR', 18: '19750101', 19: '44 Example Lane^^Springfield^IL^62704', 36: 'SHP55001201', 43: 'M' }] })),
    );
    expect(claim.subscriber).toMatchObject({ memberId: 'SHP55001201', name: { last: 'Zephyrine', first: 'Orrin' }, birthDate: '1975-01-01', sex: 'M' });
    expect(claim.patient).toMatchObject({ relationship: '19', name: { first: 'Quillon' }, birthDate: '1980-03-15', sex: 'F' });
    const unknown = parse(message({ in1: [{ 1: '1', 3: 'SHP01', 4: 'Sunrise', 17: 'XYZ', 36: 'SHP55001201' }] }));
    expect(messages(unknown)).toContain('MSH#1 segment IN1[1] field 17: is not a relationship code (HL7 table 0063 or an X12 individual relationship code)');
  });

  it('keeps only NPI-typed providers and unescapes HL7 escape sequences', () => {
    const parsed = parse(message({ pv1: { 7: 'T1234^Testwell^Jordan^^^^^^&7654321&UPIN', 8: '' }, in1: [{ 1: '1', 3: 'EVG22', 4: 'Smith \\T\\ Jones \\F\\ Health', 17: 'SEL', 36: 'MBR99887766' }] }));
    const claim = only(parsed);
    expect(claim.renderingProvider?.npi).toBe('1555000243'); // falls back to FT1-20
    expect(claim.referringProvider).toBeUndefined();
    expect(claim.payer.name).toBe('Smith & Jones | Health');
    expect(parsed.warnings).toContainEqual(expect.objectContaining({ position: 'MSH#1 segment PV1[1] field 7', message: expect.stringContaining('no NPI') }));
  });

  it('warns, with positions, about segments and fields it does not map (GT1, PR1, OBX, PID-19)', () => {
    const parsed = parse(message({ pid: { 19: '123-45-6789' }, extra: ['GT1|1||Zephyrine^Quillon', 'PR1|1||99214^Visit^C4', 'OBX|1|NM|8480-6^SBP^LN||120'] }));
    only(parsed);
    const where = parsed.warnings!.map((w) => w.position);
    expect(where).toEqual(expect.arrayContaining(['MSH#1 segment GT1[1]', 'MSH#1 segment PR1[1] field 3', 'MSH#1 segment OBX[1]', 'MSH#1 segment PID[1] field 19']));
  });

  it('refuses other message types with one clear problem, and never echoes PHI', () => {
    const adt = parse(message({ msh: { 9: 'ADT^A01' } }));
    expect(adt.claims).toEqual([]);
    expect(messages(adt)).toEqual(['MSH#1 segment MSH[1] field 9: HL7 v2 message type ADT^A01 is not a charge message (DFT^P03)']);

    const broken = parse(message({ pid: { 7: '1980-03-15x' }, in1: [{ 1: '1', 3: 'EVG22', 17: 'QQQ', 36: 'MBR99887766' }], ft1: [{ 1: '1', 4: 'yesterday', 6: 'CG', 7: 'X^^SCT', 10: 'many', 11: 'ten', 19: 'diabetes^^I10' }] }));
    expect(broken.problems.length).toBeGreaterThan(4);
    const text = JSON.stringify([broken.problems, broken.warnings]);
    for (const phi of ['Zephyrine', 'Quillon', '1980', 'MBR99887766', 'Example Lane', 'diabetes', 'yesterday']) expect(text).not.toContain(phi);
  });

  it('is detected by content, not by name: MSH/FHS/BHS after a BOM and white space', () => {
    expect(detectFormat(`\uFEFF \r\n${message()}`)).toBe('hl7v2-dft');
    expect(detectFormat('FHS|^~\\&|EHR\rBHS|^~\\&\r')).toBe('hl7v2-dft');
    expect(detectFormat('MSHX nothing')).toBe('unknown');
    const parsed = parseEncounterFile(message(), 'acme-billing', OPTIONS);
    expect(parsed.format).toBe('hl7v2-dft');
    expect(parsed.claims).toHaveLength(1);
    expect(parseEncounterFile('MSH|^~', 'acme-billing').problems[0]).toMatchObject({ position: 'MSH#1 segment MSH[1] field 2' });
  });
});

const SAMPLES = '../shared/samples/hl7v2';

describe.skipIf(!existsSync(SAMPLES))('HL7 v2 DFT samples (needs ../shared/samples/hl7v2)', () => {
  const files = existsSync(SAMPLES) ? readdirSync(SAMPLES).filter((f) => f.endsWith('.hl7')) : [];

  it.each(files)('%s: claims or positioned problems, never a crash', (file) => {
    const parsed = parseEncounterFile(readFileSync(join(SAMPLES, file), 'utf8'), 'acme-billing', OPTIONS);
    expect(parsed.format).toBe('hl7v2-dft');
    expect(parsed.claims.length + parsed.problems.length).toBeGreaterThan(0);
    for (const problem of parsed.problems) expect(problem.position).toMatch(/^MSH#\d+( segment [A-Z0-9]{3}(\[\d+\])?( field \d+)?)?/);
  });

  it('the vendor samples carry no charge amounts or insurance: those are the problems, the rest maps', () => {
    const parsed = parseEncounterFile(readFileSync(join(SAMPLES, 'iris-dft-example-B.hl7'), 'utf8'), 'acme-billing', OPTIONS);
    expect(messages(parsed)).toEqual([
      'MSH#1 segment IN1: the message has no IN1 segment: the claim needs the payer and the insured member id',
      expect.stringMatching(/^MSH#1 segment PV1\[1\] field 3: place of service/),
      'MSH#1 segment FT1[1] field 11: the charge has no amount (FT1-11 extended amount or FT1-12 unit amount)',
    ]);
    // Healthmatics dual-codes its diagnoses (ICD-10 and ICD-9): the ICD-9 ones are warned, not refused.
    const dual = parseEncounterFile(readFileSync(join(SAMPLES, 'healthmatics-dft-p03.hl7'), 'utf8'), 'acme-billing', OPTIONS);
    expect(dual.warnings).toContainEqual(expect.objectContaining({ position: 'MSH#1 segment DG1[2] field 3' }));
    expect(dual.problems.some((p) => p.message.includes('needs coding'))).toBe(false);
  });
});

describe('the demo DFT example', () => {
  it('yields its two claims without problems', () => {
    const parsed = parseEncounterFile(readFileSync('examples/encounters/acme-billing/dft-lakeside-2026-06.hl7', 'utf8'), 'acme-billing', OPTIONS);
    expect(parsed.problems).toEqual([]);
    expect(parsed.claims.map((c) => c.claim.claimId)).toEqual(['ACME-26-0601', 'ACME-26-0602']);
  });
});
