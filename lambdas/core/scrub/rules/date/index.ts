/** The date rules: line ranges, dates in the future, admission before discharge. */
import type { Rule } from '../../rule.js';
import { dateAdmissionOrder } from './admission.js';
import { dateFuture } from './future.js';
import { lineDateRange } from './line-range.js';

export const DATE_RULES: Rule[] = [lineDateRange, dateFuture, dateAdmissionOrder];
