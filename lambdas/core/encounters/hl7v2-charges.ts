/**
 * DFT^P03 diagnoses (DG1, FT1-19) and charge lines (FT1) in canonical form.
 * Diagnoses must be ICD-10-CM, procedure codes CPT or HCPCS; anything else
 * is a "needs coding" problem (ICD-9-CM codes next to ICD-10-CM ones are
 * dropped with a warning: dual-coded feeds). Nothing is guessed.
 */
import { NEEDS_CODING, systemLabel, type Hl7MapContext } from './hl7v2-context.js';
import { locationPos, readProvider } from './hl7v2-parties.js';
import type { SegmentView } from './hl7v2-reader.js';
import { diagnosisSystem, hl7Date, hl7Money, hl7Quantity, icd10Code, isCptHcpcsShape, isCptHcpcsSystem, multiplyMoney } from './hl7v2-values.js';

interface Coded {
  code: string;
  system: string;
}

/** The CE/CWE triplets of one repetition: identifier 1-3, alternate 4-6. */
function triplets(seg: SegmentView, field: number, rep: number): Coded[] {
  return [0, 3]
    .map((o) => ({ code: seg.get(field, 1 + o, rep), system: seg.get(field, 3 + o, rep) }))
    .filter((t) => t.code !== '');
}

/** Diagnosis list shared by DG1 and FT1-19; returns 1-based pointers. */
class DiagnosisList {
  readonly codes: string[] = [];
  constructor(private readonly ctx: Hl7MapContext) {}
  add(code: string, where: string): number {
    const found = this.codes.indexOf(code);
    if (found >= 0) return found + 1;
    this.codes.push(code);
    this.ctx.sources.set(`diagnoses[${this.codes.length - 1}]`, where);
    return this.codes.length;
  }
}

type DxRead = { code: string } | { icd9: true } | { uncoded: string };

function readDiagnosis(seg: SegmentView, field: number, rep: number, fallbackSystem = ''): DxRead {
  const options = triplets(seg, field, rep);
  for (const t of options) {
    const system = diagnosisSystem(t.system || fallbackSystem);
    const code = system === 'icd10cm' ? icd10Code(t.code) : undefined;
    if (code) return { code };
  }
  if (options.some((t) => diagnosisSystem(t.system || fallbackSystem) === 'icd9cm')) return { icd9: true };
  const first = options[0];
  if (first && diagnosisSystem(first.system || fallbackSystem) === 'icd10cm') return { uncoded: 'is marked ICD-10-CM but is not shaped like an ICD-10-CM code' };
  return { uncoded: `is not coded in ICD-10-CM (${systemLabel(first?.system || fallbackSystem)})` };
}

/**
 * DG1 diagnoses in priority order (DG1-15, 1 = principal; unranked after,
 * in segment order), then FT1-19 codes not already listed.
 */
export function mapDiagnosesAndCharges(ctx: Hl7MapContext): void {
  const list = new DiagnosisList(ctx);
  let icd9Seen = false;
  const dg1Pointers: number[] = [];
  const ranked = ctx
    .all('DG1')
    .map((seg, i) => ({ seg, i, rank: /^\d+$/.test(seg.get(15)) && Number(seg.get(15)) > 0 ? Number(seg.get(15)) : 10_000 }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i);
  for (const { seg } of ranked) {
    if (seg.repetitions(3) === 0) {
      ctx.problem(seg.where(3), `${NEEDS_CODING}: the diagnosis has no code`);
      continue;
    }
    // DG1-2 (diagnosis coding method, HL7 2.3 and earlier) names the system when DG1-3.3 does not.
    const read = readDiagnosis(seg, 3, 0, seg.get(2));
    if ('code' in read) {
      const pointer = list.add(read.code, seg.where(3));
      if (!dg1Pointers.includes(pointer)) dg1Pointers.push(pointer);
    } else if ('icd9' in read) {
      icd9Seen = true;
      ctx.warn(seg.where(3), 'the diagnosis is coded in ICD-9-CM: not billed (ICD-10-CM only)');
    } else {
      ctx.problem(seg.where(3), `${NEEDS_CODING}: the diagnosis ${read.uncoded}; a coder must assign the ICD-10-CM code`);
    }
  }
  ctx.sources.set('diagnoses', ctx.first('DG1')?.where() ?? `${ctx.base} segment DG1`);

  const lines: Array<Record<string, unknown>> = [];
  let charges = 0;
  for (const ft1 of ctx.all('FT1')) {
    const type = ft1.get(6).toUpperCase();
    if (type && type !== 'CG') {
      ctx.warn(ft1.where(6), 'not a charge transaction (FT1-6 is not CG): not billed');
      continue;
    }
    charges++;
    const line = mapCharge(ctx, ft1, lines.length);
    const pointers: number[] = [];
    for (let rep = 0; rep < ft1.repetitions(19); rep++) {
      const read = readDiagnosis(ft1, 19, rep);
      if ('code' in read) {
        const p = list.add(read.code, `${ft1.where(19)} repetition ${rep + 1}`);
        if (!pointers.includes(p)) pointers.push(p);
      } else if ('icd9' in read) {
        icd9Seen = true;
        ctx.warn(`${ft1.where(19)} repetition ${rep + 1}`, 'the diagnosis is coded in ICD-9-CM: not billed (ICD-10-CM only)');
      } else {
        ctx.problem(`${ft1.where(19)} repetition ${rep + 1}`, `${NEEDS_CODING}: the diagnosis ${read.uncoded}; a coder must assign the ICD-10-CM code`);
      }
    }
    if (pointers.length > 4) ctx.warn(ft1.where(19), 'more than four diagnoses on the charge: the line points at the first four');
    if (pointers.length > 0) {
      line.diagnosisPointers = pointers.slice(0, 4);
    } else if (ft1.repetitions(19) === 0 && dg1Pointers.length > 0) {
      // No FT1-19: the charge belongs to the visit, whose diagnoses are the DG1 segments (in priority order).
      line.diagnosisPointers = dg1Pointers.slice(0, 4);
      ctx.warn(ft1.where(19), 'empty: the line points at the DG1 diagnoses in priority order');
    } else if (ft1.repetitions(19) === 0) {
      ctx.problem(ft1.where(19), 'the charge names no diagnosis and the message has no ICD-10-CM DG1 diagnosis');
    }
    lines.push(line);
  }
  if (charges === 0) ctx.problem(`${ctx.base} segment FT1`, 'the message has no FT1 charge (FT1-6 = CG)');
  if (list.codes.length === 0 && icd9Seen) {
    ctx.problem(ctx.first('DG1')?.where(3) ?? `${ctx.base} segment FT1 field 19`, `${NEEDS_CODING}: the diagnoses are coded in ICD-9-CM only; a coder must assign ICD-10-CM codes`);
  }
  ctx.draft.diagnoses = list.codes.map((code) => ({ code }));
  ctx.draft.serviceLines = lines;
  ctx.sources.set('serviceLines', ctx.first('FT1')?.where() ?? `${ctx.base} segment FT1`);
  const claimPos = ctx.draft.placeOfService;
  for (const line of lines) if (line.placeOfService === claimPos) delete line.placeOfService;
  notePr1(ctx, lines);
}

function mapCharge(ctx: Hl7MapContext, ft1: SegmentView, index: number): Record<string, unknown> {
  const path = `serviceLines[${index}]`;
  const line: Record<string, unknown> = {};
  const set = (key: string, value: unknown, field: number) => {
    if (value !== undefined) line[key] = value;
    ctx.sources.set(`${path}.${key}`, ft1.where(field));
  };
  ctx.sources.set(path, ft1.where());

  const { code, modifiers, field } = procedure(ctx, ft1);
  set('procedureCode', code, field);
  set('modifiers', modifiers.length ? modifiers : undefined, 26);

  const quantityRaw = ft1.get(10);
  const units = quantityRaw ? hl7Quantity(quantityRaw) : '1';
  if (!units) ctx.problem(ft1.where(10), 'the quantity is not a positive number');
  set('units', units, 10);

  const extended = ft1.get(11, 1, 0, 0);
  const unitAmount = ft1.get(12, 1, 0, 0);
  if (extended) {
    const charge = hl7Money(extended);
    if (!charge) ctx.problem(ft1.where(11), 'the extended amount is not an amount with at most two decimals');
    set('charge', charge, 11);
  } else if (unitAmount) {
    const price = hl7Money(unitAmount);
    const charge = price && units ? multiplyMoney(price, units) : undefined;
    if (!charge) ctx.problem(ft1.where(12), 'the unit amount is not an amount, or the quantity is not a whole number to multiply it by');
    set('charge', charge, 12);
  } else {
    ctx.problem(ft1.where(11), 'the charge has no amount (FT1-11 extended amount or FT1-12 unit amount)');
  }

  const from = hl7Date(ft1.get(4, 1));
  const to = hl7Date(ft1.get(4, 2));
  if (!from) ctx.problem(ft1.where(4), 'the transaction date (date of service) is missing or not a date');
  set('serviceDate', from, 4);
  if (to && from && to > from) set('serviceDateEnd', to, 4);

  set('placeOfService', locationPos(ft1, 16), 16);
  const performer = readProvider(ctx, ft1, 20);
  const claimRendering = ctx.draft.renderingProvider as { npi?: string } | undefined;
  if (performer && performer.npi !== claimRendering?.npi) set('renderingProvider', performer, 20);

  const transactionId = ft1.get(2);
  if (/^[A-Za-z0-9\-_.]{1,50}$/.test(transactionId)) set('lineItemControlNumber', transactionId, 2);
  ctx.sources.set(`${path}.diagnosisPointers`, ft1.where(19));
  return line;
}

/**
 * The procedure code: FT1-25 (procedure code, HL7 table 0088: CPT/HCPCS in
 * US feeds, so an unlabelled CPT/HCPCS-shaped code is taken) or FT1-7
 * (transaction code: a chargemaster code unless labelled CPT/HCPCS).
 * Modifiers: FT1-26 repetitions (or components), a suffix on the code
 * ("99214-25"), or two-character components after FT1-7's coding system.
 */
function procedure(ctx: Hl7MapContext, ft1: SegmentView): { code?: string; modifiers: string[]; field: number } {
  const modifiers: string[] = [];
  const fromField = (field: number, unlabelledOk: boolean): string | undefined => {
    for (const t of triplets(ft1, field, 0)) {
      const [base, ...suffix] = t.code.toUpperCase().split(/[-:\s]+/);
      if (!base || !isCptHcpcsShape(base)) continue;
      if (isCptHcpcsSystem(t.system) || (unlabelledOk && !t.system)) {
        modifiers.push(...suffix);
        return base;
      }
    }
    return undefined;
  };
  const from25 = fromField(25, true);
  const from7 = fromField(7, false);
  if (from25 && from7 && from25 !== from7) ctx.problem(ft1.where(25), 'FT1-7 and FT1-25 name different procedure codes');
  // Vendors append modifiers to FT1-7 as components 4+ when there is no alternate coding.
  if (from7 && !ft1.get(7, 6)) for (let c = 4; c <= ft1.components(7); c++) if (/^[A-Za-z0-9]{2}$/.test(ft1.get(7, c))) modifiers.push(ft1.get(7, c).toUpperCase());
  for (let rep = 0; rep < ft1.repetitions(26); rep++) {
    const count = Math.max(1, ft1.components(26, rep));
    // CE repetitions carry the modifier in component 1; some vendors write 25^59 in one repetition.
    const parts = count > 1 && [...Array(count).keys()].every((c) => /^[A-Za-z0-9]{2}$|^$/.test(ft1.get(26, c + 1, rep)))
      ? [...Array(count).keys()].map((c) => ft1.get(26, c + 1, rep))
      : [ft1.get(26, 1, rep)];
    modifiers.push(...parts.filter(Boolean).map((m) => m.toUpperCase()));
  }
  const unique = [...new Set(modifiers)];
  unique.forEach((m) => {
    if (!/^[A-Z0-9]{2}$/.test(m)) ctx.problem(ft1.where(26), 'a modifier is not a 2-character code');
  });
  if (unique.length > 4) ctx.problem(ft1.where(26), 'more than four modifiers on one charge');

  const code = from25 ?? from7;
  if (!code) {
    const field = ft1.repetitions(25) > 0 ? 25 : 7;
    const system = triplets(ft1, field, 0)[0]?.system ?? '';
    ctx.problem(
      ft1.where(field),
      ft1.repetitions(25) + ft1.repetitions(7) === 0
        ? `${NEEDS_CODING}: the charge has no procedure code (FT1-25 or FT1-7)`
        : `${NEEDS_CODING}: the charge is not coded in CPT or HCPCS (${systemLabel(system)}); a coder must assign the procedure code`,
    );
  }
  return { code, modifiers: unique.filter((m) => /^[A-Z0-9]{2}$/.test(m)).slice(0, 4), field: from25 ? 25 : 7 };
}

/** PR1 procedures are not billed on a professional claim (the FT1 charges are); say which have no charge. */
function notePr1(ctx: Hl7MapContext, lines: Array<Record<string, unknown>>): void {
  const billed = new Set(lines.map((l) => l.procedureCode));
  for (const pr1 of ctx.all('PR1')) {
    const code = triplets(pr1, 3, 0).map((t) => t.code.toUpperCase()).find((c) => billed.has(c));
    ctx.warn(pr1.where(3), code ? 'procedure also billed by an FT1 charge: PR1 itself not mapped' : 'procedure without an FT1 charge: not billed (PR1 is not mapped on professional claims)');
  }
}
