/**
 * The table format of implementation-guide knowledge. A guide is DATA: the
 * validator engine (../validate/) walks these tables; it has no
 * per-transaction code. To add a transaction (837I, 835, 999, 277CA):
 *
 * 1. Make sure every segment it uses has a base definition in
 *    `base-segments.ts` (element types and lengths from the X12 standard,
 *    composites, syntax rules such as P0809). Add missing ones there.
 * 2. Write the guide's loops with the helpers in `define.ts`
 *    (`seg(...)`, `loop(...)`), which combine the base definitions with the
 *    guide's usage (R/S/N), repeats and code lists, and produce the
 *    expanded `GuideSegment` / `GuideLoop` objects below.
 * 3. Export a `Guide` and add it to `registry.ts` (keyed by ST01 + the
 *    version in ST03, falling back to GS08).
 *
 * Everything here is plain readonly data, safe to share between guides
 * (e.g. the 837P 2300 loop object appears under both 2000B and 2000C).
 */

/** R = required, S = situational (may be present), N = not used (must be absent). */
export type Usage = 'R' | 'S' | 'N';

/**
 * X12 data element types:
 * AN string, ID code value, N0/N1/N2 implied-decimal numbers (N2 = 2 implied
 * decimals; digits only, optional leading minus), R decimal number (explicit
 * point allowed), DT date (CCYYMMDD, or YYMMDD when max length is 6),
 * TM time (HHMM, HHMMSS, HHMMSSd..), B binary (not validated).
 */
export type DataType = 'AN' | 'ID' | 'N0' | 'N1' | 'N2' | 'N3' | 'N4' | 'R' | 'DT' | 'TM' | 'B';

/**
 * One simple element (or one component of a composite) as the guide uses it.
 * `ref` is the guide's reference: "NM109", or "CLM05-1" for a component.
 */
export interface GuideElement {
  readonly ref: string;
  readonly name?: string;
  readonly usage: Usage;
  readonly type: DataType;
  readonly min: number;
  readonly max: number;
  /** The guide's own code list for ID elements. Absent = any value of the right length. */
  readonly codes?: readonly string[];
  /** How often the element may repeat (repetition separator, ISA11); default 1. */
  readonly repeat?: number;
  /** Present when the element is a composite: its components, in order (ref "XX01-1", ...). */
  readonly components?: readonly GuideElement[];
  /**
   * Extra rule on the value, by name: the engine knows a small fixed set.
   * 'date-period' = the value's format follows the qualifier in the previous
   * element (D8 CCYYMMDD, RD8 CCYYMMDD-CCYYMMDD, DT CCYYMMDDHHMM, TM HHMM).
   */
  readonly rule?: 'date-period';
}

/**
 * X12 syntax notes of a segment (base standard), by element number:
 * P = paired (all or none), R = at least one, E = at most one (exclusion),
 * C = if the first is present all others are required,
 * L = if the first is present at least one of the others is required.
 */
export interface SyntaxRule {
  readonly kind: 'P' | 'R' | 'E' | 'C' | 'L';
  readonly elements: readonly number[];
}

/** What distinguishes one use of a segment id from another in the same loop (REF*EI vs REF*G2). */
export interface Qualifier {
  /** Element number (1-based). */
  readonly element: number;
  /** Component number (1-based) when the element is a composite (HI01-1). */
  readonly component?: number;
  readonly codes: readonly string[];
}

export interface GuideSegment {
  readonly kind: 'segment';
  readonly id: string;
  readonly name: string;
  readonly usage: Usage;
  /** Maximum uses in one loop instance (Infinity for ">1"). */
  readonly max: number;
  /** When set, a segment only matches this entry if its qualifier value is in the list. */
  readonly qualifier?: Qualifier;
  /** elements[0] is XX01. Elements past the end are not allowed. */
  readonly elements: readonly GuideElement[];
  readonly syntax?: readonly SyntaxRule[];
}

export interface GuideLoop {
  readonly kind: 'loop';
  /** The guide's loop id: "2010AA", "2300". */
  readonly id: string;
  readonly name: string;
  readonly usage: Usage;
  /** Maximum repeats within one instance of the parent (Infinity for ">1"). */
  readonly max: number;
  /**
   * Segments and nested loops in guide order. children[0] is the loop's
   * trigger (first) segment: a segment starts this loop when it matches it,
   * including its qualifier.
   */
  readonly children: readonly GuideNode[];
  /** When set, element N of the trigger must number the repeats 1, 2, 3... within the parent (LX01). */
  readonly sequence?: number;
  /** For HL loops: the loop is an HL level; the engine checks HL01/HL02/HL04. */
  readonly hierarchical?: boolean;
}

export type GuideNode = GuideSegment | GuideLoop;

export interface Guide {
  /** ST01, e.g. "837". */
  readonly transaction: string;
  /** The version in ST03/GS08, e.g. "005010X222A1". */
  readonly version: string;
  /** Human name, e.g. "837 Professional". */
  readonly name: string;
  /** GS01 functional identifier code the group must carry (HC, HP, FA, HN). */
  readonly functionalId: string;
  readonly st: GuideSegment;
  readonly se: GuideSegment;
  /**
   * The transaction body between ST and SE as a loop whose children are the
   * header segments/loops and the detail loops. It has no trigger segment:
   * all of its children (including children[0]) are matched like any other.
   */
  readonly body: GuideLoop;
  /**
   * The loop whose instances are claims (2300 in 837s): findings inside it
   * carry the claim id from `claimIdElement` of its trigger segment (CLM01).
   */
  readonly claimLoop?: string;
  readonly claimIdElement?: number;
}
