import type { Claim } from '../claim/model.js';

export interface ParsedClaim {
  claim: Claim;
  /** 0-based index of the claim in its file. */
  index: number;
  /** Where in the file: "claims[3]", "$", "segment 42" for X12, "line 2" for CSV, "Bundle.entry[0].resource" for FHIR. */
  position: string;
  /**
   * Where a field path came from: X12 "segment 42 (NM1), loop 2010BA, element NM109",
   * CSV "line 3, column charge", FHIR "Claim.item[0].net".
   */
  locate?: (path: string) => string;
}

export interface EncounterProblem {
  /** "line 3, column 7", "claims[2].serviceLines[0].charge", "segment 42". */
  position: string;
  index?: number;
  /** The claim id when it could be read (not PHI: a provider-assigned control number). */
  claimId?: string;
  path?: string;
  message: string;
}

export interface ParsedEncounters {
  claims: ParsedClaim[];
  problems: EncounterProblem[];
  /** Non-fatal findings of the reader (X12: unmapped segments and loops), without values. */
  warnings?: EncounterProblem[];
}

export type EncounterFormat = 'json' | 'x12-837' | 'csv-superbill' | 'fhir-r4' | 'hl7v2-dft' | 'unknown';
