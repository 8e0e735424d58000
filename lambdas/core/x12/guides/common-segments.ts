/**
 * Segment uses that recur with the same shape in many loops (addresses,
 * secondary identifiers, dates, contacts). Each call still produces a
 * plain table entry; these only save repeating the same usage string.
 */
import { COMMUNICATION, COMMUNICATION_OR_EXT, D8, STATE_OR_PROVINCE } from './code-lists.js';
import { seg } from './define.js';
import type { GuideSegment, Usage } from './types.js';

/** N3: address line 1 required, line 2 situational. */
export function n3(name: string, usage: Usage): GuideSegment {
  return seg('N3', name, usage, 1, { use: 'RS' });
}

/** N4: city required; state, postal code, country and subdivision situational. */
export function n4(name: string, usage: Usage): GuideSegment {
  return seg('N4', name, usage, 1, { use: 'RSSSNNS', codes: { 2: STATE_OR_PROVINCE } });
}

/** REF with its qualifier codes: REF01 and REF02 required. */
export function ref(name: string, usage: Usage, max: number, qualifiers: readonly string[], values?: readonly string[]): GuideSegment {
  return seg('REF', name, usage, max, { q: qualifiers, use: 'RR', ...(values ? { codes: { 2: values } } : {}) });
}

/** DTP with its qualifier and allowed formats (default D8). */
export function dtp(name: string, usage: Usage, max: number, qualifiers: readonly string[], formats: readonly string[] = D8): GuideSegment {
  return seg('DTP', name, usage, max, { q: qualifiers, use: 'RRR', codes: { 2: formats }, datePeriod: [3] });
}

/** AMT with its qualifier: AMT01 and AMT02 required. */
export function amt(name: string, usage: Usage, qualifiers: readonly string[]): GuideSegment {
  return seg('AMT', name, usage, 1, { q: qualifiers, use: 'RR' });
}

/** PER*IC with up to three numbers (name situational). */
export function contact(name: string, usage: Usage, max: number): GuideSegment {
  return seg('PER', name, usage, max, {
    q: ['IC'],
    use: 'RSRRSSSS',
    codes: { 3: COMMUNICATION, 5: COMMUNICATION_OR_EXT, 7: COMMUNICATION_OR_EXT },
  });
}

/** PER*IC with one telephone number and an optional extension (property and casualty contacts, service facility). */
export function phoneContact(name: string, usage: Usage): GuideSegment {
  return seg('PER', name, usage, 1, { q: ['IC'], use: 'RSRRSS', codes: { 3: ['TE'], 5: ['EX'] } });
}
