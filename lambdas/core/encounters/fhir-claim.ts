/**
 * Reads FHIR R4 into canonical claims: a Claim resource, or a Bundle holding
 * Claims with the Patient, Coverage, Organization, Practitioner and Location
 * they reference (references resolve inside the document only). Diagnoses
 * must be coded in ICD-10-CM, items in CPT or HCPCS: anything else is a
 * "needs coding" problem at its JSON path. Nothing is guessed and no SNOMED
 * (or other) mapping is attempted. Positions are JSON paths
 * ("Claim.item[1].productOrService"); messages never echo values.
 */
import { Claim } from '../claim/model.js';
import { fromCents, toCents } from '../money.js';
import { mapPatientAndCoverage, mapProviders, type MapContext } from './fhir-parties.js';
import { buildIndex, isObject, isResource, type FhirResource } from './fhir-resolve.js';
import { codeIn, codings, date, firstCode, money, placeOfService, procedureCode, str, SYSTEMS } from './fhir-values.js';
import { formatPath } from './native-json.js';
import type { EncounterProblem, ParsedEncounters } from './types.js';

const NEEDS_CODING = 'needs coding';

export function parseFhirEncounters(text: string, tenantId: string): ParsedEncounters {
  let document: unknown;
  try {
    document = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { claims: [], problems: [{ position: 'document', message: 'not valid JSON' }] };
  }
  if (!isResource(document)) return { claims: [], problems: [{ position: 'document', message: 'not a FHIR resource (no resourceType)' }] };

  let entries: Array<{ fullUrl?: unknown; resource: FhirResource; path: string }>;
  if (document.resourceType === 'Claim') {
    entries = [{ resource: document, path: 'Claim' }];
  } else if (document.resourceType === 'Bundle') {
    const list = Array.isArray(document.entry) ? document.entry : [];
    entries = list.flatMap((entry, i) =>
      isObject(entry) && isResource(entry.resource) ? [{ fullUrl: entry.fullUrl, resource: entry.resource, path: `Bundle.entry[${i}].resource` }] : [],
    );
  } else {
    return { claims: [], problems: [{ position: document.resourceType, message: 'a FHIR encounter must be a Claim or a Bundle holding Claims' }] };
  }

  const claims = entries.filter((e) => e.resource.resourceType === 'Claim');
  if (claims.length === 0) return { claims: [], problems: [{ position: 'Bundle', message: 'the Bundle holds no Claim' }] };

  const result: ParsedEncounters = { claims: [], problems: [] };
  claims.forEach(({ resource, path }, index) => {
    const mapped = mapFhirClaim(resource, buildIndex(entries, resource), path);
    const problems = mapped.problems.map((p) => ({ ...p, index }));
    if (problems.length > 0) {
      result.problems.push(...problems);
      return;
    }
    const parsed = Claim.safeParse({ ...mapped.draft, tenantId });
    if (parsed.success) {
      result.claims.push({ claim: parsed.data, index, position: path, locate: mapped.locate });
      return;
    }
    for (const issue of parsed.error.issues) {
      const canonical = formatPath(issue.path);
      result.problems.push({ position: mapped.locate(canonical), index, claimId: mapped.claimId, path: canonical, message: `${canonical || 'claim'}: ${issue.message}` });
    }
  });
  return result;
}

export interface MappedFhirClaim {
  /** The canonical claim input as far as it could be mapped (before validation). */
  draft: Record<string, unknown>;
  /** Mapping problems (needs coding, unresolved references, unsupported values): the claim is not stored. */
  problems: EncounterProblem[];
  claimId?: string;
  /** Canonical field path → the JSON path it was read from. */
  locate(canonicalPath: string): string;
}

export function mapFhirClaim(claim: FhirResource, index: ReturnType<typeof buildIndex>, base: string): MappedFhirClaim {
  const draft: Record<string, unknown> = {};
  const sources = new Map<string, string>();
  const problems: EncounterProblem[] = [];
  const claimId = claimIdOf(claim);
  const ctx: MapContext = { index, base, draft, sources, problem: (position, message) => problems.push({ position, claimId, message }) };

  if (claimId) draft.claimId = claimId;
  else ctx.problem(`${base}.identifier`, 'the claim has no identifier or id usable as a claim id');
  sources.set('claimId', `${base}.identifier`);

  const type = codeIn(claim.type, ['http://terminology.hl7.org/CodeSystem/claim-type']) ?? firstCode(claim.type);
  if (type === 'professional' || type === 'institutional') draft.claimType = type;
  else ctx.problem(`${base}.type`, 'only professional and institutional claims are billed as 837P/837I');
  if (claim.use !== undefined && claim.use !== 'claim') ctx.problem(`${base}.use`, 'only use "claim" is billed (not a preauthorization or predetermination)');

  const total = money(claim.total);
  if (total) draft.totalCharge = total;
  else if (claim.total !== undefined) ctx.problem(`${base}.total`, 'is not an amount with at most two decimals');
  sources.set('totalCharge', `${base}.total`);

  mapPatientAndCoverage(ctx, claim);
  mapProviders(ctx, claim);
  const pointers = mapDiagnoses(ctx, claim);
  mapItems(ctx, claim, pointers);
  if (draft.claimType === 'institutional') mapInstitutional(ctx, claim);

  const locate = (canonical: string) => {
    // The longest canonical prefix that was read from somewhere names the JSON path.
    for (let key = canonical; key; ) {
      const found = sources.get(key);
      if (found) return found;
      const shorter = key.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
      if (shorter === key) break;
      key = shorter;
    }
    return base;
  };
  return { draft, problems, claimId, locate };
}

function claimIdOf(claim: FhirResource): string | undefined {
  const ids = Array.isArray(claim.identifier) ? claim.identifier.filter(isObject) : [];
  const valid = (v: unknown) => (typeof v === 'string' && /^[A-Za-z0-9][A-Za-z0-9 .\-_/]{0,37}$/.test(v) ? v : undefined);
  return ids.map((i) => valid(i.value)).find((v) => v !== undefined) ?? valid(claim.id);
}

/** Diagnoses in sequence order; returns diagnosis sequence → 1-based pointer. */
function mapDiagnoses(ctx: MapContext, claim: FhirResource): Map<number, number> {
  const pointers = new Map<number, number>();
  const list = Array.isArray(claim.diagnosis) ? claim.diagnosis : [];
  const ordered = list
    .map((dx, i) => ({ dx, i }))
    .filter((d): d is { dx: Record<string, unknown>; i: number } => isObject(d.dx))
    .sort((a, b) => seq(a.dx.sequence, a.i) - seq(b.dx.sequence, b.i));
  const diagnoses: Array<Record<string, unknown>> = [];
  for (const { dx, i } of ordered) {
    const path = `${ctx.base}.diagnosis[${i}]`;
    const code = codeIn(dx.diagnosisCodeableConcept, SYSTEMS.icd10cm);
    if (!code) {
      const where = dx.diagnosisCodeableConcept !== undefined ? `${path}.diagnosisCodeableConcept` : dx.diagnosisReference !== undefined ? `${path}.diagnosisReference` : path;
      ctx.problem(where, `${NEEDS_CODING}: the diagnosis is not coded in ICD-10-CM (${describeSystems(dx.diagnosisCodeableConcept)}); a coder must assign the ICD-10-CM code`);
      continue;
    }
    const poa = firstCode(dx.onAdmission)?.toUpperCase();
    diagnoses.push(poa && /^[YNUW1]$/.test(poa) ? { code, presentOnAdmission: poa } : { code });
    ctx.sources.set(`diagnoses[${diagnoses.length - 1}]`, `${path}.diagnosisCodeableConcept`);
    if (typeof dx.sequence === 'number') pointers.set(dx.sequence, diagnoses.length);
  }
  ctx.draft.diagnoses = diagnoses;
  ctx.sources.set('diagnoses', `${ctx.base}.diagnosis`);
  return pointers;
}

function mapItems(ctx: MapContext, claim: FhirResource, pointers: Map<number, number>): void {
  const { base, draft } = ctx;
  const institutional = draft.claimType === 'institutional';
  const items = Array.isArray(claim.item) ? claim.item : [];
  const lines: Array<Record<string, unknown>> = [];
  let claimPos: string | undefined;
  items.forEach((item, i) => {
    const path = `${base}.item[${i}]`;
    if (!isObject(item)) return ctx.problem(path, 'is not an object');
    const line: Record<string, unknown> = {};
    const code = procedureCode(item.productOrService);
    const revenue = firstCode(item.revenue);
    if (code) line.procedureCode = code;
    else if (!(institutional && revenue && !hasCoding(item.productOrService))) {
      ctx.problem(`${path}.productOrService`, `${NEEDS_CODING}: the item is not coded in CPT or HCPCS (${describeSystems(item.productOrService)}); a coder must assign the procedure code`);
    }
    if (revenue) line.revenueCode = revenue;

    const modifiers = Array.isArray(item.modifier) ? item.modifier.map(firstCode).filter((m): m is string => m !== undefined) : [];
    if (modifiers.length) line.modifiers = modifiers;

    const quantity = isObject(item.quantity) ? item.quantity.value : undefined;
    if (quantity !== undefined && (typeof quantity !== 'number' || !(quantity > 0))) ctx.problem(`${path}.quantity`, 'must be a positive number');
    const units = typeof quantity === 'number' && quantity > 0 ? quantity : 1;
    line.units = String(units);
    // A net that cannot be read is reported, never silently replaced by unitPrice x quantity.
    const charge = item.net !== undefined ? money(item.net) : lineCharge(item.unitPrice, units);
    if (charge) line.charge = charge;
    else ctx.problem(`${path}.net`, item.net === undefined && item.unitPrice === undefined ? 'the item has no net or unitPrice' : 'is not an amount with at most two decimals');

    const period = isObject(item.servicedPeriod) ? item.servicedPeriod : undefined;
    const from = date(item.servicedDate) ?? date(period?.start);
    const to = date(period?.end);
    if (from) line.serviceDate = from;
    if (to && to !== from) line.serviceDateEnd = to;

    if (item.locationCodeableConcept !== undefined) {
      const pos = placeOfService(item.locationCodeableConcept);
      if (!pos) ctx.problem(`${path}.locationCodeableConcept`, 'is not coded in the CMS place of service code set');
      else if (claimPos === undefined) claimPos = pos;
      else if (pos !== claimPos) line.placeOfService = pos;
    }

    const sequences = Array.isArray(item.diagnosisSequence) ? item.diagnosisSequence : [];
    if (!institutional) {
      const linePointers = sequences.map((s) => (typeof s === 'number' ? pointers.get(s) : undefined));
      if (linePointers.some((p) => p === undefined)) ctx.problem(`${path}.diagnosisSequence`, 'points at a diagnosis sequence the claim does not carry (or that needs coding)');
      else line.diagnosisPointers = linePointers;
    }
    lines.push(line);
    ctx.sources.set(`serviceLines[${lines.length - 1}]`, path);
    ctx.sources.set(`serviceLines[${lines.length - 1}].charge`, `${path}.net`);
    ctx.sources.set(`serviceLines[${lines.length - 1}].serviceDate`, `${path}.servicedDate`);
    ctx.sources.set(`serviceLines[${lines.length - 1}].diagnosisPointers`, `${path}.diagnosisSequence`);
  });
  if (items.length === 0) ctx.problem(`${base}.item`, 'the claim has no items');
  draft.serviceLines = lines;
  ctx.sources.set('serviceLines', `${base}.item`);
  if (claimPos && !institutional) draft.placeOfService = claimPos;
  ctx.sources.set('placeOfService', `${base}.item[0].locationCodeableConcept`);
}

/** Type of bill from Claim.subType (e.g. "831" or "0831"), statement period from billablePeriod or the item dates. */
function mapInstitutional(ctx: MapContext, claim: FhirResource): void {
  const { base, draft } = ctx;
  const bill = codings(claim.subType).find((c) => c.code && /^0?\d{3}$/.test(c.code))?.code?.replace(/^0(?=\d{3}$)/, '');
  const institutional: Record<string, unknown> = {};
  if (bill) {
    institutional.facilityTypeCode = bill.slice(0, 2);
    draft.frequencyCode = bill.slice(2);
  }
  const period = isObject(claim.billablePeriod) ? claim.billablePeriod : undefined;
  const dates = (draft.serviceLines as Array<Record<string, unknown>>).flatMap((l) => [l.serviceDate, l.serviceDateEnd]).filter((d): d is string => typeof d === 'string').sort();
  const from = date(period?.start) ?? dates[0];
  const to = date(period?.end) ?? dates.at(-1);
  if (from) institutional.statementFrom = from;
  if (to) institutional.statementTo = to;
  draft.institutional = institutional;
  ctx.sources.set('institutional', `${base}.subType`);
  ctx.sources.set('institutional.statementFrom', `${base}.billablePeriod`);
  ctx.sources.set('institutional.statementTo', `${base}.billablePeriod`);
  ctx.sources.set('frequencyCode', `${base}.subType`);
}

function lineCharge(unitPrice: unknown, units: number): string | undefined {
  const price = money(unitPrice);
  if (!price || !Number.isInteger(units)) return undefined;
  const cents = toCents(price) * units;
  return Number.isSafeInteger(cents) ? fromCents(cents) : undefined;
}

function seq(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 10_000 + fallback;
}

function hasCoding(concept: unknown): boolean {
  return codings(concept).some((c) => c.code);
}

/** Names the code systems found (not the codes: they could be PHI-adjacent free text). */
function describeSystems(concept: unknown): string {
  const systems = [...new Set(codings(concept).map((c) => c.system ?? 'no system'))];
  if (systems.length === 0) return isObject(concept) && str(concept.text) ? 'text only, no coding' : 'no coding';
  return `coded in ${systems.join(', ')}`;
}
