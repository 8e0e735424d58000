/** PROC-FORMAT: a line procedure code is shaped like a CPT or a HCPCS Level II code. */
import type { Rule, RuleHit } from '../../rule.js';
import { procedureKind } from './code-kind.js';

export const procedureFormatRule: Rule = {
  id: 'PROC-FORMAT',
  family: 'procedure',
  defaultSeverity: 'error',
  description: 'Line procedure codes are CPT (four digits and 0-9, A, F, M, T or U) or HCPCS Level II (A-V and four digits).',
  fix: 'Correct the procedure code to a CPT or HCPCS Level II code.',
  check({ claim }) {
    const hits: RuleHit[] = [];
    claim.serviceLines.forEach((line, i) => {
      if (line.procedureCode !== undefined && procedureKind(line.procedureCode) === undefined) {
        hits.push({ path: `serviceLines[${i}].procedureCode`, message: `procedure code ${line.procedureCode} is neither CPT nor HCPCS Level II in form` });
      }
    });
    return hits;
  },
};
