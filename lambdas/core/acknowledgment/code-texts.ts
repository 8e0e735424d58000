/**
 * Readable texts for the acknowledgment codes we turn into claim findings, so
 * a biller reads "required data element missing" instead of "IK403 1". Codes
 * outside these lists are shown as sent. Texts are the code lists' meanings,
 * shortened; they never include values from the file.
 */

/** IK304: implementation segment syntax error codes (005010X231A1). */
export const SEGMENT_ERROR_TEXT: Readonly<Record<string, string>> = {
  '1': 'unrecognized segment id',
  '2': 'unexpected segment',
  '3': 'required segment missing',
  '4': 'loop occurs over maximum times',
  '5': 'segment exceeds maximum use',
  '6': 'segment not in defined transaction set',
  '7': 'segment not in proper sequence',
  '8': 'segment has data element errors',
  I4: 'implementation "not used" segment present',
  I6: 'implementation dependent segment missing',
  I7: 'implementation loop occurs under minimum times',
  I8: 'implementation segment below minimum use',
  I9: 'implementation dependent "not used" segment present',
};

/** IK403: implementation data element syntax error codes. */
export const ELEMENT_ERROR_TEXT: Readonly<Record<string, string>> = {
  '1': 'required data element missing',
  '2': 'conditional required data element missing',
  '3': 'too many data elements',
  '4': 'data element too short',
  '5': 'data element too long',
  '6': 'invalid character in data element',
  '7': 'invalid code value',
  '8': 'invalid date',
  '9': 'invalid time',
  '10': 'exclusion condition violated',
  '12': 'too many repetitions',
  '13': 'too many components',
  I6: 'code value not used in implementation',
  I9: 'implementation dependent data element missing',
  I10: 'implementation "not used" data element present',
  I11: 'implementation too few repetitions',
  I12: 'implementation pattern match failure',
  I13: 'implementation dependent "not used" data element present',
};

/** IK502-IK506: implementation transaction set syntax error codes. */
export const TRANSACTION_ERROR_TEXT: Readonly<Record<string, string>> = {
  '1': 'transaction set not supported',
  '2': 'transaction set trailer missing',
  '3': 'transaction set control number in header and trailer do not match',
  '4': 'number of included segments does not match actual count',
  '5': 'one or more segments in error',
  '6': 'missing or invalid transaction set identifier',
  '7': 'missing or invalid transaction set control number',
  '18': 'transaction set not in functional group',
  '19': 'invalid transaction set implementation convention reference',
  '23': 'transaction set control number not unique within the functional group',
  I5: 'implementation one or more segments in error',
  I6: 'implementation convention not supported',
};

/** AK905-AK909: functional group syntax error codes. */
export const GROUP_ERROR_TEXT: Readonly<Record<string, string>> = {
  '1': 'functional group not supported',
  '2': 'functional group version not supported',
  '3': 'functional group trailer missing',
  '4': 'group control number in the header and trailer do not agree',
  '5': 'number of included transaction sets does not match actual count',
  '6': 'group control number violates syntax',
  '19': 'functional group control number not unique within interchange',
};

/** Claim status category codes (code source 507) a 277CA uses. */
export const CATEGORY_TEXT: Readonly<Record<string, string>> = {
  A0: 'forwarded to another entity',
  A1: 'received',
  A2: 'accepted into adjudication',
  A3: 'returned as unprocessable',
  A4: 'not found',
  A5: 'split claim',
  A6: 'rejected for missing information',
  A7: 'rejected for invalid information',
  A8: 'rejected for relational field in error',
};

/** The claim status codes (code source 508) most often seen on 277CA rejections. */
export const STATUS_TEXT: Readonly<Record<string, string>> = {
  '0': 'cannot provide further status electronically',
  '19': 'entity acknowledges receipt of claim',
  '20': 'accepted for processing',
  '21': 'missing or invalid information',
  '33': 'subscriber and subscriber id not found',
  '35': 'claim not found',
  '97': 'patient eligibility not found with entity',
  '116': 'claim submitted to incorrect payer',
  '145': 'entity\'s primary identifier',
  '164': 'entity\'s contract/member number',
  '187': 'date(s) of service',
  '247': 'line information',
  '454': 'procedure code for services rendered',
  '562': 'entity\'s National Provider Identifier (NPI)',
};

/** Entity identifier codes (98) of the parties a status names. */
export const ENTITY_TEXT: Readonly<Record<string, string>> = {
  '40': 'receiver',
  '41': 'submitter',
  '77': 'service location',
  '82': 'rendering provider',
  '85': 'billing provider',
  '87': 'pay-to provider',
  DN: 'referring provider',
  IL: 'subscriber',
  PR: 'payer',
  QC: 'patient',
};

export function described(code: string, table: Readonly<Record<string, string>>): string {
  const text = Object.hasOwn(table, code) ? table[code] : undefined;
  return text ? `${code} (${text})` : code;
}
