/**
 * The payer sandbox's fee schedule: the most the sandbox payer allows for one
 * unit of a procedure, in integer cents. Invented round figures in the range
 * of public physician fee schedules; they are test data, not a price list.
 * A code that is not here is not covered by the sandbox payer.
 */
export const FEE_SCHEDULE_CENTS: Readonly<Record<string, number>> = {
  // Evaluation and management
  '99202': 7_500,
  '99203': 11_000,
  '99204': 17_000,
  '99212': 5_700,
  '99213': 9_200,
  '99214': 13_000,
  '99215': 18_500,
  '99395': 12_500,
  G0438: 17_000,
  G0439: 12_000,
  // Laboratory
  '36415': 300,
  '80053': 1_100,
  '81002': 350,
  '85025': 800,
  // Diagnostics, procedures, therapy, vaccines
  '93000': 1_700,
  '71046': 3_000,
  '20610': 6_500,
  '97110': 2_900,
  '90471': 1_700,
  '90686': 2_200,
};

/**
 * Institutional lines without a HCPCS code are priced by revenue code, per
 * unit (a day for room and board). Invented round figures, like the above.
 */
export const REVENUE_FEE_CENTS: Readonly<Record<string, number>> = {
  '0120': 95_000, // room and board, semi-private (per day)
  '0250': 4_000, // pharmacy
  '0300': 3_500, // laboratory
  '0320': 12_000, // diagnostic radiology
  '0324': 9_000, // chest X-ray
  '0360': 180_000, // operating room
  '0410': 6_000, // respiratory services
  '0450': 40_000, // emergency room
  '0481': 30_000, // cardiac catheterisation lab
  '0636': 2_500, // drugs requiring detailed coding
  '0730': 5_000, // EKG/ECG
  '0761': 15_000, // treatment room
};

/** The fee for one unit of a revenue code, or undefined when the sandbox payer does not cover it. */
export function revenueFeeFor(revenueCode: string): number | undefined {
  return Object.hasOwn(REVENUE_FEE_CENTS, revenueCode) ? REVENUE_FEE_CENTS[revenueCode] : undefined;
}

/** The fee for one unit of `procedureCode`, or undefined when the sandbox payer does not cover it. */
export function feeFor(procedureCode: string): number | undefined {
  return Object.hasOwn(FEE_SCHEDULE_CENTS, procedureCode) ? FEE_SCHEDULE_CENTS[procedureCode] : undefined;
}
