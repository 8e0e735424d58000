/**
 * The CSV superbill's canonical fields: the default header layout (a header
 * named like the field maps to it) and what a tenant's column mapping may
 * point at. Each field names where it goes in the canonical claim, whether it
 * belongs to the claim (same on every row of a claim) or to the service line,
 * and how its text is read. docs/csv-superbill.md documents the layout.
 */

export type CsvFieldKind = 'text' | 'upper' | 'date' | 'money' | 'zip' | 'digits' | 'pointers';

export interface CsvFieldDef {
  level: 'claim' | 'line';
  /** Path in the canonical claim (claim level) or in one service line (line level). */
  path: ReadonlyArray<string | number>;
  kind: CsvFieldKind;
}

const claim = (path: ReadonlyArray<string | number>, kind: CsvFieldKind = 'text'): CsvFieldDef => ({ level: 'claim', path, kind });
const line = (path: ReadonlyArray<string | number>, kind: CsvFieldKind = 'text'): CsvFieldDef => ({ level: 'line', path, kind });

const person = (prefix: string, target: string): Record<string, CsvFieldDef> => ({
  [`${prefix}_last_name`]: claim([target, 'name', 'last']),
  [`${prefix}_first_name`]: claim([target, 'name', 'first']),
  [`${prefix}_middle_name`]: claim([target, 'name', 'middle']),
  [`${prefix}_birth_date`]: claim([target, 'birthDate'], 'date'),
  [`${prefix}_sex`]: claim([target, 'sex'], 'upper'),
  [`${prefix}_address1`]: claim([target, 'address', 'line1']),
  [`${prefix}_address2`]: claim([target, 'address', 'line2']),
  [`${prefix}_city`]: claim([target, 'address', 'city']),
  [`${prefix}_state`]: claim([target, 'address', 'state'], 'upper'),
  [`${prefix}_zip`]: claim([target, 'address', 'postalCode'], 'zip'),
});

const provider = (prefix: string, target: string): Record<string, CsvFieldDef> => ({
  [`${prefix}_npi`]: claim([target, 'npi'], 'digits'),
  [`${prefix}_last_name`]: claim([target, 'lastOrOrganizationName']),
  [`${prefix}_first_name`]: claim([target, 'firstName']),
  [`${prefix}_taxonomy`]: claim([target, 'taxonomy'], 'upper'),
});

const diagnoses = Object.fromEntries(
  Array.from({ length: 12 }, (_, i) => [`dx${i + 1}`, claim(['diagnoses', i, 'code'], 'upper')]),
);
const modifiers = Object.fromEntries(Array.from({ length: 4 }, (_, i) => [`modifier${i + 1}`, line(['modifiers', i], 'upper')]));

/** Default header → field. Headers match case-insensitively, ignoring surrounding spaces. */
export const CSV_FIELDS: Readonly<Record<string, CsvFieldDef>> = {
  claim_id: claim(['claimId']),
  frequency_code: claim(['frequencyCode']),
  payer_claim_control_number: claim(['payerClaimControlNumber']),
  place_of_service: claim(['placeOfService'], 'digits'),
  prior_authorization: claim(['priorAuthorization']),
  referral_number: claim(['referralNumber']),
  medical_record_number: claim(['medicalRecordNumber']),
  total_charge: claim(['totalCharge'], 'money'),
  patient_relationship: claim(['patient', 'relationship'], 'upper'),
  ...person('patient', 'patient'),
  subscriber_member_id: claim(['subscriber', 'memberId']),
  subscriber_group_number: claim(['subscriber', 'groupNumber']),
  ...person('subscriber', 'subscriber'),
  payer_name: claim(['payer', 'name']),
  payer_id: claim(['payer', 'payerId']),
  claim_filing_indicator: claim(['payer', 'claimFilingIndicator'], 'upper'),
  billing_entity: claim(['billingProvider', 'entity']),
  billing_name: claim(['billingProvider', 'lastOrOrganizationName']),
  billing_first_name: claim(['billingProvider', 'firstName']),
  billing_npi: claim(['billingProvider', 'npi'], 'digits'),
  billing_tin: claim(['billingProvider', 'tin'], 'digits'),
  billing_taxonomy: claim(['billingProvider', 'taxonomy'], 'upper'),
  billing_address1: claim(['billingProvider', 'address', 'line1']),
  billing_address2: claim(['billingProvider', 'address', 'line2']),
  billing_city: claim(['billingProvider', 'address', 'city']),
  billing_state: claim(['billingProvider', 'address', 'state'], 'upper'),
  billing_zip: claim(['billingProvider', 'address', 'postalCode'], 'zip'),
  ...provider('rendering', 'renderingProvider'),
  ...provider('referring', 'referringProvider'),
  ...diagnoses,
  date_of_service: line(['serviceDate'], 'date'),
  date_of_service_end: line(['serviceDateEnd'], 'date'),
  procedure_code: line(['procedureCode'], 'upper'),
  ...modifiers,
  units: line(['units']),
  charge: line(['charge'], 'money'),
  dx_pointers: line(['diagnosisPointers'], 'pointers'),
  line_place_of_service: line(['placeOfService'], 'digits'),
  line_item_control_number: line(['lineItemControlNumber']),
};

export const CSV_FIELD_NAMES = Object.keys(CSV_FIELDS) as readonly string[];

/** The fields a header row must resolve for the text to be taken as a superbill. */
export const CSV_REQUIRED_FIELDS = ['claim_id', 'procedure_code', 'charge'] as const;

export const normaliseHeader = (header: string): string => header.trim().toLowerCase();

/**
 * Which field each header column feeds: the tenant's mapping first (header
 * name → field), then the default layout. Unmapped columns resolve to undefined.
 */
export function resolveHeaders(headers: readonly string[], mapping: Readonly<Record<string, string>> = {}): Array<string | undefined> {
  const tenant = new Map(Object.entries(mapping).map(([header, field]) => [normaliseHeader(header), field]));
  return headers.map((header) => {
    const key = normaliseHeader(header);
    const field = tenant.get(key) ?? key;
    return field in CSV_FIELDS ? field : undefined;
  });
}

export function looksLikeSuperbillHeader(headers: readonly string[], mapping?: Readonly<Record<string, string>>): boolean {
  const fields = new Set(resolveHeaders(headers, mapping));
  return CSV_REQUIRED_FIELDS.every((field) => fields.has(field));
}
