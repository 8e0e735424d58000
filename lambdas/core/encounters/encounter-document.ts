/**
 * The native JSON encounter document: one claim, an array of claims, or
 * `{ "claims": [...] }`. Claims may omit tenantId: the object key's tenant
 * applies. docs/encounter.schema.json is generated from these schemas.
 */
import { z } from 'zod';
import { ClaimFields, requireSubscriberDemographics, TenantId } from '../claim/model.js';

export const EncounterClaim = ClaimFields.extend({
  tenantId: TenantId.optional().meta({
    description: 'Optional: the tenant of the object key applies. When given it must match it.',
  }),
})
  .check(requireSubscriberDemographics)
  .meta({ id: 'EncounterClaim', title: 'claimflow encounter claim' });

export const EncounterDocument = z
  .union([EncounterClaim, z.array(EncounterClaim).min(1), z.object({ claims: z.array(EncounterClaim).min(1) })])
  .meta({
    title: 'claimflow native JSON encounter document',
    description: 'One encounter claim, an array of them, or an object with a "claims" array.',
  });

export function encounterJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://claimflow.dev/schemas/encounter.schema.json',
    ...z.toJSONSchema(EncounterDocument, { io: 'input', target: 'draft-2020-12' }),
  };
}
