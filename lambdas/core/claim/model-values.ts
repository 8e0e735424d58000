/**
 * The canonical claim's value types: dates, times, money, quantities,
 * identifiers, addresses and the code shapes (diagnosis, procedure, modifier,
 * place of service). Shapes only: whether a code exists is the scrubber's job.
 */
import { z } from 'zod';
import { isMoney } from '../money.js';

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, 'must be a real calendar date');

/** Wall-clock time HHMM (24h), as the 837I writes admission and discharge hours. */
export const Hour = z.string().regex(/^([01]\d|2[0-3])[0-5]\d$/, 'must be a time written HHMM (24-hour)');

/** Short free-text values that end up in an AN element. */
export const text = (max: number) => z.string().min(1).max(max);

export const Money = z
  .string()
  .refine(isMoney, 'must be a decimal amount as a string with at most two decimals, e.g. "125.00"')
  .meta({ description: 'Decimal amount as a string, e.g. "125.00". Numbers are refused: no binary floats for money.' });

export const Quantity = z
  .union([z.string(), z.number().int().positive()])
  .transform((value) => String(value))
  .refine((value) => /^\d{1,8}(\.\d{1,3})?$/.test(value), 'must be a positive quantity such as 1 or "1.5"')
  .meta({ description: 'Units of service: a positive integer, or a decimal string with at most three decimals.' });

export const TenantId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$/, 'must be 3-40 characters of lower-case letters, digits and hyphens');

/** CLM01: the patient control number assigned by the provider (X12 AN 1-38; most payers keep 20). */
export const ClaimId = z
  .string()
  .min(1)
  .max(38)
  .regex(/^[A-Za-z0-9][A-Za-z0-9 .\-_/]*$/, 'must start with a letter or digit and hold only letters, digits, space, . - _ /');

export const Address = z.object({
  line1: z.string().min(1).max(55),
  line2: z.string().min(1).max(55).optional(),
  city: z.string().min(2).max(30),
  state: z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter state code'),
  postalCode: z.string().regex(/^\d{5}(\d{4})?$/, 'must be a 5 or 9 digit ZIP code without a hyphen'),
});

export const Npi = z.string().regex(/^\d{10}$/, 'must be 10 digits');
export const Ein = z.string().regex(/^\d{9}$/, 'must be 9 digits without a hyphen');
/**
 * PRV03 provider taxonomy: the shape only (10 characters). Whether the code is
 * on the NUCC list is a code-set question for the scrubber, not for the model:
 * the implementation guides' own examples use codes such as 203BF0100Y.
 */
export const Taxonomy = z.string().regex(/^[0-9A-Z]{10}$/, 'must be a 10-character provider taxonomy code such as 207Q00000X');

export const Sex = z.enum(['M', 'F', 'U']);

const ICD10_CM = /^[A-Z][0-9][0-9A-Z]{1,5}$/;
const ICD9_CM = /^(\d{3,5}|V\d{2,4}|E\d{3,4})$/;

/** A diagnosis code as written on claims: upper case, without the dot. */
export const DiagnosisCode = z
  .string()
  .transform((value) => value.replace('.', '').trim().toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9]{3,7}$/, 'must be an ICD-10-CM code such as E11.9 (or an ICD-9-CM code such as 250.00)'));

export const DiagnosisSystem = z.enum(['ICD-10-CM', 'ICD-9-CM']);

/** Present-on-admission indicator (837I HI composite element 9): Y, N, U, W, or 1 (exempt, unreported). */
export const PresentOnAdmission = z.enum(['Y', 'N', 'U', 'W', '1']);

export const Diagnosis = z
  .object({
    code: DiagnosisCode,
    system: DiagnosisSystem.default('ICD-10-CM').meta({
      description: 'ICD-9-CM (X12 BK/BF) only for dates of service before 2015-10-01.',
    }),
    presentOnAdmission: PresentOnAdmission.optional().meta({ description: '837I only.' }),
  })
  .superRefine((dx, ctx) => {
    const pattern = dx.system === 'ICD-9-CM' ? ICD9_CM : ICD10_CM;
    if (!pattern.test(dx.code)) {
      ctx.addIssue({ code: 'custom', path: ['code'], message: `is not shaped like an ${dx.system} code` });
    }
  });

/** ICD-10-PCS (7 characters) or ICD-9-CM volume 3 (3-4 digits) inpatient procedure with its date. */
export const InpatientProcedure = z
  .object({
    code: z
      .string()
      .transform((value) => value.replace('.', '').trim().toUpperCase())
      .pipe(z.string().regex(/^[0-9A-Z]{3,7}$/, 'must be an ICD-10-PCS code (7 characters)')),
    system: z.enum(['ICD-10-PCS', 'ICD-9-CM']).default('ICD-10-PCS'),
    date: isoDate,
  })
  .superRefine((proc, ctx) => {
    const pattern = proc.system === 'ICD-9-CM' ? /^\d{3,4}$/ : /^[0-9A-HJ-NP-Z]{7}$/;
    if (!pattern.test(proc.code)) ctx.addIssue({ code: 'custom', path: ['code'], message: `is not shaped like an ${proc.system} code` });
  });

export const ProcedureCode = z
  .string()
  .transform((value) => value.trim().toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9]{5}$/, 'must be a 5-character CPT or HCPCS code'));

export const Modifier = z
  .string()
  .transform((value) => value.trim().toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9]{2}$/, 'must be a 2-character modifier'));

export const PlaceOfService = z.string().regex(/^\d{2}$/, 'must be a 2-digit CMS place of service code');
