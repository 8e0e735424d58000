import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderEncounterSchema } from '../../../bin/cli/schema.js';

describe('docs/encounter.schema.json', () => {
  it('is current with the zod source (regenerate with `npm run schema`)', () => {
    const committed = readFileSync(new URL('../../../docs/encounter.schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(renderEncounterSchema());
  });

  it('describes money as strings and lists the required claim fields', () => {
    const schema = JSON.parse(renderEncounterSchema());
    const claim = schema.$defs.EncounterClaim;
    expect(claim.required).toEqual(expect.arrayContaining(['claimId', 'billingProvider', 'subscriber', 'payer', 'diagnoses', 'serviceLines']));
    expect(claim.required).not.toContain('tenantId');
    const line = claim.properties.serviceLines.items;
    expect(line.properties.charge.type).toBe('string');
    // Required by claim type (professional), so described rather than listed as required.
    expect(claim.properties.placeOfService.description).toMatch(/professional/);
    expect(claim.properties.institutional).toBeDefined();
  });
});
