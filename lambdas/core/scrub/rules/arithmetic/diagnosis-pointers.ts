/**
 * Diagnosis pointers (SV107): each points at a diagnosis on the claim
 * (1 = the first) and a line has at most four. A repeated pointer is only
 * a warning: it adds nothing, but the guide does not forbid it.
 */
import type { Rule, RuleHit } from '../../rule.js';

export const lineDiagnosisPointers: Rule = {
  id: 'LINE-DX-POINTER',
  family: 'arithmetic',
  defaultSeverity: 'error',
  description: 'Diagnosis pointers point at diagnoses on the claim, at most four per line (a repeated pointer is a warning)',
  fix: 'Point to a diagnosis listed on the claim (1 = first diagnosis).',
  check({ claim }) {
    const hits: RuleHit[] = [];
    const count = claim.diagnoses.length;
    claim.serviceLines.forEach((line, index) => {
      const path = `serviceLines[${index}].diagnosisPointers`;
      for (const pointer of line.diagnosisPointers) {
        if (pointer > count) hits.push({ message: `diagnosis pointer ${pointer} points past the ${count} diagnoses on the claim`, path });
        else if (pointer < 1 || !Number.isInteger(pointer)) hits.push({ message: 'a diagnosis pointer is not a whole number of 1 or more', path });
      }
      if (line.diagnosisPointers.length > 4) hits.push({ message: `line has ${line.diagnosisPointers.length} diagnosis pointers; at most 4 are allowed`, path, fix: 'Keep the four diagnoses that best support the service.' });
      if (new Set(line.diagnosisPointers).size !== line.diagnosisPointers.length) hits.push({ message: 'line points to the same diagnosis twice', path, severity: 'warning', fix: 'List each diagnosis pointer once.' });
    });
    return hits;
  },
};
