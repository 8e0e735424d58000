/** The claim arithmetic rules: charges, units, pointers, duplicates, place of service, frequency. */
import type { Rule } from '../../rule.js';
import { claimTotalCharge, lineChargePositive } from './charges.js';
import { lineDiagnosisPointers } from './diagnosis-pointers.js';
import { lineDuplicate } from './duplicate-lines.js';
import { claimFrequencyF8 } from './frequency.js';
import { placeOfServiceValid } from './place-of-service.js';
import { lineUnitsPositive } from './units.js';

export const ARITHMETIC_RULES: Rule[] = [
  lineChargePositive,
  claimTotalCharge,
  lineUnitsPositive,
  lineDiagnosisPointers,
  lineDuplicate,
  placeOfServiceValid,
  claimFrequencyF8,
];
