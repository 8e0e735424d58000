/**
 * Short descriptions of the claim adjustment reason codes (CARC, X12 code
 * source 139) billers meet most often, in our own words: a reminder of what
 * the code is about, not the official text (which X12 maintains and revises).
 * A code not listed here is shown by its number alone.
 */
const CARC_DESCRIPTIONS: Readonly<Record<string, string>> = {
  '1': 'Deductible',
  '2': 'Coinsurance',
  '3': 'Co-payment',
  '4': 'Procedure code inconsistent with the modifier, or a modifier is missing',
  '5': 'Procedure code or bill type inconsistent with the place of service',
  '6': "Procedure or revenue code inconsistent with the patient's age",
  '7': "Procedure or revenue code inconsistent with the patient's gender",
  '8': "Procedure code inconsistent with the provider's type or specialty",
  '9': "Diagnosis inconsistent with the patient's age",
  '11': 'Diagnosis inconsistent with the procedure',
  '16': 'Claim or service lacks information or has billing errors',
  '18': 'Exact duplicate claim or service',
  '19': "Work-related: the workers' compensation carrier is liable",
  '22': 'May be covered by another payer (coordination of benefits)',
  '23': 'Impact of prior payer adjudication (payments and adjustments)',
  '24': 'Covered under a capitation agreement or managed care plan',
  '26': 'Expenses incurred before coverage began',
  '27': 'Expenses incurred after coverage ended',
  '29': 'Time limit for filing has expired',
  '31': 'Patient cannot be identified as our insured',
  '45': 'Charge exceeds the fee schedule or contracted amount',
  '50': 'Not deemed a medical necessity by the payer',
  '55': 'Procedure or treatment considered experimental',
  '59': 'Multiple or concurrent procedure rules applied',
  '89': 'Professional fees removed from the charges',
  '94': 'Processed in excess of charges',
  '96': 'Non-covered charges',
  '97': 'Included in the payment for another service already adjudicated',
  '100': 'Payment made to the patient, insured or responsible party',
  '109': 'Not covered by this payer: send to the correct payer or contractor',
  '119': 'Benefit maximum for this period or occurrence reached',
  '129': 'Prior processing information appears incorrect',
  '140': 'Patient or insured health identification number and name do not match',
  '146': 'Diagnosis invalid for the date of service',
  '151': 'Payer deems the information submitted does not support this many services',
  '167': 'Diagnosis is not covered',
  '170': 'Payment denied when performed or billed by this type of provider',
  '181': 'Procedure code invalid on the date of service',
  '182': 'Procedure modifier invalid on the date of service',
  '185': 'Rendering provider not eligible to perform the service billed',
  '197': 'Precertification, authorization or notification absent',
  '198': 'Precertification, notification or authorization exceeded',
  '204': "Service, equipment or drug not covered under the patient's benefit plan",
  '226': 'Information requested from the billing or rendering provider was not provided',
  '227': 'Information requested from the patient, insured or responsible party was not provided',
  '234': 'Procedure not paid separately',
  '236': 'Procedure or modifier combination not compatible with another procedure on the same day',
  '242': 'Services not provided by network or primary care providers',
  '253': 'Sequestration: reduction of the federal payment',
  A1: 'Claim or service denied',
  B7: 'Provider not certified or eligible to be paid for this procedure on this date',
  B13: 'Previously paid: payment for this claim or service may have been provided in a previous payment',
};

export function carcDescription(reason: string): string | undefined {
  return CARC_DESCRIPTIONS[reason.trim().toUpperCase()];
}

/** How many CARCs have a description (documented as "the ~50 most common"). */
export const DESCRIBED_CARC_COUNT = Object.keys(CARC_DESCRIPTIONS).length;
