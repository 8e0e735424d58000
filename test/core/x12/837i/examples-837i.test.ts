/**
 * The institutional demo encounters in examples/encounters/<tenantId>/ (files named *-bay-2026-40xx.json):
 * each is a valid canonical claim the 837I writer accepts, with the
 * features it is there to show, and together they write one 837I.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Claim } from '../../../../lambdas/core/claim/model.js';
import { isValidNpi } from '../../../../lambdas/core/claim/npi.js';
import { TenantConfig } from '../../../../lambdas/core/tenant/config.js';
import { check837I } from '../../../../lambdas/core/x12/837i/check-837i.js';
import { write837I } from '../../../../lambdas/core/x12/837i/write-837i.js';
import { readX12 } from '../../../../lambdas/core/x12/reader.js';

const EXAMPLES = join(import.meta.dirname, '../../../../examples');
const TENANT = 'bayside-rcm';
const dir = join(EXAMPLES, 'encounters', TENANT);
const files = readdirSync(dir).filter((f) => /-bay-2026-40\d\d\.json$/.test(f)).sort();
// As intake does: the tenant comes from the folder (the S3 key), not the document.
const claims = files.map((f) => Claim.parse({ ...(JSON.parse(readFileSync(join(dir, f), 'utf8')) as object), tenantId: TENANT }));
const byType = (bill: string) => claims.find((c) => `0${c.institutional?.facilityTypeCode}${c.frequencyCode}` === bill);

describe('institutional examples', () => {
  it('holds an inpatient 0111, an outpatient 0131 and a replacement 0117, all accepted by check837I', () => {
    expect(files).toHaveLength(3);
    for (const claim of claims) {
      expect(claim.claimType).toBe('institutional');
      expect(check837I(claim, TENANT)).toEqual([]);
    }
    const inpatient = byType('0111')!;
    expect(inpatient.institutional?.principalProcedure?.system).toBe('ICD-10-PCS');
    expect(inpatient.institutional?.otherProcedures?.length).toBeGreaterThan(0);
    expect(inpatient.diagnoses.every((d) => d.presentOnAdmission !== undefined)).toBe(true);
    expect(inpatient.institutional?.occurrences?.length && inpatient.institutional.values?.length && inpatient.institutional.conditionCodes?.length).toBeTruthy();
    const outpatient = byType('0131')!;
    expect(outpatient.serviceLines.filter((l) => l.procedureCode && l.serviceDate).length).toBeGreaterThanOrEqual(3);
    expect(outpatient.patient).toBeDefined();
    const replacement = byType('0117')!;
    expect(replacement.payerClaimControlNumber).toBeDefined();
  });

  it('uses NPIs with a valid check digit and dates of service in 2026', () => {
    for (const claim of claims) {
      const npis = [claim.billingProvider, claim.referringProvider, claim.institutional?.attendingProvider, claim.institutional?.operatingProvider]
        .filter((p) => p !== undefined)
        .map((p) => p.npi);
      for (const npi of npis) expect(isValidNpi(npi), npi).toBe(true);
      expect(claim.institutional!.statementFrom >= '2026-01-01' && claim.institutional!.statementTo <= '2026-09-30').toBe(true);
    }
  });

  it('write one 837I that reads back without warnings, with REF*F8 on the replacement only', () => {
    const tenant = TenantConfig.parse(JSON.parse(readFileSync(join(EXAMPLES, 'tenants', `${TENANT}.json`), 'utf8')));
    const receiver = tenant.receivers.find((r) => r.default)!;
    const x12 = write837I({ claims, tenant, receiver, controlNumber: 3001, createdAt: new Date('2026-10-02T22:00:00Z') });
    const parsed = readX12(x12);
    expect(parsed.warnings).toEqual([]);
    const segments = parsed.interchanges[0]!.groups[0]!.transactions[0]!.segments;
    expect(segments.filter((s) => s.id === 'CLM').map((s) => s.elements[5])).toEqual(claims.map((c) => `${c.institutional!.facilityTypeCode}:A:${c.frequencyCode}`));
    expect(segments.filter((s) => s.id === 'REF' && s.elements[1] === 'F8').map((s) => s.elements[2])).toEqual([byType('0117')!.payerClaimControlNumber]);
  });
});
