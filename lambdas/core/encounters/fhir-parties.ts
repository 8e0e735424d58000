/**
 * The parties of a FHIR R4 Claim in canonical form: patient and subscriber
 * (Patient + Coverage relationship), payer (Coverage.payor Organization
 * identifiers, else Claim.insurer), billing provider (Claim.provider with NPI
 * and TIN identifiers) and the care team (rendering, referring, supervising).
 * Unresolvable references become problems at the referencing JSON path.
 */
import { isObject, type FhirIndex, type FhirResource } from './fhir-resolve.js';
import { address, codings, compact, date, firstCode, humanName, identifierValue, sex, str, SYSTEMS } from './fhir-values.js';

export interface MapContext {
  index: FhirIndex;
  /** JSON path of the Claim ("Claim", "Bundle.entry[2].resource"). */
  base: string;
  draft: Record<string, unknown>;
  /** Canonical path prefix → JSON path it was read from, to place validation issues. */
  sources: Map<string, string>;
  problem(path: string, message: string): void;
}

/** Coverage.relationship (subscriber-relationship codes) → X12 individual relationship code. */
const RELATIONSHIP: Record<string, string> = { self: '18', spouse: '01', child: '19', common: '53', parent: 'G8', other: 'G8', injured: 'G8' };

function resolveOrReport(ctx: MapContext, reference: unknown, types: readonly string[], path: string): FhirResource | undefined {
  if (reference === undefined) return undefined;
  const found = ctx.index.resolve(reference, types);
  if (!found && isObject(reference) && typeof reference.reference === 'string') {
    ctx.problem(path, `reference does not resolve to ${types.join(' or ')} inside the document (include it in the Bundle or as a contained resource)`);
  }
  return found;
}

function person(resource: FhirResource | undefined): Record<string, unknown> {
  if (!resource) return {};
  return compact({ name: humanName(resource.name), birthDate: date(resource.birthDate), sex: sex(resource.gender), address: address(resource.address) }) ?? {};
}

export function mapPatientAndCoverage(ctx: MapContext, claim: FhirResource): void {
  const { base, draft } = ctx;
  const patient = resolveOrReport(ctx, claim.patient, ['Patient'], `${base}.patient`);
  if (claim.patient === undefined) ctx.problem(`${base}.patient`, 'is required');

  const insurance = Array.isArray(claim.insurance) ? claim.insurance.filter(isObject) : [];
  const chosen = insurance.findIndex((i) => i.focal === true);
  const at = chosen >= 0 ? chosen : 0;
  const entry = insurance[at];
  const insurancePath = `${base}.insurance[${at}]`;
  if (!entry) ctx.problem(`${base}.insurance`, 'is required (the Coverage names the subscriber and payer)');
  const coverage = entry ? resolveOrReport(ctx, entry.coverage, ['Coverage'], `${insurancePath}.coverage`) : undefined;
  const coveragePath = `${insurancePath}.coverage`;
  const preAuth = Array.isArray(entry?.preAuthRef) ? str(entry.preAuthRef[0]) : undefined;
  if (preAuth) draft.priorAuthorization = preAuth;

  // A contained Coverage refers to its siblings by "#id": the index holds the Claim's contained list.
  const index = ctx.index;
  const relationshipCode = firstCode(coverage?.relationship);
  const subscriberRes = coverage ? index.resolve(coverage.subscriber, ['Patient', 'RelatedPerson']) : undefined;
  const self = relationshipCode ? relationshipCode === 'self' : !subscriberRes || subscriberRes === patient;
  const memberId = str(coverage?.subscriberId) ?? firstIdentifier(coverage);
  const group = Array.isArray(coverage?.class)
    ? coverage.class.filter(isObject).find((c) => codings(c.type).some((t) => t.code === 'group'))
    : undefined;

  const subscriberSource = self ? patient : subscriberRes;
  draft.subscriber = { ...person(subscriberSource), ...compact({ memberId, groupNumber: str(group?.value) }) };
  ctx.sources.set('subscriber', coverage ? coveragePath : `${base}.patient`);
  ctx.sources.set('subscriber.name', self ? `${base}.patient` : `${coveragePath}.subscriber`);
  if (!self) {
    const relationship = relationshipCode ? RELATIONSHIP[relationshipCode] : undefined;
    if (relationshipCode && !relationship) ctx.problem(`${coveragePath}.relationship`, 'is not a subscriber-relationship code');
    if (!subscriberRes && coverage?.subscriber !== undefined) {
      ctx.problem(`${coveragePath}.subscriber`, 'reference does not resolve to Patient or RelatedPerson inside the document');
    }
    draft.patient = { ...person(patient), relationship: relationship ?? '21' };
    ctx.sources.set('patient', `${base}.patient`);
    ctx.sources.set('patient.relationship', `${coveragePath}.relationship`);
  }
  mapPayer(ctx, claim, coverage, coveragePath);
}

function firstIdentifier(resource: FhirResource | undefined): string | undefined {
  const list = resource?.identifier;
  const identifiers = Array.isArray(list) ? list : isObject(list) ? [list] : [];
  return identifiers.filter(isObject).map((i) => str(i.value)).find((v) => v !== undefined);
}

/** Payer id: an identifier typed NIIP (national insurance payor id) or with "payer" in its system, else the first. */
function payerIdOf(holder: unknown): string | undefined {
  const list = isObject(holder) ? holder.identifier : undefined;
  const identifiers = (Array.isArray(list) ? list : isObject(list) ? [list] : []).filter(isObject);
  const typed = identifiers.find((i) => codings(i.type).some((c) => c.code === 'NIIP') || (typeof i.system === 'string' && /payer|payor/i.test(i.system)));
  return str((typed ?? identifiers[0])?.value);
}

function mapPayer(ctx: MapContext, claim: FhirResource, coverage: FhirResource | undefined, coveragePath: string): void {
  const payors = Array.isArray(coverage?.payor) ? coverage.payor : [];
  const [reference, path] = payors[0] !== undefined ? [payors[0], `${coveragePath}.payor[0]`] : [claim.insurer, `${ctx.base}.insurer`];
  const organization = resolveOrReport(ctx, reference, ['Organization'], path);
  const name = str(organization?.name) ?? (isObject(reference) ? str(reference.display) : undefined);
  const payerId = payerIdOf(organization) ?? payerIdOf(isObject(reference) ? { identifier: reference.identifier } : undefined);
  ctx.draft.payer = compact({ name, payerId, address: address(organization?.address) }) ?? {};
  ctx.sources.set('payer', path);
}

function provider(resource: FhirResource | undefined): Record<string, unknown> {
  if (!resource) return {};
  const npi = identifierValue(resource, SYSTEMS.npi);
  if (resource.resourceType === 'Organization') {
    return compact({ entity: 'organization', lastOrOrganizationName: str(resource.name), npi, address: address(resource.address) }) ?? {};
  }
  const name = humanName(resource.name);
  return compact({ entity: 'person', lastOrOrganizationName: name?.last, firstName: name?.first, middleName: name?.middle, suffix: name?.suffix, npi, address: address(resource.address) }) ?? {};
}

export function mapProviders(ctx: MapContext, claim: FhirResource): void {
  const { base, draft } = ctx;
  if (claim.provider === undefined) ctx.problem(`${base}.provider`, 'is required (the billing provider)');
  const billing = resolveOrReport(ctx, claim.provider, ['Organization', 'Practitioner'], `${base}.provider`);
  draft.billingProvider = { ...provider(billing), ...compact({ tin: billing ? identifierValue(billing, SYSTEMS.tin)?.replace(/-/g, '') : undefined }) };
  ctx.sources.set('billingProvider', `${base}.provider`);

  const team = Array.isArray(claim.careTeam) ? claim.careTeam : [];
  team.forEach((member, i) => {
    if (!isObject(member)) return;
    const path = `${base}.careTeam[${i}]`;
    const role = firstCode(member.role) ?? (team.length === 1 ? 'primary' : undefined);
    const target = role === 'primary' || role === 'rendering' ? 'renderingProvider' : role === 'referring' ? 'referringProvider' : role === 'supervisor' || role === 'supervising' ? 'supervisingProvider' : undefined;
    const resource = resolveOrReport(ctx, member.provider, ['Practitioner', 'Organization'], `${path}.provider`);
    if (!target || !resource || draft[target] !== undefined) return;
    draft[target] = provider(resource);
    ctx.sources.set(target, `${path}.provider`);
  });
}
