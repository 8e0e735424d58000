/**
 * Segment ids that may occur inside an 837P transaction set (005010X222A1,
 * plus the 004010X098A1 ones still seen in the wild). Anything else inside
 * ST/SE is reported as X837-UNKNOWN-SEGMENT; these are read or skipped quietly.
 */
export const KNOWN_837P_SEGMENTS: ReadonlySet<string> = new Set([
  // Header and name loops.
  'BHT', 'REF', 'NM1', 'N2', 'N3', 'N4', 'PER', 'HL', 'PRV', 'CUR', 'SBR', 'PAT', 'DMG',
  // 2300 claim.
  'CLM', 'DTP', 'PWK', 'CN1', 'AMT', 'K3', 'NTE', 'CR1', 'CR2', 'CRC', 'HI', 'HCP',
  // 2320 other subscriber.
  'CAS', 'MOA', 'OI', 'MIA',
  // 2400 service line and its sub-loops.
  'LX', 'SV1', 'SV5', 'CR3', 'CR5', 'QTY', 'MEA', 'PS1', 'LIN', 'CTP', 'SVD', 'LQ', 'FRM',
]);
