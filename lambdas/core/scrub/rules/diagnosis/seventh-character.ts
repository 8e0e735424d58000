/**
 * DX-SEVENTH-CHARACTER: a code whose category needs a 7th character must carry
 * it, with `X` placeholders filling the positions before it. The code set
 * itself is the authority: a billable code is exactly what the order file
 * lists, so a header (or an unknown code) that becomes billable once the
 * placeholders and a 7th character are added is a 7th-character problem.
 */
import type { CodeSets, CodeSetVersion } from '../../../codesets/lookup.js';
import type { Rule, RuleHit } from '../../rule.js';
import { allDiagnoses, diagnosisDate, ICD10_START } from './claim-date.js';

/** The 7th characters ICD-10-CM uses (injury encounters, fracture healing, fetus numbers, ...). */
const SEVENTH = ['A', 'D', 'S', 'B', 'C', 'E', 'F', 'G', 'H', 'J', 'K', 'M', 'N', 'P', 'Q', 'R', '0', '1', '2', '3', '4', '5', '9'];

export interface SeventhCharacterProblem {
  kind: 'missing-seventh' | 'missing-placeholder';
  /** A billable code the diagnosis could have been, for the suggested fix. */
  example: string;
  version: CodeSetVersion;
}

const padToSix = (code: string) => code.padEnd(6, 'X');

/** What is wrong with the code's 7th character, when the code set shows it; undefined otherwise. */
export function seventhCharacterProblem(codeSets: CodeSets, code: string, date: string): SeventhCharacterProblem | undefined {
  if (code.length >= 7) return undefined;
  const own = codeSets.lookup('ICD-10-CM', code, date);
  if (own.status === 'not-loaded' || (own.status === 'found' && own.billable)) return undefined;
  const billable = (candidate: string) => {
    const found = codeSets.lookup('ICD-10-CM', candidate, date);
    return found.status === 'found' && found.billable ? found.version : undefined;
  };
  // "W010A": the 7th character was written without the X placeholders before it.
  const last = code.slice(-1);
  if (code.length >= 4 && code.length < 7 && SEVENTH.includes(last)) {
    const candidate = padToSix(code.slice(0, -1)) + last;
    const version = billable(candidate);
    if (version) return { kind: 'missing-placeholder', example: candidate, version };
  }
  // "S52501" or "W010": the category needs a 7th character (after X placeholders where shorter).
  if (code.length < 7) {
    for (const seventh of SEVENTH) {
      const candidate = padToSix(code) + seventh;
      const version = billable(candidate);
      if (version) return { kind: 'missing-seventh', example: candidate, version };
    }
  }
  return undefined;
}

export const seventhCharacterRule: Rule = {
  id: 'DX-SEVENTH-CHARACTER',
  family: 'diagnosis',
  defaultSeverity: 'error',
  description: 'A diagnosis whose category needs a 7th character carries it, with X placeholders where the code is shorter.',
  fix: 'Add the 7th character (e.g. A initial encounter, D subsequent, S sequela) and X placeholders to reach six characters before it.',
  check({ claim, codeSets }) {
    const date = diagnosisDate(claim);
    if (date < ICD10_START) return [];
    const hits: RuleHit[] = [];
    for (const dx of allDiagnoses(claim)) {
      if (dx.system !== 'ICD-10-CM') continue;
      const problem = seventhCharacterProblem(codeSets, dx.code, date);
      if (!problem) continue;
      hits.push({
        path: dx.path,
        message:
          problem.kind === 'missing-placeholder'
            ? `${dx.code} is missing the X placeholders before its 7th character`
            : `${dx.code} needs more characters: its category requires a 7th character`,
        fix: `Code to the full 7 characters, e.g. ${problem.example}, as the documentation supports.`,
        codeSetVersion: problem.version,
      });
    }
    return hits;
  },
};
