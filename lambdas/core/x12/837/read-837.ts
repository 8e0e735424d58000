/**
 * Reads 837 transaction sets into canonical claims: 837P (005010X222A1) and
 * 837I (005010X223A2). The version (ST03, else GS08) decides which guide a
 * transaction set is read by; neighbouring versions (X222/X222A2, X223A1/
 * X223A3, the 004010 X098A1/X096A1) are read as far as the guides agree,
 * with a warning. Dental 837s and other transaction sets are skipped with a
 * warning.
 */
import type { ClaimInput } from '../../claim/model.js';
import { component, element } from '../segment.js';
import type { Delimiters, ParsedX12, Segment, TransactionSet, X12Warning } from '../types.js';
import { buildClaim } from './build-claim.js';
import { warnAt, type BuildContext } from './build-context.js';
import { X837_WARNING } from './codes.js';
import type { HlNode } from './hl-tree.js';
import type { Kind837 } from './loops-837.js';
import { ClaimLocations, Taken } from './taken.js';
import { Walker837 } from './walk-837.js';

export type { Kind837 } from './loops-837.js';
export type { X12Location } from './taken.js';
export { ClaimLocations } from './taken.js';

export interface Read837Context {
  tenantId: string;
  delimiters: Delimiters;
  /** Which guide to read by; by default taken from the transaction set's version. */
  kind?: Kind837;
}

export interface Read837Claim {
  claim: ClaimInput;
  /** Position of the CLM segment in the file. */
  position: number;
  kind: Kind837;
  /** Where each field came from: segment position, loop, element. */
  locations: ClaimLocations;
}

export interface Read837Result {
  /** Claims in file order. */
  claims: Read837Claim[];
  warnings: X12Warning[];
}

type VersionVerdict = { kind: Kind837; exact: boolean } | { skip: string };

/** Which guide an 837 version is read by. */
export function kindOfVersion(version: string): VersionVerdict | undefined {
  if (/X224|X097/.test(version)) return { skip: 'dental 837 (by its version); skipped' };
  if (version === '005010X222A1') return { kind: 'professional', exact: true };
  if (version === '005010X223A2') return { kind: 'institutional', exact: true };
  if (/X222|X098/.test(version)) return { kind: 'professional', exact: false };
  if (/X223|X096/.test(version)) return { kind: 'institutional', exact: false };
  return undefined;
}

/** For a version we do not know: institutional when a CLM05-2 says A or a line is an SV2. */
function guessKind(tx: TransactionSet, delimiters: Delimiters): Kind837 {
  const institutional = tx.segments.some((s) => s.id === 'SV2' || (s.id === 'CLM' && component(s, 5, 2, delimiters) === 'A'));
  return institutional ? 'institutional' : 'professional';
}

/** Reads one 837 transaction set (professional or institutional, see Read837Context.kind). */
export function read837Transaction(tx: TransactionSet, ctx: Read837Context): Read837Result {
  const warnings: X12Warning[] = [];
  let kind = ctx.kind;
  if (!kind) {
    const verdict = kindOfVersion(tx.version);
    if (verdict && 'kind' in verdict) {
      kind = verdict.kind;
      if (!verdict.exact) {
        const guide = kind === 'professional' ? '005010X222A1' : '005010X223A2';
        warnAt({ warn: (w) => warnings.push(w) }, X837_WARNING.VERSION, `version is not ${guide}; read by that guide as far as they agree`, tx.st);
      }
    } else {
      kind = guessKind(tx, ctx.delimiters);
      warnAt({ warn: (w) => warnings.push(w) }, X837_WARNING.VERSION, `version is not one of the 837 guides; read as ${kind === 'professional' ? '837P' : '837I'} by its content`, tx.st);
    }
  }
  const claims: Read837Claim[] = [];
  const taken = new Taken();
  const warn = (warning: X12Warning) => warnings.push(warning);
  const walker = new Walker837(kind, {
    warn,
    claim: (draft) => {
      const locations = new ClaimLocations({ position: draft.clm.position, segmentId: 'CLM', loop: '2300' });
      const build: BuildContext = { tenantId: ctx.tenantId, delimiters: ctx.delimiters, warn, taken, locations };
      claims.push({ claim: buildClaim(draft, build), position: draft.clm.position, kind: draft.kind, locations });
    },
  });
  for (const segment of tx.segments) walker.accept(segment);
  walker.finish();
  for (const node of walker.tree.nodes) reportUntakenNode(node, taken, warn);
  // Array.prototype.sort is stable: warnings at one position keep their order.
  warnings.sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  return { claims, warnings };
}

/** HL-level segments no claim mapped (reported once per HL, however many claims it has). */
function reportUntakenNode(node: HlNode, taken: Taken, warn: (warning: X12Warning) => void): void {
  const report = (segments: readonly Segment[], loop: string) => {
    for (const segment of segments) {
      if (taken.has(segment)) continue;
      const qualifier = element(segment, 1);
      const what = segment.id === 'REF' && qualifier && /^[A-Z0-9]{1,3}$/.test(qualifier) ? `REF*${qualifier}` : segment.id;
      warnAt({ warn }, X837_WARNING.UNMAPPED_SEGMENT, `${what} (loop ${loop}) is not carried by the canonical claim`, segment);
    }
  };
  report(node.segments, node.loop);
  for (const party of node.parties) report(party.segments, party.loop);
}

const TRANSACTION_TYPE = /^\d{3}$/;

/**
 * Reads the 837 claims (professional and institutional) of every
 * interchange, group and transaction set in a parsed file. Other transaction
 * sets and dental 837s are skipped with a warning. The envelope reader's own
 * warnings stay in `parsed`.
 */
export function read837(parsed: ParsedX12, tenantId: string): Read837Result {
  const result: Read837Result = { claims: [], warnings: [] };
  for (const interchange of parsed.interchanges) {
    for (const group of interchange.groups) {
      for (const tx of group.transactions) {
        const where = { position: tx.st.position, segmentId: 'ST' };
        if (tx.type !== '837') {
          const type = TRANSACTION_TYPE.test(tx.type) ? tx.type : 'of unknown type';
          result.warnings.push({ code: X837_WARNING.NOT_837, message: `transaction set ${type} is not an 837; skipped`, ...where });
          continue;
        }
        const verdict = kindOfVersion(tx.version);
        if (verdict && 'skip' in verdict) {
          result.warnings.push({ code: X837_WARNING.NOT_PROFESSIONAL, message: verdict.skip, ...where });
          continue;
        }
        const read = read837Transaction(tx, { tenantId, delimiters: interchange.delimiters });
        // A loop, not push(...spread): a large file has more claims than a call has argument slots.
        for (const claim of read.claims) result.claims.push(claim);
        for (const warning of read.warnings) result.warnings.push(warning);
      }
    }
  }
  return result;
}
