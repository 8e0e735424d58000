/**
 * The CSV superbill and FHIR readers face files from outside systems: they
 * must answer with claims or problems, never throw. Seeded mutations of the
 * demo examples (values swapped for other JSON types, keys dropped, text
 * cut, characters inserted) exercise the edges; the seed makes failures reproducible.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsvSuperbill } from '../../../lambdas/core/encounters/csv-superbill.js';
import { parseFhirEncounters } from '../../../lambdas/core/encounters/fhir-claim.js';
import { parseHl7v2Dft } from '../../../lambdas/core/encounters/hl7v2-dft.js';
import { parseEncounterFile } from '../../../lambdas/core/encounters/parse-encounter-file.js';

const FHIR = readFileSync('examples/encounters/bayside-rcm/fhir-bundle-bay-2026-5001.fhir', 'utf8');
const CSV = readFileSync('examples/encounters/acme-billing/superbill-acme-2026-05.csv', 'utf8');
const HL7 = readFileSync('examples/encounters/acme-billing/dft-lakeside-2026-06.hl7', 'utf8');

function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ODD_VALUES: unknown[] = [null, 0, -1, 1.005, 1e308, { value: 1e308 }, { value: -3 }, '', ' ', 'x', [], {}, [null], { reference: 5 }, { coding: 'x' }, true, '#', 'Patient/', '\u0000'];

function mutateJson(value: unknown, random: () => number, depth = 0): unknown {
  if (random() < 0.08 + depth * 0.01) return ODD_VALUES[Math.floor(random() * ODD_VALUES.length)];
  if (Array.isArray(value)) {
    const items = value.map((v) => mutateJson(v, random, depth + 1));
    if (random() < 0.1) items.push(items[0]);
    return random() < 0.05 ? [] : items;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(() => random() > 0.05);
    return Object.fromEntries(entries.map(([k, v]) => [k, mutateJson(v, random, depth + 1)]));
  }
  return value;
}

function mutateText(text: string, random: () => number): string {
  let out = text;
  const edits = 1 + Math.floor(random() * 6);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(random() * out.length);
    const pick = random();
    if (pick < 0.3) out = out.slice(0, at);
    else if (pick < 0.6) out = out.slice(0, at) + ['"', ',', '\r', '\n', '""', '\uFEFF'][Math.floor(random() * 6)] + out.slice(at);
    else out = out.slice(0, at) + out.slice(at + 1 + Math.floor(random() * 20));
  }
  return out;
}

describe('intake format readers never throw', () => {
  it('FHIR: 600 mutated bundles and standalone claims yield claims or problems', () => {
    const random = prng(20260604);
    const base = JSON.parse(FHIR);
    for (let i = 0; i < 600; i++) {
      const doc = mutateJson(i % 3 === 0 ? base.entry[0].resource : base, random);
      const text = JSON.stringify(doc) ?? 'null';
      const parsed = (() => {
        try {
          return parseFhirEncounters(text, 'bayside-rcm');
        } catch (error) {
          throw new Error(`iteration ${i} threw: ${String(error)}\n${text}`);
        }
      })();
      expect(parsed.claims.length + parsed.problems.length).toBeGreaterThan(0);
      expect(() => parseEncounterFile(mutateText(text, random), 'bayside-rcm')).not.toThrow();
    }
  });

  it('CSV: 600 mutated superbills yield claims or problems', () => {
    const random = prng(4180);
    for (let i = 0; i < 600; i++) {
      const text = mutateText(CSV, random);
      let parsed: ReturnType<typeof parseCsvSuperbill> | undefined;
      expect(() => {
        parsed = parseCsvSuperbill(text, 'acme-billing', { mapping: i % 2 ? { 'Acct #': 'claim_id' } : undefined });
      }, `iteration ${i}`).not.toThrow();
      expect(parsed!.claims.length + parsed!.problems.length, `iteration ${i}`).toBeGreaterThan(0);
      expect(() => parseEncounterFile(text, 'acme-billing')).not.toThrow();
    }
  });

  it('HL7 v2 DFT: 600 mutated batches (delimiters, escapes, terminators, cuts) yield claims or problems', () => {
    const random = prng(250311);
    const inserts = ['|', '^', '~', '\\', '&', '\r', '\n', '\\X0\\', '\\F\\', 'MSH|', 'MSH|^~\\&|', 'FT1|', '\uFEFF'];
    const billing = { entity: 'organization', lastOrOrganizationName: 'DEMO', npi: '1002003006', tin: '271234501', address: { line1: '1 A St', city: 'Springfield', state: 'IL', postalCode: '62704' } };
    for (let i = 0; i < 600; i++) {
      let text = HL7;
      for (let edits = 1 + Math.floor(random() * 8); edits > 0; edits--) {
        const at = Math.floor(random() * text.length);
        const pick = random();
        if (pick < 0.15) text = text.slice(0, at);
        else if (pick < 0.6) text = text.slice(0, at) + inserts[Math.floor(random() * inserts.length)] + text.slice(at);
        else text = text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 12));
      }
      let parsed: ReturnType<typeof parseHl7v2Dft> | undefined;
      expect(() => {
        parsed = parseHl7v2Dft(text, 'acme-billing', i % 4 ? { defaultBillingProvider: billing } : {});
      }, `iteration ${i}: ${JSON.stringify(text)}`).not.toThrow();
      expect(parsed!.claims.length + parsed!.problems.length, `iteration ${i}`).toBeGreaterThan(0);
      expect(() => parseEncounterFile(text, 'acme-billing')).not.toThrow();
    }
  });
});
