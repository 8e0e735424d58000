/**
 * Reads a practice system's 837 (837P or 837I) into canonical claims. Each
 * claim is validated on its own: one bad claim yields problems naming its
 * segment position, loop and element, and the others still come through.
 * A file that is not X12, or holds no 837 claim, is one file-level problem.
 * Messages never echo values from the file (they may be PHI).
 */
import { Claim } from '../claim/model.js';
import { read837, type ClaimLocations, type X12Location } from '../x12/837/read-837.js';
import { parseX12 } from '../x12/reader.js';
import { formatPath } from './native-json.js';
import type { EncounterProblem, ParsedEncounters } from './types.js';

/** "segment 42 (NM1), loop 2010BA, element NM109" */
export function describeLocation(location: X12Location): string {
  const element = location.element ? `, element ${location.element}` : '';
  return `segment ${location.position} (${location.segmentId}), loop ${location.loop}${element}`;
}

function locator(locations: ClaimLocations): (path: string) => string {
  return (path) => describeLocation(locations.locate(path));
}

export function parseX12Encounters(text: string, tenantId: string): ParsedEncounters {
  const parsed = parseX12(text);
  if (!parsed.ok) {
    const { error } = parsed;
    return { claims: [], problems: [{ position: `segment ${error.position ?? 1}`, message: `not a readable X12 interchange (${error.code})` }] };
  }
  const read = read837(parsed.value, tenantId);
  const warnings: EncounterProblem[] = [...parsed.value.warnings, ...read.warnings].map((w) => ({
    position: w.position === undefined ? 'file' : `segment ${w.position}${w.segmentId ? ` (${w.segmentId})` : ''}`,
    message: `${w.code}: ${w.message}`,
  }));
  if (read.claims.length === 0) {
    const first = parsed.value.interchanges[0]?.groups[0]?.transactions[0]?.st.position ?? 1;
    return { claims: [], problems: [{ position: `segment ${first}`, message: 'the file holds no 837 claim' }], warnings };
  }

  const result: ParsedEncounters = { claims: [], problems: [], warnings };
  read.claims.forEach(({ claim, position, locations }, index) => {
    const locate = locator(locations);
    const parsedClaim = Claim.safeParse(claim);
    if (parsedClaim.success) {
      result.claims.push({ claim: parsedClaim.data, index, position: `segment ${position}`, locate });
      return;
    }
    const claimId = typeof claim.claimId === 'string' ? claim.claimId : undefined;
    for (const issue of parsedClaim.error.issues) {
      const path = formatPath(issue.path);
      result.problems.push({ position: locate(path), index, claimId, path, message: issue.message });
    }
  });
  return result;
}
