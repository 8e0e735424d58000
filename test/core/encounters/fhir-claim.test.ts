import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapFhirClaim, parseFhirEncounters } from '../../../lambdas/core/encounters/fhir-claim.js';
import { buildIndex } from '../../../lambdas/core/encounters/fhir-resolve.js';
import { detectFormat, parseEncounterFile } from '../../../lambdas/core/encounters/parse-encounter-file.js';

const EXAMPLE = 'examples/encounters/bayside-rcm/fhir-bundle-bay-2026-5001.fhir';
const SAMPLES = '../shared/samples/fhir';
const CLAIM = 'Bundle.entry[0].resource';
const SNOMED = 'http://snomed.info/sct';

type Json = Record<string, any>;
const bundle = (): Json => JSON.parse(readFileSync(EXAMPLE, 'utf8'));
const claimOf = (b: Json): Json => b.entry[0].resource;
const entryOf = (b: Json, type: string): Json => b.entry.find((e: Json) => e.resource.resourceType === type);
const parse = (doc: unknown) => parseFhirEncounters(JSON.stringify(doc), 'bayside-rcm');

describe('FHIR R4 Claim in a Bundle', () => {
  it('maps the claim with parties resolved inside the bundle (urn:uuid, Type/id, absolute fullUrl)', () => {
    const parsed = parse(bundle());
    expect(parsed.problems).toEqual([]);
    expect(parsed.claims).toHaveLength(1);
    const { claim, position } = parsed.claims[0]!;
    expect(position).toBe(CLAIM);
    expect(claim).toMatchObject({
      claimId: 'BAY-2026-5001',
      claimType: 'professional',
      placeOfService: '11',
      totalCharge: '230.00',
      billingProvider: { entity: 'organization', npi: '1888000571', tin: '461234503', address: { postalCode: '336020003' } },
      renderingProvider: { entity: 'person', lastOrOrganizationName: 'Examplar', npi: '1333000796' },
      subscriber: { memberId: 'HMI5001000', groupNumber: 'HMG-4410', birthDate: '1958-03-21', sex: 'M', name: { last: 'Notreal' } },
      payer: { payerId: 'HMI77', name: 'Harbor Mutual Insurance Demo' },
    });
    expect(claim.patient).toBeUndefined();
    expect(parsed.claims[0]!.locate?.('serviceLines[1].charge')).toBe(`${CLAIM}.item[1].net`);
    expect(parsed.claims[0]!.locate?.('billingProvider.npi')).toBe(`${CLAIM}.provider`);
    expect(claim.diagnoses.map((d) => d.code)).toEqual(['I4891', 'I10']);
    expect(claim.serviceLines.map((l) => [l.procedureCode, l.modifiers, l.units, l.charge, l.serviceDate, l.diagnosisPointers])).toEqual([
      ['99214', ['25'], '1', '165.00', '2026-06-09', [1, 2]],
      ['93000', [], '1', '65.00', '2026-06-09', [1]],
    ]);
  });

  it('is detected by content as FHIR (resourceType), not as native JSON', () => {
    const text = readFileSync(EXAMPLE, 'utf8');
    expect(detectFormat(text)).toBe('fhir-r4');
    expect(detectFormat('{"claimId":"X"}')).toBe('json');
    expect(parseEncounterFile(text, 'bayside-rcm').claims).toHaveLength(1);
  });

  it('reads a standalone Claim whose parties are contained resources ("#id")', () => {
    const b = bundle();
    const claim = claimOf(b);
    const patient = { ...entryOf(b, 'Patient').resource, id: 'p' };
    const coverage = { ...entryOf(b, 'Coverage').resource, id: 'c', subscriber: { reference: '#p' }, payor: [{ reference: '#payer' }] };
    const payer = { ...entryOf(b, 'Organization').resource, id: 'payer' };
    const billing = { ...b.entry.find((e: Json) => e.resource.id === 'bayside-cardiology').resource, id: 'billing' };
    const practitioner = { ...entryOf(b, 'Practitioner').resource, id: 'doc' };
    const standalone = {
      ...claim,
      contained: [patient, coverage, payer, billing, practitioner],
      patient: { reference: '#p' },
      provider: { reference: '#billing' },
      insurance: [{ sequence: 1, focal: true, coverage: { reference: '#c' } }],
      careTeam: [{ sequence: 1, provider: { reference: '#doc' } }],
    };
    const parsed = parse(standalone);
    expect(parsed.problems).toEqual([]);
    expect(parsed.claims[0]?.position).toBe('Claim');
    expect(parsed.claims[0]?.claim).toMatchObject({ claimId: 'BAY-2026-5001', payer: { payerId: 'HMI77' }, renderingProvider: { npi: '1333000796' } });
  });

  it('reports a reference that does not resolve inside the document at its JSON path, and stores nothing', () => {
    const b = bundle();
    claimOf(b).provider = { reference: 'Organization/elsewhere' };
    const parsed = parse(b);
    expect(parsed.claims).toEqual([]);
    expect(parsed.problems).toEqual([expect.objectContaining({ position: `${CLAIM}.provider`, claimId: 'BAY-2026-5001', message: expect.stringContaining('does not resolve') })]);
  });

  it('gives a "needs coding" problem for a SNOMED-only diagnosis and item, naming the JSON path and not the code', () => {
    const b = bundle();
    const claim = claimOf(b);
    claim.diagnosis[1].diagnosisCodeableConcept = { coding: [{ system: SNOMED, code: '38341003' }] };
    claim.item[1].productOrService = { coding: [{ system: SNOMED, code: '29303009' }], text: 'ECG' };
    const parsed = parse(b);
    expect(parsed.claims).toEqual([]);
    const needs = parsed.problems.filter((p) => p.message.startsWith('needs coding'));
    expect(needs.map((p) => p.position)).toEqual([`${CLAIM}.diagnosis[1].diagnosisCodeableConcept`, `${CLAIM}.item[1].productOrService`]);
    expect(needs[0]?.message).toContain('ICD-10-CM');
    expect(needs[1]?.message).toContain('CPT or HCPCS');
    expect(JSON.stringify(parsed.problems)).not.toMatch(/38341003|29303009/);
  });

  it('picks the ICD-10-CM / CPT coding among several and accepts the icd-10 and HCPCS systems', () => {
    const b = bundle();
    const claim = claimOf(b);
    claim.diagnosis[0].diagnosisCodeableConcept.coding.unshift({ system: SNOMED, code: '49436004' });
    claim.diagnosis[1].diagnosisCodeableConcept.coding[0].system = 'http://hl7.org/fhir/sid/icd-10';
    claim.item[1].productOrService = { coding: [{ system: SNOMED, code: '1' }, { system: 'urn:oid:2.16.840.1.113883.6.285', code: 'G0439' }] };
    const parsed = parse(b);
    expect(parsed.problems).toEqual([]);
    expect(parsed.claims[0]?.claim.diagnoses.map((d) => d.code)).toEqual(['I4891', 'I10']);
    expect(parsed.claims[0]?.claim.serviceLines[1]?.procedureCode).toBe('G0439');
  });

  it('makes a dependant patient from the Coverage relationship and subscriber', () => {
    const b = bundle();
    const subscriber = { resourceType: 'RelatedPerson', id: 'parent', name: [{ family: 'Notreal', given: ['Dana'] }] };
    b.entry.push({ fullUrl: 'RelatedPerson/parent', resource: subscriber });
    const coverage = entryOf(b, 'Coverage').resource;
    coverage.subscriber = { reference: 'RelatedPerson/parent' };
    coverage.relationship = { coding: [{ code: 'child' }] };
    const parsed = parse(b);
    expect(parsed.problems).toEqual([]);
    expect(parsed.claims[0]?.claim.subscriber).toMatchObject({ memberId: 'HMI5001000', name: { first: 'Dana' } });
    expect(parsed.claims[0]?.claim.patient).toMatchObject({ relationship: '19', name: { first: 'Morgan' }, birthDate: '1958-03-21' });
  });

  it('places validation problems of the mapped claim at the FHIR element they came from', () => {
    const b = bundle();
    b.entry.find((e: Json) => e.resource.id === 'bayside-cardiology').resource.identifier = [];
    claimOf(b).item[0].net = { value: 165.005 };
    const parsed = parse(b);
    expect(parsed.claims).toEqual([]);
    expect(parsed.problems.map((p) => p.position)).toEqual([`${CLAIM}.item[0].net`]);
    claimOf(b).item[0].net = { value: 165 };
    const second = parse(b);
    expect(second.problems.map((p) => [p.position, p.path])).toEqual([
      [`${CLAIM}.provider`, 'billingProvider.npi'],
      [`${CLAIM}.provider`, 'billingProvider.tin'],
    ]);
  });

  it('lets the good claims of a bundle through when another fails, and reports bad documents clearly', () => {
    const b = bundle();
    const bad = structuredClone(claimOf(b));
    bad.identifier[0].value = 'BAY-2026-5002';
    bad.diagnosis = [{ sequence: 1, diagnosisReference: { reference: 'Condition/x' } }];
    b.entry.push({ fullUrl: 'urn:uuid:other', resource: bad });
    const parsed = parse(b);
    expect(parsed.claims.map((c) => c.claim.claimId)).toEqual(['BAY-2026-5001']);
    expect(parsed.problems[0]).toMatchObject({ claimId: 'BAY-2026-5002', index: 1, position: `Bundle.entry[${b.entry.length - 1}].resource.diagnosis[0].diagnosisReference` });
    expect(parse({ resourceType: 'Patient', id: 'x' }).problems[0]?.message).toContain('Claim or a Bundle');
    expect(parse({ resourceType: 'Bundle', entry: [] }).problems[0]?.message).toContain('no Claim');
  });
});

describe.skipIf(!existsSync(SAMPLES))('official FHIR R4 examples (needs ../shared/samples/fhir)', () => {
  it('maps Claim-MED-00050 with its ICD-10 diagnoses and CPT procedure; unresolvable references are named', () => {
    const claim = JSON.parse(readFileSync(join(SAMPLES, 'Claim-MED-00050.json'), 'utf8'));
    const mapped = mapFhirClaim(claim, buildIndex([], claim), 'Claim');
    expect(mapped.claimId).toBe('MED-00050');
    expect(mapped.draft).toMatchObject({
      claimType: 'institutional',
      frequencyCode: '1',
      institutional: { facilityTypeCode: '83', statementFrom: '2015-10-13', statementTo: '2015-10-13' },
      totalCharge: '12500.00',
      diagnoses: [{ code: 'M96.1' }, { code: 'G89.4' }, { code: 'M53.88' }, { code: 'M47.816' }],
      serviceLines: [{ procedureCode: '62264', charge: '12500.00', serviceDate: '2015-10-13', units: '1' }],
      subscriber: { memberId: '10138556', groupNumber: '80902206', sex: 'F', birthDate: '1954-06-11' },
      payer: { payerId: '123456', name: 'Humana Inc.' },
    });
    // Organization/1 and Practitioner/example are separate files, not in this document.
    expect(mapped.problems.map((p) => p.position).sort()).toEqual(['Claim.careTeam[0].provider', 'Claim.provider']);
    expect(mapped.problems.some((p) => p.message.startsWith('needs coding'))).toBe(false);
  });

  it('yields claims or clear problems for every example, never a crash; uncoded ones need coding', () => {
    for (const file of readdirSync(SAMPLES).filter((f) => f.endsWith('.json'))) {
      const parsed = parseEncounterFile(readFileSync(join(SAMPLES, file), 'utf8'), 'bayside-rcm');
      expect(parsed.format, file).toBe('fhir-r4');
      expect(parsed.claims.length + parsed.problems.length, file).toBeGreaterThan(0);
      for (const problem of parsed.problems) expect(problem.position, file).toMatch(/^(Claim|Bundle|Coverage|Organization|Practitioner)/);
    }
    for (const file of ['Claim-860150.json', 'Claim-960150.json']) {
      const parsed = parseEncounterFile(readFileSync(join(SAMPLES, file), 'utf8'), 'bayside-rcm');
      const needs = parsed.problems.filter((p) => p.message.startsWith('needs coding')).map((p) => p.position);
      expect(needs, file).toEqual(['Claim.diagnosis[0].diagnosisCodeableConcept', 'Claim.item[0].productOrService']);
    }
  });
});
