/**
 * Medically unlikely edits: the most units of a code CMS pays. Adjudication
 * indicator 1 limits each line; 2 (policy) and 3 (clinical) limit the day, so
 * the units of that code on lines with the same date of service are summed
 * and the first such line is flagged. Units are compared as decimals (drug
 * units may be fractional). Lines billed in anesthesia minutes (unit basis
 * MJ) are skipped: MUEs count units of service, not minutes.
 */
import { lineServiceDate } from '../../../claim/service-dates.js';
import { normalizeCode } from '../../../codesets/lines.js';
import type { MueLimit } from '../../../codesets/lookup.js';
import type { Rule, RuleHit } from '../../rule.js';
import { editSetting, mueSystem } from '../ncci/setting.js';

const KIND: Record<MueLimit['adjudicationIndicator'], string> = {
  '1': 'per line',
  '2': 'per day (policy)',
  '3': 'per day (clinical)',
};

export const mueUnits: Rule = {
  id: 'MUE-UNITS',
  family: 'mue',
  defaultSeverity: 'error',
  description: 'Units of service exceed the CMS medically unlikely edit (per line, or per day across lines)',
  fix: 'Check the units; bill the excess only where documentation supports it (per-line MUEs: split the units onto lines with a modifier such as 76, 77, 91 or an anatomic one).',
  check({ claim, codeSets }) {
    const setting = editSetting(claim);
    if (!setting) return [];
    const hits: RuleHit[] = [];
    let unverified = false;
    // code|date -> first line index and summed units, for the per-day limits
    const perDay = new Map<string, { first: number; units: number; limit: MueLimit; code: string }>();
    claim.serviceLines.forEach((line, index) => {
      if (!line.procedureCode || line.unitBasis === 'MJ') return;
      const code = normalizeCode(line.procedureCode);
      const date = lineServiceDate(claim, line);
      if (!codeSets.loaded(mueSystem(setting), date)) {
        unverified = true;
        return;
      }
      const limit = codeSets.mue(setting, code, date);
      if (!limit) return;
      const units = Number(line.units);
      if (limit.adjudicationIndicator === '1') {
        if (units > limit.units) {
          hits.push({
            message: `serviceLines[${index}].units exceed the MUE of ${limit.units} for ${code} (${KIND[limit.adjudicationIndicator]})`,
            path: `serviceLines[${index}].units`,
            codeSetVersion: limit.version,
          });
        }
        return;
      }
      const key = `${code}|${date}`;
      const day = perDay.get(key);
      if (day) day.units += units;
      else perDay.set(key, { first: index, units, limit, code });
    });
    for (const day of perDay.values()) {
      if (day.units <= day.limit.units) continue;
      hits.push({
        message: `${day.units} units of ${day.code} on one date of service exceed the MUE of ${day.limit.units} (${KIND[day.limit.adjudicationIndicator]})`,
        path: `serviceLines[${day.first}].units`,
        codeSetVersion: day.limit.version,
      });
    }
    if (unverified) {
      hits.push({
        message: `MUE values (${setting}) are not loaded for the dates of service: units not verified`,
        severity: 'warning',
        fix: 'Import the MUE table for the quarter of the dates of service (claimflow codesets import).',
      });
    }
    return hits;
  },
};
