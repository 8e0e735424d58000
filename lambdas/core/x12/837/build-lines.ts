/**
 * 2400 service lines: SV1 (837P) or SV2 (837I), DTP, REF*6R, the 2410 drug
 * loop, the line rendering provider (2420A of the 837P, 2420C of the 837I)
 * and the 2430 line adjudications (build-coordination.ts).
 */
import type { ClaimInput } from '../../claim/model.js';
import { component, components, element } from '../segment.js';
import type { Segment } from '../types.js';
import type { BuildContext } from './build-context.js';
import { warnAt } from './build-context.js';
import { lineAdjudications } from './build-coordination.js';
import { LINE_DATE_QUALIFIERS, datesOf } from './build-dates.js';
import type { LineDraft } from './claim-draft.js';
import { X837_WARNING } from './codes.js';
import { compact, provider, refValue } from './entities.js';
import type { Kind837 } from './loops-837.js';
import { dateOrRange, money } from './values.js';

type LineInput = ClaimInput['serviceLines'][number];

const MAX_MODIFIERS = 4;

export function serviceLine(line: LineDraft, index: number, kind: Kind837, claimDtp472: Segment | undefined, ctx: BuildContext): LineInput {
  const path = `serviceLines[${index}]`;
  ctx.taken.mark(line.lx);
  ctx.locations.at(path, line.lx, '2400');
  const service = kind === 'professional' ? sv1(line, path, ctx) : sv2(line, path, ctx);
  const dtp472 = ctx.taken.first(line.segments, 'DTP', '472') ?? claimDtp472;
  if (dtp472) {
    ctx.locations.at(`${path}.serviceDate`, dtp472, dtp472 === claimDtp472 ? '2300' : '2400', 'DTP03');
    ctx.locations.at(`${path}.serviceDateEnd`, dtp472, dtp472 === claimDtp472 ? '2300' : '2400', 'DTP03');
  }
  const served = dtp472 ? dateOrRange(element(dtp472, 2), element(dtp472, 3)) : {};
  const renderingLoop = line.parties.find((p) => p.loop === (kind === 'professional' ? '2420A' : '2420C'));
  return compact({
    ...service,
    serviceDate: served.start,
    serviceDateEnd: served.end,
    dates: datesOf(line.segments, LINE_DATE_QUALIFIERS, ctx, `${path}.dates`, '2400'),
    drug: drug(line, path, ctx),
    renderingProvider: renderingLoop ? provider(renderingLoop, ctx, `${path}.renderingProvider`) : undefined,
    lineItemControlNumber: refValue(line.segments, '6R', ctx, `${path}.lineItemControlNumber`, '2400'),
    adjudications: lineAdjudications(line, path, service.revenueCode, ctx),
  }) as LineInput;
}

/** SV101 (HC:code:modifiers), SV102 charge, SV103 unit basis, SV104 units, SV105 place, SV107 pointers, SV109 emergency. */
function sv1(line: LineDraft, path: string, ctx: BuildContext): Partial<LineInput> {
  const sv = ctx.taken.first(line.segments, 'SV1');
  if (!sv) return {};
  const d = ctx.delimiters;
  procedureQualifier(sv, 1, 'SV101', ctx);
  for (const [field, ref] of [['procedureCode', 'SV101-2'], ['modifiers', 'SV101-3'], ['charge', 'SV102'], ['unitBasis', 'SV103'], ['units', 'SV104'], ['placeOfService', 'SV105'], ['diagnosisPointers', 'SV107'], ['emergency', 'SV109']] as const) {
    ctx.locations.at(`${path}.${field}`, sv, '2400', ref);
  }
  for (const [index, name] of [[11, 'SV111'], [12, 'SV112']] as const) {
    if (element(sv, index) !== undefined) warnAt(ctx, X837_WARNING.UNMAPPED_ELEMENT, `${name} (loop 2400) is not carried by the canonical claim`, sv);
  }
  const charge = element(sv, 2);
  const emergency = element(sv, 9);
  return compact({
    procedureCode: component(sv, 1, 2, d),
    modifiers: modifiers(sv, 1, ctx),
    charge: charge === undefined ? undefined : money(charge),
    unitBasis: element(sv, 3) as LineInput['unitBasis'],
    units: element(sv, 4),
    placeOfService: element(sv, 5),
    diagnosisPointers: pointers(sv, ctx),
    emergency: emergency === undefined ? undefined : emergency === 'Y' ? true : (emergency as unknown as boolean),
  });
}

/** SV201 revenue code, SV202 (HC:code:modifiers), SV203 charge, SV204 unit basis, SV205 units, SV207 non-covered. */
function sv2(line: LineDraft, path: string, ctx: BuildContext): Partial<LineInput> {
  const sv = ctx.taken.first(line.segments, 'SV2');
  if (!sv) return {};
  const d = ctx.delimiters;
  if (element(sv, 2) !== undefined) procedureQualifier(sv, 2, 'SV202', ctx);
  for (const [field, ref] of [['revenueCode', 'SV201'], ['procedureCode', 'SV202-2'], ['modifiers', 'SV202-3'], ['charge', 'SV203'], ['unitBasis', 'SV204'], ['units', 'SV205'], ['nonCoveredCharge', 'SV207']] as const) {
    ctx.locations.at(`${path}.${field}`, sv, '2400', ref);
  }
  if (element(sv, 6) !== undefined) warnAt(ctx, X837_WARNING.UNMAPPED_ELEMENT, 'SV206 (loop 2400) is not carried by the canonical claim', sv);
  const charge = element(sv, 3);
  const nonCovered = element(sv, 7);
  return compact({
    revenueCode: element(sv, 1),
    procedureCode: component(sv, 2, 2, d),
    modifiers: modifiers(sv, 2, ctx),
    charge: charge === undefined ? undefined : money(charge),
    unitBasis: element(sv, 4) as LineInput['unitBasis'],
    units: element(sv, 5),
    nonCoveredCharge: nonCovered === undefined ? undefined : money(nonCovered),
    diagnosisPointers: [],
  });
}

/** HC (HCPCS/CPT) is what the model holds; other product qualifiers (ER, IV, WK, HP, ...) are reported. */
function procedureQualifier(sv: Segment, index: number, name: string, ctx: BuildContext): void {
  const qualifier = component(sv, index, 1, ctx.delimiters);
  if (qualifier !== undefined && qualifier !== 'HC') {
    warnAt(ctx, X837_WARNING.UNMAPPED_ELEMENT, `${name}-1 is not HC; the code is read as a HCPCS code`, sv);
  }
  if (component(sv, index, 7, ctx.delimiters) !== undefined) {
    warnAt(ctx, X837_WARNING.UNMAPPED_ELEMENT, `${name}-7 (description) is not carried by the canonical claim`, sv);
  }
}

function modifiers(sv: Segment, index: number, ctx: BuildContext): string[] {
  const out: string[] = [];
  for (let position = 3; position < 3 + MAX_MODIFIERS; position++) {
    const modifier = component(sv, index, position, ctx.delimiters);
    if (modifier !== undefined) out.push(modifier);
  }
  return out;
}

function pointers(sv1: Segment, ctx: BuildContext): number[] {
  const out: number[] = [];
  for (const raw of components(sv1, 7, ctx.delimiters)) {
    const value = raw.trim();
    if (value === '') continue;
    if (/^\d{1,2}$/.test(value)) {
      out.push(Number(value));
    } else {
      warnAt(ctx, X837_WARNING.BAD_POINTER, 'SV107 holds a diagnosis pointer that is not a number; it is left out', sv1);
    }
  }
  return out;
}

/** 2410: LIN*N4 (NDC), CTP04 quantity and CTP05-1 unit, REF*XZ prescription number. */
function drug(line: LineDraft, path: string, ctx: BuildContext): LineInput['drug'] {
  const loop = line.drug;
  if (!loop) return undefined;
  const lin = loop.segments[0] as Segment;
  if (element(lin, 2) !== 'N4') return undefined; // Left untaken: reported as not carried.
  ctx.taken.mark(lin);
  ctx.locations.at(`${path}.drug`, lin, '2410');
  ctx.locations.at(`${path}.drug.ndc`, lin, '2410', 'LIN03');
  const ctp = ctx.taken.first(loop.segments, 'CTP');
  if (ctp) {
    ctx.locations.at(`${path}.drug.quantity`, ctp, '2410', 'CTP04');
    ctx.locations.at(`${path}.drug.unit`, ctp, '2410', 'CTP05-1');
  }
  return compact({
    ndc: element(lin, 3),
    quantity: ctp ? element(ctp, 4) : undefined,
    unit: ctp ? component(ctp, 5, 1, ctx.delimiters) : undefined,
    prescriptionNumber: refValue(loop.segments, 'XZ', ctx, `${path}.drug.prescriptionNumber`, '2410'),
  }) as LineInput['drug'];
}
