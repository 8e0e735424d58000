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

/** The fee for one unit of `procedureCode`, or undefined when the sandbox payer does not cover it. */
export function feeFor(procedureCode: string): number | undefined {
  return Object.hasOwn(FEE_SCHEDULE_CENTS, procedureCode) ? FEE_SCHEDULE_CENTS[procedureCode] : undefined;
}
