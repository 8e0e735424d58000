/**
 * The tokenised form of an X12 interchange. The reader produces it; the
 * transaction readers (837, 835, ...) walk `TransactionSet.segments`.
 *
 * Element numbering follows the guides: `segment.elements[1]` is XX01,
 * `segment.elements[0]` is the segment id itself.
 */

export interface Delimiters {
  /** ISA byte 4 (index 3), e.g. "*". */
  element: string;
  /** ISA16, e.g. ":". */
  component: string;
  /** ISA11 in 00501 ("^"); undefined when ISA11 is the 00401 standards id "U" or a letter/digit. */
  repetition?: string;
  /** The character after ISA16, e.g. "~" (a newline when the file uses newline terminators). */
  segment: string;
}

export interface Segment {
  id: string;
  /** elements[0] is the id; elements[n] is element n as raw text (composites not split). */
  elements: string[];
  /** 1-based position of the segment in the file (ISA is 1). */
  position: number;
}

export interface TransactionSet {
  /** ST01, e.g. "837", "835". */
  type: string;
  /** ST02. */
  controlNumber: string;
  /** ST03 when present, else the group's GS08. */
  version: string;
  st: Segment;
  /** Segments after ST and before SE. */
  segments: Segment[];
  se?: Segment;
}

export interface FunctionalGroup {
  /** GS01, e.g. "HC" (837), "HP" (835). */
  functionalId: string;
  /** GS06. */
  controlNumber: string;
  /** GS08, e.g. "005010X222A1". */
  version: string;
  gs: Segment;
  transactions: TransactionSet[];
  ge?: Segment;
}

export interface Interchange {
  delimiters: Delimiters;
  /** ISA13. */
  controlNumber: string;
  /** ISA12, e.g. "00501". */
  version: string;
  isa: Segment;
  groups: FunctionalGroup[];
  iea?: Segment;
}

/** Non-fatal findings while reading; `code` is stable, `message` never echoes data values. */
export interface X12Warning {
  code: string;
  message: string;
  position?: number;
  segmentId?: string;
}

export interface ParsedX12 {
  interchanges: Interchange[];
  warnings: X12Warning[];
}
