/**
 * PROC-EXISTS: a line's HCPCS Level II code is active on the line's date of
 * service (added on or before it, not terminated). CPT codes are checked only
 * against a CPT file the user loaded (CPT is licensed and never ships). Where
 * the table is not loaded, one "not verified" warning per claim and code
 * system names the codes left unchecked.
 */
import type { Rule, RuleHit } from '../../rule.js';
import { lineServiceDate } from '../../../claim/service-dates.js';
import { procedureKind } from './code-kind.js';

export const procedureExistsRule: Rule = {
  id: 'PROC-EXISTS',
  family: 'procedure',
  defaultSeverity: 'error',
  description: 'Line CPT/HCPCS codes exist and are active on the date of service where the code table is loaded.',
  fix: 'Use a procedure code active on the date of service.',
  check({ claim, codeSets }) {
    const hits: RuleHit[] = [];
    const unverified = new Map<'CPT' | 'HCPCS', { codes: Set<string>; path: string }>();
    claim.serviceLines.forEach((line, i) => {
      const code = line.procedureCode;
      const kind = code === undefined ? undefined : procedureKind(code);
      if (code === undefined || kind === undefined) return;
      const path = `serviceLines[${i}].procedureCode`;
      const found = codeSets.lookup(kind, code, lineServiceDate(claim, line));
      if (found.status === 'not-loaded') {
        const entry = unverified.get(kind) ?? { codes: new Set<string>(), path };
        entry.codes.add(code);
        unverified.set(kind, entry);
      } else if (found.status === 'unknown') {
        hits.push({ path, message: `${kind} code ${code} is not active on the line's date of service`, codeSetVersion: found.version });
      }
    });
    for (const [kind, { codes, path }] of unverified) {
      hits.push({ path, severity: 'warning', message: `${kind} code${codes.size > 1 ? 's' : ''} ${[...codes].join(', ')} not verified: no ${kind} code set is loaded for the date of service`, fix: `Load the ${kind} code set to verify these codes.` });
    }
    return hits;
  },
};
