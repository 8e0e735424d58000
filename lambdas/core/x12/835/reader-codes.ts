/**
 * Stable codes of the 835 reader (read835 and stream835). Errors end the
 * reading of one transaction set (an X12Error with the segment position and,
 * where one is to blame, the element); warnings are reported with the
 * remittance and never stop reading. Callers switch on these: never rename one.
 * docs/remittance-835.md lists them with their meaning.
 */
export const X835_ERROR = {
  /** ST01 is not 835. */
  NOT_835: 'X835-NOT-835',
  /** BPR or TRN is not where the guide puts it, or N1*PR / N1*PE is missing. */
  MISSING_SEGMENT: 'X835-MISSING-SEGMENT',
  /** An identifying element is empty (CLP01, CLP02, SVC01, CAS01/02, PLB01/03, BPR01/03/04, TRN01/02, N102, CUR01/02, RDM01 ...). */
  MISSING_ELEMENT: 'X835-MISSING-ELEMENT',
  /** BPR03 is not C/D, or CAS01 is not an adjustment group code. */
  BAD_CODE: 'X835-BAD-CODE',
  /** An amount that is not an X12 decimal with at most two decimals. */
  BAD_AMOUNT: 'X835-BAD-AMOUNT',
  /** SVC before any CLP. */
  SVC_OUTSIDE_CLAIM: 'X835-SVC-OUTSIDE-CLAIM',
} as const;

export const X835_WARNING = {
  /** An amount element is empty: the model keeps undefined and the balancing that needs it is not evaluable. */
  MISSING_AMOUNT: 'X835-MISSING-AMOUNT',
  /** A required element of a segment the reader can do without is empty (REF02, QTY02, N104 of the payee, BPR16 ...). */
  MISSING_ELEMENT: 'X835-MISSING-ELEMENT',
  /** A required segment the reader can do without is missing (PER*BL in 1000A). */
  MISSING_SEGMENT: 'X835-MISSING-SEGMENT',
  /** A date element that is not a real CCYYMMDD date; the date is not kept. */
  BAD_DATE: 'X835-BAD-DATE',
  /** A count, rate, weight or quantity that is not a decimal number; it is not kept. */
  BAD_NUMBER: 'X835-BAD-NUMBER',
  /** A segment out of place, unknown to the 835, or an NM1/N1 entity the guide does not have there. */
  UNEXPECTED_SEGMENT: 'X835-UNEXPECTED-SEGMENT',
  /** A second N1*PR or N1*PE: only the first is read. */
  REPEATED_LOOP: 'X835-REPEATED-LOOP',
  /** SVC01/SVC06 joined with ">" instead of ISA16; read as components (see docs). */
  COMPONENT_SEPARATOR: 'X835-COMPONENT-SEPARATOR',
} as const;
