/**
 * Maps a collected 837P claim (ClaimDraft) to the canonical ClaimInput. No
 * validation: values are carried over as found (dates and amounts reformatted),
 * and missing ones are left out, for the caller's zod parse to judge.
 */
import type { ClaimInput } from '../../claim/model.js';
import { component, components, element } from '../segment.js';
import type { Delimiters, X12Warning } from '../types.js';
import type { ClaimDraft, LineDraft } from './claim-draft.js';
import { X837_WARNING } from './codes.js';
import { address, compact, demographics, personName, provider, refValue } from './entities.js';
import type { HlNode } from './hl-tree.js';
import { dateOrRange, money } from './values.js';

type ServiceLineInput = ClaimInput['serviceLines'][number];
type DiagnosisInput = ClaimInput['diagnoses'][number];

/** HI qualifiers that carry diagnoses; the others (BP anesthesia, BG conditions, ...) are not diagnoses. */
const DIAGNOSIS_SYSTEMS: Record<string, DiagnosisInput['system']> = {
  ABK: 'ICD-10-CM',
  ABF: 'ICD-10-CM',
  BK: 'ICD-9-CM',
  BF: 'ICD-9-CM',
};

const MAX_LINE_MODIFIERS = 4;

export interface BuildContext {
  tenantId: string;
  delimiters: Delimiters;
  warn: (warning: X12Warning) => void;
}

export function buildClaim(draft: ClaimDraft, ctx: BuildContext): ClaimInput {
  const { clm, ancestry } = draft;
  const d = ctx.delimiters;
  const totalCharge = element(clm, 2);
  const claim = compact({
    tenantId: ctx.tenantId,
    claimId: element(clm, 1),
    claimType: 'professional' as const,
    frequencyCode: component(clm, 5, 3, d) as ClaimInput['frequencyCode'],
    payerClaimControlNumber: refValue(draft.refs, 'F8'),
    placeOfService: component(clm, 5, 1, d),
    totalCharge: totalCharge === undefined ? undefined : money(totalCharge),
    priorAuthorization: refValue(draft.refs, 'G1'),
    billingProvider: billingProvider(ancestry.billing),
    renderingProvider: draft.rendering ? provider(draft.rendering) : undefined,
    referringProvider: draft.referring ? provider(draft.referring) : undefined,
    subscriber: subscriber(ancestry.subscriber),
    patient: patient(ancestry.patient),
    payer: payer(ancestry.subscriber),
    diagnoses: diagnoses(draft, d),
    serviceLines: draft.lines.map((line) => serviceLine(line, draft, ctx)),
  });
  // Required parties may be missing from a broken file; validation reports them.
  return claim as ClaimInput;
}

function billingProvider(node: HlNode | undefined): ClaimInput['billingProvider'] | undefined {
  const party = node?.party;
  if (!node || !party) return undefined;
  const base = provider({ ...party, prv: party.prv ?? node.prv });
  // 004010 files may carry the EIN as the NM1 identifier (NM108 "24") instead of REF*EI.
  const tin = refValue(party.refs, 'EI') ?? (element(party.nm1, 8) === '24' ? element(party.nm1, 9) : undefined);
  return compact({ ...base, tin }) as ClaimInput['billingProvider'];
}

function subscriber(node: HlNode | undefined): ClaimInput['subscriber'] | undefined {
  const party = node?.party;
  if (!node || !party) return undefined;
  return compact({
    memberId: element(party.nm1, 9),
    name: personName(party.nm1),
    ...demographics(party.dmg),
    address: address(party),
    groupNumber: node.sbr ? element(node.sbr, 3) : undefined,
  }) as ClaimInput['subscriber'];
}

/** The 2000C patient; absent when the patient is the subscriber. */
function patient(node: HlNode | undefined): ClaimInput['patient'] | undefined {
  if (!node) return undefined;
  const relationship = node.pat ? element(node.pat, 1) : undefined;
  if (relationship === '18') return undefined;
  const party = node.party;
  return compact({
    relationship: relationship as NonNullable<ClaimInput['patient']>['relationship'],
    name: party ? personName(party.nm1) : undefined,
    ...demographics(party?.dmg),
    address: party ? address(party) : undefined,
  }) as ClaimInput['patient'];
}

function payer(node: HlNode | undefined): ClaimInput['payer'] | undefined {
  const loop = node?.payer;
  if (!node || !loop) return undefined;
  return compact({
    name: element(loop.nm1, 3),
    payerId: element(loop.nm1, 9),
    claimFilingIndicator: (node.sbr ? element(node.sbr, 9) : undefined) as ClaimInput['payer']['claimFilingIndicator'],
    address: address(loop),
  }) as ClaimInput['payer'];
}

/** HI diagnoses in document order: SV107 pointers count positions in that order. */
function diagnoses(draft: ClaimDraft, d: Delimiters): DiagnosisInput[] {
  const out: DiagnosisInput[] = [];
  for (const hi of draft.his) {
    for (let index = 1; index < hi.elements.length; index++) {
      const qualifier = component(hi, index, 1, d);
      const system = qualifier === undefined ? undefined : DIAGNOSIS_SYSTEMS[qualifier];
      const code = component(hi, index, 2, d);
      if (system && code !== undefined) out.push({ code, system });
    }
  }
  return out;
}

function serviceLine(line: LineDraft, draft: ClaimDraft, ctx: BuildContext): ServiceLineInput {
  const d = ctx.delimiters;
  const sv1 = line.sv1;
  const dtp = line.dtp472 ?? draft.dtp472;
  const dates = dtp ? dateOrRange(element(dtp, 2), element(dtp, 3)) : {};
  if (!sv1) {
    return compact({ serviceDate: dates.start, serviceDateEnd: dates.end }) as ServiceLineInput;
  }
  const unitBasis = element(sv1, 3);
  if (unitBasis !== undefined && unitBasis !== 'UN') {
    ctx.warn({
      code: X837_WARNING.UNIT_BASIS,
      message: 'SV103 is not UN; SV104 is read as the units of service',
      position: sv1.position,
      segmentId: 'SV1',
    });
  }
  const modifiers: string[] = [];
  for (let index = 3; index < 3 + MAX_LINE_MODIFIERS; index++) {
    const modifier = component(sv1, 1, index, d);
    if (modifier !== undefined) modifiers.push(modifier);
  }
  const charge = element(sv1, 2);
  return compact({
    procedureCode: component(sv1, 1, 2, d),
    modifiers,
    units: element(sv1, 4),
    charge: charge === undefined ? undefined : money(charge),
    serviceDate: dates.start,
    serviceDateEnd: dates.end,
    placeOfService: element(sv1, 5),
    diagnosisPointers: pointers(sv1, ctx),
    lineItemControlNumber: refValue(line.refs, '6R'),
  }) as ServiceLineInput;
}

function pointers(sv1: NonNullable<LineDraft['sv1']>, ctx: BuildContext): number[] {
  const out: number[] = [];
  for (const raw of components(sv1, 7, ctx.delimiters)) {
    const value = raw.trim();
    if (value === '') continue;
    if (/^\d{1,2}$/.test(value)) {
      out.push(Number(value));
    } else {
      ctx.warn({
        code: X837_WARNING.BAD_POINTER,
        message: 'SV107 holds a diagnosis pointer that is not a number; it is left out',
        position: sv1.position,
        segmentId: 'SV1',
      });
    }
  }
  return out;
}
