/**
 * The modifiers CMS accepts to bypass a PTP edit whose modifier indicator is
 * 1 ("NCCI-associated modifiers", NCCI Policy Manual ch. I, section E and the
 * CMS "Proper Use of Modifiers 59, XE, XP, XS, XU" article):
 * - anatomic: E1-E4 (eyelids), FA and F1-F9 (fingers), TA and T1-T9 (toes),
 *   LT, RT, LC, LD, RC, LM, RI (sides and coronary arteries);
 * - global surgery: 24, 25, 57, 58, 78, 79;
 * - other: 27, 59, 91, XE, XS, XP, XU.
 * Indicator 0 edits are never bypassed, whatever the modifier.
 */
const ANATOMIC = ['E1', 'E2', 'E3', 'E4', 'FA', 'F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'F9', 'TA', 'T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9', 'LT', 'RT', 'LC', 'LD', 'RC', 'LM', 'RI'];
const GLOBAL_SURGERY = ['24', '25', '57', '58', '78', '79'];
const OTHER = ['27', '59', '91', 'XE', 'XS', 'XP', 'XU'];

export const PTP_BYPASS_MODIFIERS: ReadonlySet<string> = new Set([...ANATOMIC, ...GLOBAL_SURGERY, ...OTHER]);

export function hasBypassModifier(modifiers: readonly string[]): boolean {
  return modifiers.some((m) => PTP_BYPASS_MODIFIERS.has(m.toUpperCase()));
}
