import { describe, expect, it } from 'vitest';
import { parseCsvSuperbill } from '../../../lambdas/core/encounters/csv-superbill.js';
import { tokenizeCsv } from '../../../lambdas/core/encounters/csv-tokenizer.js';
import { detectFormat, parseEncounterFile } from '../../../lambdas/core/encounters/parse-encounter-file.js';
import { TenantConfig } from '../../../lambdas/core/tenant/config.js';

const HEADER = [
  'claim_id', 'place_of_service', 'subscriber_member_id', 'subscriber_last_name', 'subscriber_first_name', 'subscriber_birth_date',
  'subscriber_sex', 'subscriber_address1', 'subscriber_city', 'subscriber_state', 'subscriber_zip', 'payer_name', 'payer_id',
  'billing_name', 'billing_npi', 'billing_tin', 'billing_address1', 'billing_city', 'billing_state', 'billing_zip',
  'rendering_npi', 'rendering_last_name', 'rendering_first_name', 'dx1', 'dx2', 'date_of_service', 'procedure_code',
  'modifier1', 'units', 'charge', 'dx_pointers',
];

type Row = Record<string, string>;

const claimColumns = (claimId: string): Row => ({
  claim_id: claimId, place_of_service: '11', subscriber_member_id: 'XYZ123456789', subscriber_last_name: 'Testperson',
  subscriber_first_name: 'Alex', subscriber_birth_date: '02/29/1980', subscriber_sex: 'f', subscriber_address1: '1 Elm St',
  subscriber_city: 'Springfield', subscriber_state: 'IL', subscriber_zip: '62701-1234', payer_name: 'Example Health Plan',
  payer_id: 'EXHP1', billing_name: 'Sample Family Practice', billing_npi: '1234567893', billing_tin: '12-3456789',
  billing_address1: '100 Main St', billing_city: 'Springfield', billing_state: 'IL', billing_zip: '62701',
  rendering_npi: '1245319599', rendering_last_name: 'Kildare', rendering_first_name: 'Jamie', dx1: 'E11.9', dx2: 'I10',
});

const line = (claimId: string, extra: Row = {}): Row => ({
  ...claimColumns(claimId), date_of_service: '2026-03-02', procedure_code: '99213', modifier1: '25', units: '1', charge: '$1,125.00', dx_pointers: '1,2', ...extra,
});

const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const csv = (rows: Row[], header = HEADER, eol = '\r\n') =>
  [header.join(','), ...rows.map((row) => header.map((h) => quote(row[h] ?? '')).join(','))].join(eol) + eol;

describe('CSV tokenizer (RFC 4180)', () => {
  it('reads quoted fields, doubled quotes, embedded line breaks, CRLF and a BOM, with the line each record starts on', () => {
    const { records, errors } = tokenizeCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\r\n"multi\nline",z\n\nlast,"",\n');
    expect(errors).toEqual([]);
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, y', 'say "hi"'] },
      { line: 3, fields: ['multi\nline', 'z'] },
      { line: 6, fields: ['last', '', ''] },
    ]);
  });

  it('reports an unterminated quote and stray text after a closing quote with their lines', () => {
    expect(tokenizeCsv('a\n"ok"x\n').errors).toEqual([{ line: 2, message: expect.stringContaining('after a closing quote') }]);
    expect(tokenizeCsv('a,b\n1,"open\n2,3').errors).toEqual([{ line: 2, message: expect.stringContaining('not closed') }]);
  });
});

describe('CSV superbill', () => {
  it('groups rows by claim id into claims with their lines, converting US dates, money, ZIP and TIN', () => {
    const text = csv([line('SB-1'), line('SB-2'), line('SB-1', { procedure_code: '36415', modifier1: '', charge: '15.50', dx_pointers: 'A' })]);
    const parsed = parseCsvSuperbill(text, 'acme-billing');
    expect(parsed.problems).toEqual([]);
    expect(parsed.claims.map((c) => [c.claim.claimId, c.position, c.claim.serviceLines.length])).toEqual([['SB-1', 'line 2', 2], ['SB-2', 'line 3', 1]]);
    const claim = parsed.claims[0]!.claim;
    expect(claim.claimType).toBe('professional');
    expect(claim.subscriber).toMatchObject({ birthDate: '1980-02-29', sex: 'F', address: { postalCode: '627011234' } });
    expect(claim.billingProvider).toMatchObject({ entity: 'organization', tin: '123456789', npi: '1234567893' });
    expect(claim.renderingProvider).toMatchObject({ entity: 'person', lastOrOrganizationName: 'Kildare', npi: '1245319599' });
    expect(claim.diagnoses.map((d) => d.code)).toEqual(['E119', 'I10']);
    expect(claim.serviceLines.map((l) => [l.procedureCode, l.modifiers, l.charge, l.diagnosisPointers])).toEqual([
      ['99213', ['25'], '1125.00', [1, 2]],
      ['36415', [], '15.50', [1]],
    ]);
    expect(claim.patient).toBeUndefined();
  });

  it("locates a stored claim's fields for findings: line and column", () => {
    const header = [...HEADER, 'total_charge'];
    const text = csv([line('SB-1', { total_charge: '99.00' }), line('SB-1', { total_charge: '', charge: '10.00' })], header);
    const [parsed] = parseCsvSuperbill(text, 'acme-billing').claims;
    expect(parsed?.locate?.('totalCharge')).toBe('line 2, column total_charge');
    expect(parsed?.locate?.('serviceLines[1].charge')).toBe('line 3, column charge');
    expect(parsed?.locate?.('billingProvider.npi')).toBe('line 2, column billing_npi');
  });

  it('makes a patient who is not the subscriber from the patient columns and the relationship', () => {
    const header = [...HEADER, 'patient_relationship', 'patient_last_name', 'patient_first_name', 'patient_birth_date', 'patient_sex', 'patient_address1', 'patient_city', 'patient_state', 'patient_zip'];
    const row = line('SB-3', {
      patient_relationship: 'child', patient_last_name: 'Testperson', patient_first_name: 'Robin', patient_birth_date: '2015-06-01',
      patient_sex: 'M', patient_address1: '1 Elm St', patient_city: 'Springfield', patient_state: 'IL', patient_zip: '62701',
    });
    const [parsed] = parseCsvSuperbill(csv([row], header), 'acme-billing').claims;
    expect(parsed?.claim.patient).toMatchObject({ relationship: '19', name: { first: 'Robin' }, birthDate: '2015-06-01' });
  });

  it('refuses a claim whose claim-level columns disagree across its rows, naming line and column; other claims go through', () => {
    const text = csv([line('SB-1'), line('SB-2'), line('SB-1', { payer_id: 'OTHER9' })]);
    const parsed = parseCsvSuperbill(text, 'acme-billing');
    expect(parsed.claims.map((c) => c.claim.claimId)).toEqual(['SB-2']);
    expect(parsed.problems).toEqual([expect.objectContaining({ position: 'line 4, column payer_id', claimId: 'SB-1', message: expect.stringContaining('differs from line 2') })]);
    expect(JSON.stringify(parsed.problems)).not.toContain('OTHER9');
  });

  it('lets a later row leave claim-level columns blank (they repeat the first row)', () => {
    const blanks = Object.fromEntries(Object.keys(claimColumns('x')).filter((k) => k !== 'claim_id').map((k) => [k, '']));
    const parsed = parseCsvSuperbill(csv([line('SB-1'), { ...line('SB-1', { procedure_code: '36415' }), ...blanks }]), 'acme-billing');
    expect(parsed.problems).toEqual([]);
    expect(parsed.claims[0]?.claim.serviceLines).toHaveLength(2);
  });

  it('names line and header of invalid values, and the missing column by its default name', () => {
    const header = HEADER.filter((h) => h !== 'payer_id');
    const text = csv([line('SB-1', { charge: 'N/A' }), line('SB-2'), line('SB-2', { date_of_service: '2026-02-30' })], header);
    const parsed = parseCsvSuperbill(text, 'acme-billing');
    const where = parsed.problems.map((p) => `${p.claimId} ${p.position}`);
    expect(where).toContain('SB-1 line 2, column charge');
    expect(where).toContain('SB-1 line 2, column payer_id (missing)');
    expect(where).toContain('SB-2 line 4, column date_of_service');
    expect(parsed.claims).toEqual([]);
  });

  it('reports unknown columns as warnings, an empty claim id and gaps in dx columns as problems', () => {
    const header = [...HEADER, 'favourite_colour', 'dx3'];
    const text = csv([line('SB-1', { favourite_colour: 'blue' }), line('', {}), line('SB-2', { dx2: '', dx3: 'J45.909' })], header);
    const parsed = parseCsvSuperbill(text, 'acme-billing');
    expect(parsed.warnings).toEqual([{ position: 'line 1, column favourite_colour', message: 'unknown column: ignored' }]);
    expect(parsed.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ position: 'line 3, column claim_id', message: expect.stringContaining('claim id is empty') }),
        expect.objectContaining({ position: 'line 4, column dx3', claimId: 'SB-2', message: expect.stringContaining('without gaps') }),
      ]),
    );
    expect(parsed.claims.map((c) => c.claim.claimId)).toEqual(['SB-1']);
  });

  it("uses the tenant's column mapping (TenantConfig.csvMapping) for detection and reading", () => {
    const mapping = { 'Acct #': 'claim_id', CPT: 'procedure_code', Fee: 'charge', 'ICD 1': 'dx1' };
    const renamed = HEADER.map((h) => Object.entries(mapping).find(([, field]) => field === h)?.[0] ?? h);
    const rows = [line('SB-9')].map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [renamed[HEADER.indexOf(k)] ?? k, v])));
    const text = csv(rows, renamed);
    expect(detectFormat(text)).toBe('unknown');
    expect(detectFormat(text, { csvMapping: mapping })).toBe('csv-superbill');
    const parsed = parseEncounterFile(text, 'acme-billing', { csvMapping: mapping });
    expect(parsed.format).toBe('csv-superbill');
    expect(parsed.problems).toEqual([]);
    expect(parsed.claims[0]?.claim).toMatchObject({ claimId: 'SB-9', diagnoses: [{ code: 'E119' }, { code: 'I10' }] });
  });

  it('TenantConfig accepts a mapping onto known fields only', () => {
    const base = {
      tenantId: 'acme-billing', name: 'Acme', schedule: { expression: 'rate(1 day)' },
      submitter: { name: 'ACME', identifier: 'ACME01', contactName: 'Desk', phone: '5555550100' },
      interchange: { senderQualifier: 'ZZ', senderId: 'ACME', gsSenderCode: 'ACME01' },
      receivers: [{ id: 'ch', name: 'CH', identifier: 'CH01', isaQualifier: 'ZZ', isaId: 'CH', gsReceiverCode: 'CH', default: true }],
    };
    expect(TenantConfig.safeParse({ ...base, csvMapping: { 'Acct #': 'claim_id' } }).success).toBe(true);
    const bad = TenantConfig.safeParse({ ...base, csvMapping: { 'Acct #': 'account_number' } });
    expect(bad.success).toBe(false);
    expect(TenantConfig.safeParse(base).success).toBe(true);
  });

  it('is detected by content: a superbill header row, whatever the file is called', () => {
    expect(detectFormat(csv([line('SB-1')]))).toBe('csv-superbill');
    expect(detectFormat('\uFEFFclaim_id,procedure_code,charge\n')).toBe('csv-superbill');
    expect(detectFormat('name,address\nx,y\n')).toBe('unknown');
  });
});
