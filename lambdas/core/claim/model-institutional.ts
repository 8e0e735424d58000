/** What only an institutional (837I / UB-04) claim carries. */
import { z } from 'zod';
import { Provider } from './model-parties.js';
import { DiagnosisCode, Hour, InpatientProcedure, isoDate, PresentOnAdmission } from './model-values.js';

const CodeDate = z.object({ code: z.string().regex(/^[0-9A-Z]{2,3}$/), date: isoDate });

/** Everything only an institutional (837I / UB-04) claim carries. */
export const Institutional = z.object({
  facilityTypeCode: z.string().regex(/^\d{2}$/, 'must be the first two digits of the type of bill, e.g. 11 or 13').meta({
    description: 'CLM05-1 (qualifier A). With frequencyCode it makes the type of bill, e.g. 0111.',
  }),
  statementFrom: isoDate.meta({ description: 'DTP*434 statement period start.' }),
  statementTo: isoDate.meta({ description: 'DTP*434 statement period end.' }),
  admission: z.object({ date: isoDate, hour: Hour.optional() }).optional().meta({ description: 'DTP*435 (D8, or DT with the hour).' }),
  dischargeHour: Hour.optional().meta({ description: 'DTP*096 (inpatient, final bills).' }),
  admissionTypeCode: z.string().regex(/^\d$/).optional().meta({ description: 'CL101.' }),
  admissionSourceCode: z.string().regex(/^[0-9A-Z]$/).optional().meta({ description: 'CL102.' }),
  patientStatusCode: z.string().regex(/^\d{2}$/).optional().meta({ description: 'CL103 (inpatient).' }),
  admittingDiagnosis: DiagnosisCode.optional().meta({ description: 'HI*ABJ (BJ for ICD-9).' }),
  reasonForVisit: z.array(DiagnosisCode).max(3).optional().meta({ description: 'HI*APR (PR for ICD-9), outpatient.' }),
  externalCauses: z
    .array(z.object({ code: DiagnosisCode, presentOnAdmission: PresentOnAdmission.optional() }))
    .max(12)
    .optional()
    .meta({ description: 'HI*ABN (BN for ICD-9).' }),
  principalProcedure: InpatientProcedure.optional().meta({ description: 'HI*BBR (BR for ICD-9).' }),
  otherProcedures: z.array(InpatientProcedure).max(24).optional().meta({ description: 'HI*BBQ (BQ for ICD-9).' }),
  occurrenceSpans: z
    .array(z.object({ code: z.string().regex(/^[0-9A-Z]{2}$/), from: isoDate, to: isoDate }))
    .max(24)
    .optional()
    .meta({ description: 'HI*BI.' }),
  occurrences: z.array(CodeDate).max(24).optional().meta({ description: 'HI*BH.' }),
  values: z
    .array(z.object({ code: z.string().regex(/^[0-9A-Z]{2}$/), amount: z.string().regex(/^-?\d{1,10}(\.\d{1,2})?$/) }))
    .max(24)
    .optional()
    .meta({ description: 'HI*BE value codes with amounts.' }),
  conditionCodes: z.array(z.string().regex(/^[0-9A-Z]{2}$/)).max(24).optional().meta({ description: 'HI*BG.' }),
  attendingProvider: z.lazy(() => Provider).optional().meta({ description: '2310A (71).' }),
  operatingProvider: z.lazy(() => Provider).optional().meta({ description: '2310B (72).' }),
  otherOperatingProvider: z.lazy(() => Provider).optional().meta({ description: '2310C (ZZ).' }),
});
