/**
 * The parties on a claim: providers (billing, rendering, referring, ...),
 * subscriber, patient, payer, pay-to plan and service facility.
 */
import { z } from 'zod';
import { Address, Ein, isoDate, Npi, Sex, Taxonomy, text } from './model-values.js';

export const Provider = z.object({
  entity: z.enum(['person', 'organization']).meta({ description: 'NM102: person (1) or organization (2).' }),
  lastOrOrganizationName: z.string().min(1).max(60),
  firstName: z.string().min(1).max(35).optional(),
  middleName: z.string().min(1).max(25).optional(),
  suffix: z.string().min(1).max(10).optional(),
  npi: Npi,
  taxonomy: Taxonomy.optional(),
  address: Address.optional(),
});

export const BillingProvider = Provider.extend({
  entity: z.enum(['person', 'organization']),
  tin: Ein.meta({ description: 'Employer identification number (REF*EI), 9 digits.' }),
  address: Address,
});

export const PersonName = z.object({
  last: z.string().min(1).max(60),
  first: z.string().min(1).max(35).optional(),
  middle: z.string().min(1).max(25).optional(),
  suffix: z.string().min(1).max(10).optional(),
});

/**
 * The 837P carries the subscriber's address, birth date and sex only when the
 * subscriber is the patient (2010BA N3/N4/DMG); otherwise the patient loop
 * carries them. The claim-level check below requires them in that case.
 */
export const Subscriber = z.object({
  memberId: z.string().min(2).max(80),
  name: PersonName,
  birthDate: isoDate.optional(),
  sex: Sex.optional(),
  address: Address.optional(),
  groupNumber: z.string().min(1).max(50).optional().meta({ description: 'SBR03 group or policy number.' }),
  groupName: text(60).optional().meta({ description: 'SBR04 group name (when there is no group number).' }),
  secondaryIds: z
    .array(z.object({ qualifier: z.enum(['SY', 'Y4']), value: text(50) }))
    .max(2)
    .optional()
    .meta({ description: '2010BA REF: SY social security number, Y4 property and casualty claim number.' }),
});

/** SBR02/PAT01 individual relationship codes of 005010X222A1. 18 (self) means no 2000C loop. */
export const RelationshipCode = z.enum(['01', '18', '19', '20', '21', '39', '40', '53', 'G8']);

export const Patient = z.object({
  relationship: RelationshipCode.exclude(['18']).meta({
    description: 'Relationship of the patient to the subscriber (01 spouse, 19 child, 20 employee, 21 unknown, 39 organ donor, 40 cadaver donor, 53 life partner, G8 other). Omit the patient when it is the subscriber.',
  }),
  name: PersonName,
  birthDate: isoDate,
  sex: Sex,
  address: Address,
});

/** SBR09 claim filing indicator codes. */
export const ClaimFilingIndicator = z.enum([
  '11', '12', '13', '14', '15', '16', '17', 'AM', 'BL', 'CH', 'CI', 'DS', 'FI', 'HM', 'LM', 'MA', 'MB', 'MC', 'OF', 'TV', 'VA', 'WC', 'ZZ',
]);

export const Payer = z.object({
  name: z.string().min(1).max(60),
  payerId: z.string().min(2).max(80).regex(/^[A-Za-z0-9]+$/, 'must be letters and digits'),
  claimFilingIndicator: ClaimFilingIndicator.default('CI'),
  responsibility: z
    .enum(['P', 'S', 'T', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'U'])
    .default('P')
    .meta({ description: 'SBR01 payer responsibility sequence: P primary, S secondary, T tertiary, A-H payer 4-11, U unknown.' }),
  insuranceTypeCode: z
    .enum(['12', '13', '14', '15', '16', '41', '42', '43', '47'])
    .optional()
    .meta({ description: 'SBR05: Medicare secondary payer type; only when Medicare is not primary.' }),
  address: Address.optional(),
});

/** 2010AC pay-to plan: used when a payer (e.g. a capitated plan) is paid instead of the provider. */
export const PayToPlan = z.object({
  name: text(60),
  payerId: z.string().min(2).max(80).regex(/^[A-Za-z0-9]+$/, 'must be letters and digits').meta({ description: 'NM109 with qualifier PI.' }),
  address: Address,
  secondaryId: z.object({ qualifier: z.enum(['2U', 'FY', 'NF']), value: text(50) }).optional(),
  tin: Ein,
});

/** 2310C (837P) / 2310E (837I) service facility location. */
export const ServiceFacility = z.object({
  name: text(60),
  npi: Npi.optional(),
  address: Address,
});
