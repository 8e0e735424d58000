/**
 * Reads HL7 v2 DFT^P03 (detail financial transaction) messages into
 * canonical professional claims: one claim per message (a DFT posts the
 * charges of one visit/account; a batch holds several messages). Claim id:
 * PV1-19 visit number, else PID-18 account number, else MSH-10 message
 * control id (the first present that is a valid claim id). The billing
 * provider is not in a DFT: it comes from the tenant's defaultBillingProvider.
 * Mapping table and choices: docs/hl7v2-dft.md. Positions are written
 * "MSH#1 segment FT1[2] field 7"; messages never echo values.
 */
import { Claim, ClaimId } from '../claim/model.js';
import { mapDiagnosesAndCharges } from './hl7v2-charges.js';
import { createContext, type Hl7MapContext } from './hl7v2-context.js';
import { mapPatientAndInsurance, mapPlaceOfService, mapVisitProviders, warnGuarantors } from './hl7v2-parties.js';
import { readHl7v2, type Hl7v2Message, type SegmentView } from './hl7v2-reader.js';
import { formatPath } from './native-json.js';
import type { EncounterProblem, ParsedEncounters } from './types.js';

export interface Hl7v2Options {
  /** TenantConfig.defaultBillingProvider: a DFT names no billing provider. */
  defaultBillingProvider?: Record<string, unknown>;
}

/** Fields read per segment (the rest, when filled, is reported as not mapped). MSH and EVN carry no claim data. */
const MAPPED: Record<string, readonly number[]> = {
  PID: [1, 3, 5, 7, 8, 11, 18],
  PV1: [1, 2, 3, 7, 8, 19],
  FT1: [1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 16, 19, 20, 21, 25, 26],
  DG1: [1, 2, 3, 4, 6, 15],
  IN1: [1, 3, 4, 5, 8, 9, 16, 17, 18, 19, 36, 43, 49],
};
const SILENT = new Set(['MSH', 'EVN']);
const WHOLE = new Set(['PR1', 'GT1']);

export function parseHl7v2Dft(text: string, tenantId: string, options: Hl7v2Options = {}): ParsedEncounters {
  const file = readHl7v2(text);
  const result: ParsedEncounters = { claims: [], problems: [...file.problems], warnings: [...file.warnings] };
  for (const message of file.messages) {
    const index = message.number - 1;
    const msh = message.segments[0];
    const type = msh ? `${msh.get(9, 1)}^${msh.get(9, 2)}`.toUpperCase() : '';
    if (type !== 'DFT^P03') {
      const label = type.replace(/[^A-Z0-9^_]/g, '').slice(0, 15) || 'without MSH-9';
      result.problems.push({ position: `MSH#${message.number} segment MSH[1] field 9`, index, message: `HL7 v2 message type ${label} is not a charge message (DFT^P03)` });
      continue;
    }
    const mapped = mapDftMessage(message, options);
    result.warnings!.push(...mapped.warnings.map((w) => ({ ...w, index })));
    if (mapped.problems.length > 0) {
      result.problems.push(...mapped.problems.map((p) => ({ ...p, index })));
      continue;
    }
    const parsed = Claim.safeParse({ ...mapped.draft, tenantId, claimType: 'professional' });
    if (parsed.success) {
      result.claims.push({ claim: parsed.data, index, position: `MSH#${message.number}`, locate: mapped.locate });
      continue;
    }
    for (const issue of parsed.error.issues) {
      const canonical = formatPath(issue.path);
      result.problems.push({ position: mapped.locate(canonical), index, claimId: mapped.claimId, path: canonical, message: `${canonical || 'claim'}: ${issue.message}` });
    }
  }
  return result;
}

export interface MappedDft {
  draft: Record<string, unknown>;
  problems: EncounterProblem[];
  warnings: EncounterProblem[];
  claimId?: string;
  locate(canonicalPath: string): string;
}

export function mapDftMessage(message: Hl7v2Message, options: Hl7v2Options = {}): MappedDft {
  const ctx = createContext(message);
  mapClaimId(ctx);
  if (options.defaultBillingProvider) {
    ctx.draft.billingProvider = options.defaultBillingProvider;
  } else {
    ctx.problem(ctx.base, 'billing provider: a DFT^P03 does not carry one and the tenant configuration has no defaultBillingProvider');
  }
  ctx.sources.set('billingProvider', 'tenant configuration defaultBillingProvider');
  mapPatientAndInsurance(ctx);
  mapVisitProviders(ctx);
  mapPlaceOfService(ctx);
  mapDiagnosesAndCharges(ctx);
  warnGuarantors(ctx);
  warnUnmapped(ctx);

  const locate = (canonical: string) => {
    // The longest canonical prefix that was read from somewhere names the HL7 position.
    for (let key = canonical; key; ) {
      const found = ctx.sources.get(key);
      if (found) return found;
      const shorter = key.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
      if (shorter === key) break;
      key = shorter;
    }
    return ctx.base;
  };
  return { draft: ctx.draft, problems: ctx.problems, warnings: ctx.warnings, claimId: ctx.claimId, locate };
}

function mapClaimId(ctx: Hl7MapContext): void {
  const candidates: Array<[SegmentView | undefined, number]> = [[ctx.first('PV1'), 19], [ctx.first('PID'), 18], [ctx.message.segments[0], 10]];
  for (const [seg, field] of candidates) {
    const value = seg?.get(field, 1);
    if (!seg || !value) continue;
    if (ClaimId.safeParse(value).success) {
      ctx.claimId = value;
      ctx.draft.claimId = value;
      ctx.sources.set('claimId', seg.where(field));
      return;
    }
    ctx.warn(seg.where(field), 'not usable as a claim id (1-38 letters, digits, space . - _ /): the next candidate is tried');
  }
  ctx.problem(`${ctx.base} segment MSH[1] field 10`, 'no claim id: PV1-19 visit number, PID-18 account number and MSH-10 are all empty or unusable');
}

function warnUnmapped(ctx: Hl7MapContext): void {
  for (const seg of ctx.message.segments) {
    if (SILENT.has(seg.name) || WHOLE.has(seg.name)) continue;
    const mapped = MAPPED[seg.name];
    if (!mapped) {
      ctx.warn(seg.where(), 'segment not mapped: ignored');
      continue;
    }
    for (const field of seg.filledFields()) if (!mapped.includes(field)) ctx.warn(seg.where(field), 'field not mapped: ignored');
  }
}
