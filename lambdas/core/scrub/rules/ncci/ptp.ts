/**
 * NCCI procedure-to-procedure edits: two codes billed for the same patient
 * on the same date of service (within one claim: lines with the same first
 * date of service) where CMS pays only the column-1 code. The column-2 line
 * is flagged. Modifier indicator 0: never payable together; 1: payable when
 * either line carries an NCCI-associated modifier (CMS expects it on the
 * column-2 code, but payers accept it on either); 9: the edit does not apply.
 */
import { lineServiceDate } from '../../../claim/service-dates.js';
import { normalizeCode } from '../../../codesets/lines.js';
import type { Rule, RuleHit } from '../../rule.js';
import { hasBypassModifier } from './bypass-modifiers.js';
import { editSetting, ptpSystem } from './setting.js';

export const ncciPtp: Rule = {
  id: 'NCCI-PTP',
  family: 'ncci',
  defaultSeverity: 'error',
  description: 'NCCI procedure-to-procedure edit between two lines on the same date of service',
  fix: 'Remove the column-2 service, or, when it was a distinct service and the edit allows it, add the modifier that documents why (59, XE, XS, XP, XU or an anatomic modifier).',
  check({ claim, codeSets }) {
    const setting = editSetting(claim);
    if (!setting) return [];
    const coded = claim.serviceLines
      .map((line, index) => ({ line, index, code: line.procedureCode ? normalizeCode(line.procedureCode) : undefined, date: lineServiceDate(claim, line) }))
      .filter((l): l is typeof l & { code: string } => l.code !== undefined);
    const hits: RuleHit[] = [];
    let unverified = false;
    for (let i = 0; i < coded.length; i++) {
      for (let j = i + 1; j < coded.length; j++) {
        const a = coded[i]!;
        const b = coded[j]!;
        if (a.date !== b.date || a.code === b.code) continue;
        if (!codeSets.loaded(ptpSystem(setting), a.date)) {
          unverified = true;
          continue;
        }
        const edit = codeSets.ptpEdit(setting, a.code, b.code, a.date);
        if (!edit || edit.modifierIndicator === '9') continue;
        const [column1, column2] = normalizeCode(edit.column2) === a.code ? [b, a] : [a, b];
        if (edit.modifierIndicator === '1' && (hasBypassModifier(column2.line.modifiers) || hasBypassModifier(column1.line.modifiers))) continue;
        hits.push({
          message:
            edit.modifierIndicator === '0'
              ? `${column2.code} is a column-2 code of ${column1.code} (line ${column1.index + 1}) on the same date; the edit allows no modifier`
              : `${column2.code} is a column-2 code of ${column1.code} (line ${column1.index + 1}) on the same date and neither line carries an NCCI-associated modifier`,
          path: `serviceLines[${column2.index}].procedureCode`,
          ...(edit.modifierIndicator === '0' ? { fix: 'Remove the column-2 service: this pair is never paid together on one date.' } : {}),
          codeSetVersion: edit.version,
        });
      }
    }
    if (unverified) {
      hits.push({
        message: `NCCI PTP edits (${setting}) are not loaded for the dates of service: procedure pairs not verified`,
        severity: 'warning',
        fix: 'Import the NCCI PTP edits for the quarter of the dates of service (claimflow codesets import).',
      });
    }
    return hits;
  },
};
