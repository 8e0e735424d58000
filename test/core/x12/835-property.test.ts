/**
 * Property test of the 835 writer: seeded random remittance models (and the
 * payer sandbox's answer to random 837P files) are written, read back with
 * the X12 reader and read835 without a warning, and come back equal to the
 * model on ids and amounts; every balancing check gives the same verdict on
 * the file as on the model. Models the guide does not allow are refused.
 */
import { describe, expect, it } from 'vitest';
import { adjudicate } from '../../../bin/local/payer-sandbox/adjudicate.js';
import { Claim } from '../../../lambdas/core/claim/model.js';
import { balance } from '../../../lambdas/core/x12/835/balance.js';
import { check835 } from '../../../lambdas/core/x12/835/check-835.js';
import type { Adjustment, ClaimPaymentInfo, Remittance, ServicePayment } from '../../../lambdas/core/x12/835/model.js';
import { read835 } from '../../../lambdas/core/x12/835/read-835.js';
import { write835 } from '../../../lambdas/core/x12/835/write-835.js';
import { read837 } from '../../../lambdas/core/x12/837/read-837p.js';
import { write837P } from '../../../lambdas/core/x12/837/write-837p.js';
import { X12Error } from '../../../lambdas/core/x12/errors.js';
import { readX12 } from '../../../lambdas/core/x12/reader.js';
import { resolveDelimiters } from '../../../lambdas/core/x12/writer.js';
import { claimFile, PROPERTY_TENANT, remittanceFile, type RemittanceFile } from '../../support/x12-property.js';

const FILES = 200;

function cents(money: string | undefined): number | undefined {
  if (money === undefined) return undefined;
  const match = /^\s*(-)?(\d+)(?:\.(\d{1,2}))?\s*$/.exec(money);
  if (!match) throw new Error('not money');
  const value = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  return match[1] && value !== 0 ? -value : value;
}

const sorted = <T>(items: T[]): T[] => items.map((item) => JSON.stringify(item)).sort().map((text) => JSON.parse(text) as T);

/** Adjustments as a multiset: the writer gathers them into one CAS per group code. */
const adjustments = (list: readonly Adjustment[]) => sorted(list.map((a) => [a.group, a.reason, cents(a.amount), a.quantity ?? null]));

function line(l: ServicePayment) {
  return {
    procedure: [l.procedure.qualifier, l.procedure.code, ...l.procedure.modifiers],
    amounts: [cents(l.charge), cents(l.paid), cents(l.allowed) ?? null],
    units: l.units ?? null,
    original: l.originalProcedure ? [l.originalProcedure.code, l.originalUnits ?? null] : null,
    dates: [l.serviceDate ?? null, l.serviceDateEnd !== l.serviceDate ? (l.serviceDateEnd ?? null) : null],
    adjustments: adjustments(l.adjustments),
    lineControlNumber: l.lineControlNumber ?? null,
    references: sorted(l.references.map((r) => [r.qualifier, r.value])),
    otherAmounts: sorted(l.amounts.map((a) => [a.qualifier, cents(a.amount)])),
    remarks: l.remarks.map((r) => [r.qualifier, r.value]),
  };
}

function claim(c: ClaimPaymentInfo) {
  return {
    ids: [c.patientControlNumber, c.statusCode, c.payerClaimControlNumber, c.filingIndicator, c.facilityTypeCode ?? null, c.frequencyCode ?? null],
    amounts: [cents(c.charge), cents(c.paid), cents(c.patientResponsibility) ?? null],
    adjustments: adjustments(c.adjustments),
    patient: c.patient?.identifier ?? null,
    insured: c.insured?.identifier ?? null,
    rendering: c.renderingProvider?.identifier ?? null,
    dates: sorted(c.dates.map((d) => [d.qualifier, d.date])),
    references: sorted(c.references.map((r) => [r.qualifier, r.value])),
    amountsQualified: sorted(c.amounts.map((a) => [a.qualifier, cents(a.amount)])),
    lines: c.serviceLines.map(line),
  };
}

/** The parts of a remittance the 835 carries: ids, amounts, codes and dates. */
function essentials(r: Remittance) {
  return {
    payment: [r.payment.handlingCode, cents(r.payment.totalPaid), r.payment.creditDebit, r.payment.method, r.payment.date],
    trace: [r.trace.traceNumber, r.trace.payerId],
    payee: r.payee.identifier ?? (r.payee.npi ? { qualifier: 'XX', value: r.payee.npi } : null),
    claims: r.claims.map(claim),
    // A PLB holds six adjustments at most: the writer may split one model entry over several segments.
    plb: r.providerAdjustments.flatMap((p) => p.items.map((i) => [p.providerId, p.fiscalPeriodDate, i.reason, i.reference ?? null, cents(i.amount)])),
  };
}

const verdicts = (r: Remittance) => balance(r).map((b) => [b.check, b.ok, b.differenceCents ?? null]);

/** Writes the remittances, reads them back, and checks envelope counts and reader silence. */
function roundTrip(remittances: Remittance[], options: RemittanceFile['options'], label: string): Remittance[] {
  const text = write835(remittances, options);
  const parsed = readX12(text);
  expect(parsed.warnings, label).toEqual([]);
  expect(parsed.interchanges).toHaveLength(1);
  const [interchange] = parsed.interchanges;
  expect(Number(interchange?.iea?.elements[1])).toBe(interchange?.groups.length);
  const [group] = interchange?.groups ?? [];
  expect(Number(group?.ge?.elements[1])).toBe(remittances.length);
  return (group?.transactions ?? []).map((tx) => {
    expect(Number(tx.se?.elements[1]), `${label} SE01`).toBe(tx.segments.length + 2);
    const { remittance, warnings } = read835(tx, interchange!.delimiters);
    expect(warnings, label).toEqual([]);
    return remittance;
  });
}

describe('835 writer on random remittance models', () => {
  const files = Array.from({ length: FILES }, (_, i) => remittanceFile(5000 + i, { unbalanced: 0.1, hostility: 0.1 }));

  it('explores denied, reversed, unbalanced, PLB and every CAS group', () => {
    const claims = files.flatMap((f) => f.remittances.flatMap((r) => r.claims));
    expect(new Set(claims.map((c) => c.statusCode))).toEqual(new Set(['1', '2', '3', '4', '19', '20', '22']));
    const groups = claims.flatMap((c) => [...c.adjustments, ...c.serviceLines.flatMap((l) => l.adjustments)]).map((a) => a.group);
    expect(new Set(groups)).toEqual(new Set(['CO', 'OA', 'PI', 'PR']));
    const results = files.flatMap((f) => f.remittances.flatMap(balance));
    expect(results.filter((b) => b.ok === false).length).toBeGreaterThan(0);
    expect(results.filter((b) => b.ok === true).length).toBeGreaterThan(results.length / 2);
    expect(files.filter((f) => f.remittances.some((r) => r.providerAdjustments.length > 0)).length).toBeGreaterThan(FILES / 5);
  });

  it('writes every model; the file reads back equal on ids and amounts, with the same balancing verdicts', () => {
    for (const file of files) {
      const label = `seed ${file.seed}`;
      for (const remittance of file.remittances) expect(check835(remittance, resolveDelimiters(file.options.delimiters)), label).toEqual([]);
      const back = roundTrip(file.remittances, file.options, label);
      expect(back.map(essentials), label).toEqual(file.remittances.map(essentials));
      expect(back.map(verdicts), label).toEqual(file.remittances.map(verdicts));
    }
  });

  it('writes the payer sandbox answer to random 837P files, balanced', () => {
    for (let seed = 7000; seed < 7050; seed++) {
      const file = claimFile(seed, { hostility: 0.1 });
      if (file.claims.length === 0) continue;
      // As the sandbox does: read the 837 it was sent, one remittance per payer and billing provider.
      const x837 = write837P({
        claims: file.claims,
        tenant: PROPERTY_TENANT,
        receiver: PROPERTY_TENANT.receivers[0]!,
        controlNumber: seed,
        createdAt: new Date('2026-11-01T12:00:00Z'),
        delimiters: file.delimiters,
      });
      const groups = new Map<string, Claim[]>();
      for (const { claim: input } of read837(readX12(x837), PROPERTY_TENANT.tenantId).claims) {
        const claim = Claim.parse(input);
        const key = `${claim.payer.payerId}|${claim.billingProvider.npi}`;
        groups.set(key, [...(groups.get(key) ?? []), claim]);
      }
      const remittances = [...groups.values()].map((claims) =>
        adjudicate(claims, {
          payerName: claims[0]!.payer.name,
          payerId: claims[0]!.payer.payerId,
          payeeName: claims[0]!.billingProvider.lastOrOrganizationName,
          payeeNpi: claims[0]!.billingProvider.npi,
          checkDate: new Date('2026-11-02T00:00:00Z'),
          traceNumber: `TRACE${seed}`,
        }),
      );
      const back = roundTrip(remittances, remittanceFile(seed).options, `sandbox seed ${seed}`);
      expect(back.map(essentials)).toEqual(remittances.map(essentials));
      expect(back.flatMap(balance).every((b) => b.ok === true), `sandbox seed ${seed}`).toBe(true);
      expect(back.flatMap((r) => r.claims.map((c) => c.patientControlNumber)).sort()).toEqual(file.claims.map((c) => c.claimId).sort());
    }
  });
});

describe('835 writer refuses models the guide does not allow', () => {
  const base = (): Remittance => {
    for (let seed = 1; ; seed++) {
      const [remittance] = remittanceFile(seed, { hostility: 0 }).remittances;
      if (remittance?.claims[0]?.serviceLines[0]) return remittance;
    }
  };
  const cases: Array<[string, (r: Remittance) => void, string]> = [
    ['a 4010 CR adjustment group', (r) => void (r.claims[0]!.adjustments = [{ group: 'CR', reason: '45', amount: '1.00' }]), 'CAS01'],
    ['a TRN03 that is not ten characters', (r) => void (r.trace.payerId = '12345'), 'TRN03'],
    ['a zero payment that is not a notification', (r) => Object.assign(r.payment, { handlingCode: 'I', method: 'CHK', totalPaid: '0.00' }), 'BPR01'],
    ['an ACH payment without bank details', (r) => Object.assign(r.payment, { handlingCode: 'I', method: 'ACH', totalPaid: '5.00', bank: undefined, format: 'CCP' }), 'BPR06'],
    ['a negative BPR02', (r) => Object.assign(r.payment, { handlingCode: 'I', method: 'CHK', totalPaid: '-5.00' }), 'BPR02'],
    ['a payee identified by PI', (r) => void (r.payee.identifier = { qualifier: 'PI', value: 'P123' }), 'N103'],
    ['a patient name that is too long once written', (r) => void (r.claims[0]!.patient = { last: 'ﬁ'.repeat(31), identifier: { qualifier: 'MI', value: 'M1' } }), 'NM103'],
    ['a one-character city', (r) => void (r.payer.address = { lines: ['1 Main St'], city: 'H', state: 'IL', postalCode: '62701' }), 'N401'],
    ['units that are not a number', (r) => void (r.claims[0]!.serviceLines[0]!.units = '1.2.3'), 'SVC05'],
    ['a date that does not exist', (r) => void (r.claims[0]!.dates = [{ qualifier: '232', date: '2024-02-30' }]), 'DTM02'],
    ['a claim REF qualifier from another loop', (r) => void (r.claims[0]!.references = [{ qualifier: 'EV', value: 'X' }]), 'REF01'],
    ['a PLB reason outside the list', (r) => void (r.providerAdjustments = [{ providerId: '1234567893', fiscalPeriodDate: '2024-12-31', items: [{ reason: 'ZZ', amount: '1.00' }] }]), 'PLB03-1'],
  ];
  it.each(cases)('refuses %s', (_label, mutate, element) => {
    const remittance = base();
    mutate(remittance);
    const { options } = remittanceFile(1);
    let error: unknown;
    try {
      write835([remittance], options);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(X12Error);
    expect((error as X12Error).code).toBe('X835-WRITE-INVALID');
    expect((error as X12Error).element).toBe(element);
    expect((error as X12Error).message).not.toMatch(/12345|P123|ﬁ|1\.2\.3|2024-02-30/);
  });
});
