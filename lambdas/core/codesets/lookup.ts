/**
 * The code-set port the scrubber rules read through. Code sets are versioned
 * and date-effective: a claim is checked against the version in force on its
 * date of service (837I inpatient: the discharge date). When a code set is
 * not loaded, lookups answer `not-loaded` and rules degrade to a "not
 * verified" warning: never silence, never a false error.
 */

/** The code systems claimflow knows how to import and check against. */
export type CodeSystem =
  | 'ICD-10-CM'
  | 'ICD-10-PCS'
  | 'POA-EXEMPT' // ICD-10-CM codes exempt from present-on-admission reporting
  | 'HCPCS' // Level II codes
  | 'HCPCS-MODIFIER'
  | 'CPT' // from a user-supplied licensed file only; never shipped
  | 'NUCC-TAXONOMY'
  | 'NCCI-PTP-PRACTITIONER'
  | 'NCCI-PTP-HOSPITAL'
  | 'MUE-PRACTITIONER'
  | 'MUE-HOSPITAL';

/** Which release of a code set answered, recorded on every finding that used it. */
export interface CodeSetVersion {
  system: CodeSystem;
  /** e.g. "FY2026" or "2026Q1". */
  version: string;
  /** First date of service the version applies to (YYYY-MM-DD). */
  effectiveFrom: string;
  /** Last date of service it applies to, inclusive; open-ended when absent. */
  effectiveTo?: string;
}

export type CodeLookup =
  | { status: 'not-loaded'; system: CodeSystem }
  | { status: 'unknown'; version: CodeSetVersion }
  | {
      status: 'found';
      version: CodeSetVersion;
      /** ICD-10-CM/PCS: valid for claims (false = a header/category). Always true for other systems. */
      billable: boolean;
      description?: string;
    };

/** An NCCI procedure-to-procedure edit between two codes on the same date. */
export interface PtpEdit {
  column1: string;
  column2: string;
  /** 0 never allowed, 1 allowed with a bypass modifier, 9 not applicable (deleted). */
  modifierIndicator: '0' | '1' | '9';
  version: CodeSetVersion;
}

/** A medically unlikely edit: the most units of a code per line or per day. */
export interface MueLimit {
  code: string;
  units: number;
  /** 1 per line, 2 per day (absolute), 3 per day (clinical). */
  adjudicationIndicator: '1' | '2' | '3';
  version: CodeSetVersion;
}

export interface CodeSets {
  /** A code of `system` as in force on `date` (YYYY-MM-DD). Codes are compared upper case, without dots. */
  lookup(system: CodeSystem, code: string, date: string): CodeLookup;
  /** The PTP edit for the pair on `date`, in either column order; undefined when none (or not loaded: see `loaded`). */
  ptpEdit(setting: 'practitioner' | 'hospital', first: string, second: string, date: string): PtpEdit | undefined;
  mue(setting: 'practitioner' | 'hospital', code: string, date: string): MueLimit | undefined;
  /** Whether any version of `system` covering `date` is loaded. */
  loaded(system: CodeSystem, date: string): boolean;
}
