/**
 * Where a segment of an 837 belongs: the loop ids of 005010X222A1 (837P) and
 * 005010X223A2 (837I), keyed by the entity identifier code (NM101) that opens
 * each name loop. The same NM1, N3, REF or DTP means something different in
 * every loop, so the walker needs these to know what it is reading.
 */
export type Kind837 = 'professional' | 'institutional';

/** 2000A/2000B/2000C name loops (the same in both guides). */
export const HL_NAME_LOOPS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  '20': { '85': '2010AA', '87': '2010AB', PE: '2010AC' },
  '22': { IL: '2010BA', PR: '2010BB' },
  '23': { QC: '2010CA' },
};

/** 2300 provider and location loops, by NM101. */
export const CLAIM_NAME_LOOPS: Readonly<Record<Kind837, Readonly<Record<string, string>>>> = {
  professional: { DN: '2310A', P3: '2310A', '82': '2310B', '77': '2310C', DQ: '2310D', PW: '2310E', '45': '2310F' },
  institutional: { '71': '2310A', '72': '2310B', ZZ: '2310C', '82': '2310D', '77': '2310E', DN: '2310F' },
};

/** 2330 loops of a 2320 other subscriber, by NM101: A subscriber and B payer are read, C-I skipped. */
export const OTHER_SUBSCRIBER_NAME_LOOPS: Readonly<Record<Kind837, Readonly<Record<string, string>>>> = {
  professional: { IL: '2330A', PR: '2330B', DN: '2330C', P3: '2330C', '82': '2330D', '77': '2330E', DQ: '2330F', '85': '2330G' },
  institutional: { IL: '2330A', PR: '2330B', '71': '2330C', '72': '2330D', ZZ: '2330E', '77': '2330F', '82': '2330G', DN: '2330H', '85': '2330I' },
};

/** 2400 line provider loops, by NM101. */
export const LINE_NAME_LOOPS: Readonly<Record<Kind837, Readonly<Record<string, string>>>> = {
  professional: { '82': '2420A', QB: '2420B', '77': '2420C', DQ: '2420D', DK: '2420E', PW: '2420F', '45': '2420G', DN: '2420H', P3: '2420H' },
  institutional: { '72': '2420A', ZZ: '2420B', '82': '2420C', DN: '2420D' },
};

const COMMON = [
  // Header and name loops.
  'BHT', 'REF', 'NM1', 'N2', 'N3', 'N4', 'PER', 'HL', 'PRV', 'CUR', 'SBR', 'PAT', 'DMG',
  // 2300 claim.
  'CLM', 'DTP', 'PWK', 'CN1', 'AMT', 'K3', 'NTE', 'CRC', 'HI', 'HCP',
  // 2320 other subscriber.
  'CAS', 'MOA', 'OI', 'MIA',
  // 2400 service line and its sub-loops.
  'LX', 'LIN', 'CTP', 'SVD', 'LQ', 'FRM', 'QTY',
];

/**
 * Segment ids that may occur inside each kind of 837 (plus the 004010 ones
 * still seen in the wild). Anything else inside ST/SE is an unknown segment.
 */
export const KNOWN_SEGMENTS: Readonly<Record<Kind837, ReadonlySet<string>>> = {
  professional: new Set([...COMMON, 'CR1', 'CR2', 'SV1', 'SV5', 'CR3', 'CR5', 'MEA', 'PS1']),
  institutional: new Set([...COMMON, 'CL1', 'SV2', 'MIA']),
};
