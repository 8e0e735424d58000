/**
 * 005010X214 277CA status segments: STC as each loop uses it (2200B, 2200C,
 * 2200D, 2220D) and the QTY/AMT totals of 2200B and 2200C. STC01-1/-2
 * (status category and status codes) come from external code sources 507
 * and 508 and are not listed; the entity codes in STC01-3 (and STC10-3,
 * STC11-3) are the guide's own lists.
 */
import { seg } from './define.js';
import type { GuideSegment } from './types.js';

const RECEIVER_ENTITY = ['36', '40', '41', 'AY', 'PR'];
const PROVIDER_ENTITY = ['36', '40', '41', '77', '82', '85', '87', 'AY', 'PR'];
const CLAIM_ENTITY = [
  '03', '1P', '1Z', '40', '41', '71', '72', '73', '77', '82', '85', '87', 'DK', 'DN', 'DQ', 'FA', 'GB', 'HK', 'IL', 'LI', 'MSC', 'PR', 'PRP', 'QB', 'QC',
  'QD', 'SEP', 'TL', 'TTP', 'TU',
];

/**
 * `middle`: usage of STC02..STC09 (effective date, action, amount, unused
 * payment fields); STC12 (free text) by `message`.
 */
function stc(name: string, max: number, middle: string, message: 'S' | 'N', entities: readonly string[], actions: readonly string[]): GuideSegment {
  return seg('STC', name, 'R', max, {
    use: `R(RRSN)${middle}S(RRSN)S(RRSN)${message}`,
    codes: { '1-3': entities, '10-3': entities, '11-3': entities, 3: actions },
  });
}

export const RECEIVER_STATUS = stc('Information Receiver Status Information', Number.POSITIVE_INFINITY, 'RRRNNNNN', 'N', RECEIVER_ENTITY, ['U', 'WQ']);
export const PROVIDER_STATUS = stc('Billing Provider Status Information', Number.POSITIVE_INFINITY, 'NRRNNNNN', 'N', PROVIDER_ENTITY, ['U', 'WQ']);
export const CLAIM_STATUS = stc('Claim Level Status Information', Number.POSITIVE_INFINITY, 'RRRNNNNN', 'S', CLAIM_ENTITY, ['U', 'WQ']);
export const LINE_STATUS = stc('Service Line Level Status Information', 1, 'RRNNNNNN', 'N', CLAIM_ENTITY, ['U']);

export function quantity(name: string, qualifier: string): GuideSegment {
  return seg('QTY', name, 'S', 1, { q: [qualifier], use: 'RR' });
}

export function amount(name: string, qualifier: string): GuideSegment {
  return seg('AMT', name, 'S', 1, { q: [qualifier], use: 'RR' });
}
