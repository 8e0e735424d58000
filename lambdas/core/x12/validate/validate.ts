/**
 * validateX12: an X12 file (text, bytes or an already parsed interchange
 * set) against the implementation guides in ../guides. Envelopes (ISA/GS/
 * GE/IEA counts and control numbers) are checked here; each transaction set
 * is walked through its guide (walker.ts). Never throws: a validator defect
 * becomes an INTERNAL finding.
 */
import { GE_005010, GS_005010, IEA_00501, ISA_00501 } from '../guides/envelope.js';
import { findGuide } from '../guides/registry.js';
import type { GuideSegment } from '../guides/types.js';
import { parseX12 } from '../reader.js';
import { X12_WARNING } from '../reader-codes.js';
import { safeSegmentId } from '../segment.js';
import type { Delimiters, FunctionalGroup, Interchange, ParsedX12, Segment, TransactionSet } from '../types.js';
import { FINDING, type EnvelopeRange, type FindingCode, type TransactionSummary, type ValidationFinding, type ValidationReport } from './findings.js';
import { leadingSpacePositions } from './raw-text.js';
import { checkSegment } from './segment-check.js';
import { walkTransaction } from './walker.js';

export function validateX12(input: string | Uint8Array | ParsedX12): ValidationReport {
  const report = new ReportBuilder();
  try {
    run(input, report);
  } catch (error) {
    // Only the kind of failure: a message could quote file content.
    const kind = error instanceof Error ? error.name : typeof error;
    report.add({ code: FINDING.INTERNAL, severity: 'error', message: `the validator failed unexpectedly (${kind})` });
  }
  return report.build();
}

function run(input: string | Uint8Array | ParsedX12, report: ReportBuilder): void {
  let parsed: ParsedX12;
  if (typeof input === 'string' || input instanceof Uint8Array) {
    const result = parseX12(input);
    if (!result.ok) {
      const finding: ValidationFinding = { code: FINDING.X12_UNREADABLE, severity: 'error', message: `not readable as X12: ${result.error.message}` };
      if (result.error.position !== undefined) finding.position = result.error.position;
      if (result.error.segmentId) finding.segmentId = result.error.segmentId;
      report.add(finding);
      return;
    }
    parsed = result.value;
    const first = parsed.interchanges[0];
    if (first) {
      for (const position of leadingSpacePositions(input, first.delimiters)) {
        report.add({ code: FINDING.SEG_LEADING_SPACE, severity: 'error', message: 'segment starts with spaces or tabs', position });
      }
    }
  } else {
    parsed = input;
  }

  for (const warning of parsed.warnings) {
    if (warning.code === X12_WARNING.SEGMENT_OUTSIDE_ENVELOPE) {
      report.add(at({ code: FINDING.SEG_UNEXPECTED, severity: 'error', message: `segment outside its envelope: ${warning.message}` }, warning.position, warning.segmentId));
    } else if (warning.code === X12_WARNING.LINE_BREAK_IN_SEGMENT) {
      report.add(at({ code: FINDING.X12_NOTICE, severity: 'warning', message: warning.message }, warning.position, warning.segmentId));
    }
  }
  const seen = new Set<string>();
  for (const interchange of parsed.interchanges) {
    if (seen.has(interchange.controlNumber)) duplicate(interchange.isa, 'ISA13', 'the file', report, { loopId: 'ISA', interchangeControlNumber: interchange.controlNumber });
    seen.add(interchange.controlNumber);
    validateInterchange(interchange, report);
  }
}

function duplicate(segment: Segment, element: string, scope: string, report: ReportBuilder, context: Context): void {
  report.add({
    code: FINDING.CONTROL_DUPLICATE,
    severity: 'error',
    message: `${element} (control number) is used twice in ${scope}`,
    position: segment.position,
    segmentId: segment.id,
    element,
    ...context,
  });
}

function validateInterchange(interchange: Interchange, report: ReportBuilder): void {
  const isa13 = interchange.controlNumber;
  const base = { interchangeControlNumber: isa13 };
  const lastPosition = interchange.iea?.position ?? lastOf(interchange);
  report.interchanges.push({ controlNumber: isa13, start: interchange.isa.position, end: lastPosition });

  if (interchange.version !== '00501') {
    report.add({
      code: FINDING.GUIDE_UNKNOWN,
      severity: 'error',
      message: `interchange version ${safeVersion(interchange.version)} (ISA12) has no guide here; only 00501 interchanges are validated`,
      position: interchange.isa.position,
      segmentId: 'ISA',
      element: 'ISA12',
      loopId: 'ISA',
      ...base,
    });
    return;
  }

  const { delimiters } = interchange;
  checkEnvelopeSegment(interchange.isa, ISA_00501, delimiters, report, { loopId: 'ISA', ...base }, true);
  const groups = new Set<string>();
  for (const group of interchange.groups) {
    if (groups.has(group.controlNumber)) duplicate(group.gs, 'GS06', 'the interchange', report, { loopId: 'GS', ...base, groupControlNumber: group.controlNumber });
    groups.add(group.controlNumber);
    validateGroup(group, delimiters, report, isa13);
  }

  const iea = interchange.iea;
  if (!iea) {
    report.add({ code: FINDING.SEG_MISSING, severity: 'error', message: 'interchange has no IEA trailer', position: lastPosition, segmentId: 'IEA', loopId: 'ISA', ...base });
    return;
  }
  checkEnvelopeSegment(iea, IEA_00501, delimiters, report, { loopId: 'ISA', ...base });
  compareCount(iea, interchange.groups.length, FINDING.IEA_COUNT, 'IEA01', 'functional groups', report, { loopId: 'ISA', ...base });
  if ((iea.elements[2] ?? '').trim() !== isa13.trim()) {
    report.add({ code: FINDING.CONTROL_MISMATCH, severity: 'error', message: 'IEA02 does not match ISA13', position: iea.position, segmentId: 'IEA', element: 'IEA02', loopId: 'ISA', ...base });
  }
}

function validateGroup(group: FunctionalGroup, delimiters: Delimiters, report: ReportBuilder, isa13: string): void {
  const base = { interchangeControlNumber: isa13, groupControlNumber: group.controlNumber };
  const context = { loopId: 'GS', ...base };
  const lastPosition = group.ge?.position ?? lastOfGroup(group);
  report.groups.push({ controlNumber: group.controlNumber, start: group.gs.position, end: lastPosition });
  checkEnvelopeSegment(group.gs, GS_005010, delimiters, report, context);
  const transactions = new Set<string>();
  for (const transaction of group.transactions) {
    if (transactions.has(transaction.controlNumber)) {
      duplicate(transaction.st, 'ST02', 'the functional group', report, { ...context, transactionControlNumber: transaction.controlNumber });
    }
    transactions.add(transaction.controlNumber);
    validateTransaction(transaction, group, delimiters, report, isa13);
  }

  const ge = group.ge;
  if (!ge) {
    report.add({ code: FINDING.SEG_MISSING, severity: 'error', message: 'functional group has no GE trailer', position: lastPosition, segmentId: 'GE', ...context });
    return;
  }
  checkEnvelopeSegment(ge, GE_005010, delimiters, report, context);
  compareCount(ge, group.transactions.length, FINDING.GE_COUNT, 'GE01', 'transaction sets', report, context);
  if ((ge.elements[2] ?? '').trim() !== group.controlNumber) {
    report.add({ code: FINDING.CONTROL_MISMATCH, severity: 'error', message: 'GE02 does not match GS06', position: ge.position, segmentId: 'GE', element: 'GE02', ...context });
  }
}

function validateTransaction(transaction: TransactionSet, group: FunctionalGroup, delimiters: Delimiters, report: ReportBuilder, isa13: string): void {
  const base = { interchangeControlNumber: isa13, groupControlNumber: group.controlNumber, transactionControlNumber: transaction.controlNumber };
  const end = transaction.se?.position ?? transaction.segments[transaction.segments.length - 1]?.position ?? transaction.st.position;
  const st03 = (transaction.st.elements[3] ?? '').trim();
  const version = st03 || group.version;
  const guide = findGuide(transaction.type, version);
  const summary: TransactionSummary = {
    type: transaction.type,
    version,
    transactionControlNumber: transaction.controlNumber,
    groupControlNumber: group.controlNumber,
    interchangeControlNumber: isa13,
    start: transaction.st.position,
    end,
    claims: [],
  };
  if (guide) summary.guide = guide.version;
  report.transactions.push(summary);

  if (!guide) {
    report.add({
      code: FINDING.GUIDE_UNKNOWN,
      severity: 'error',
      message: `no guide for transaction set ${safeVersion(transaction.type)} version ${safeVersion(version)}; its content was not validated`,
      position: transaction.st.position,
      segmentId: 'ST',
      loopId: 'ST',
      ...base,
    });
    return;
  }
  const context = { loopId: 'ST', ...base };
  if (st03 && st03 !== group.version) {
    report.add({ code: FINDING.VERSION_MISMATCH, severity: 'error', message: 'ST03 differs from GS08', position: transaction.st.position, segmentId: 'ST', element: 'ST03', ...context });
  }
  if (group.functionalId !== guide.functionalId) {
    report.add({ code: FINDING.VERSION_MISMATCH, severity: 'error', message: `GS01 must be ${guide.functionalId} for this transaction set`, position: group.gs.position, segmentId: 'GS', element: 'GS01', ...context });
  }
  checkEnvelopeSegment(transaction.st, guide.st, delimiters, report, context);

  const walked = walkTransaction(guide, transaction.segments, delimiters, end);
  summary.claims = walked.claims;
  for (const finding of walked.findings) {
    const full: ValidationFinding = { ...finding, severity: finding.severity ?? 'error', ...base };
    report.add(full);
  }

  const se = transaction.se;
  if (!se) {
    report.add({ code: FINDING.SEG_MISSING, severity: 'error', message: 'transaction set has no SE trailer', position: end, segmentId: 'SE', ...context });
    return;
  }
  checkEnvelopeSegment(se, guide.se, delimiters, report, context);
  // Reported at the ST, as pyx12 and most validators do: the count describes the whole set the ST opens.
  compareCount(se, transaction.segments.length + 2, FINDING.SE_COUNT, 'SE01', 'segments from ST to SE', report, context, transaction.st.position);
  if ((se.elements[2] ?? '').trim() !== transaction.controlNumber) {
    report.add({ code: FINDING.CONTROL_MISMATCH, severity: 'error', message: 'SE02 does not match ST02', position: se.position, segmentId: 'SE', element: 'SE02', ...context });
  }
}

type Context = Pick<ValidationFinding, 'loopId' | 'interchangeControlNumber' | 'groupControlNumber' | 'transactionControlNumber'>;

function checkEnvelopeSegment(segment: Segment, spec: GuideSegment, delimiters: Delimiters, report: ReportBuilder, context: Context, fixedWidth = false): void {
  for (const issue of checkSegment(segment, spec, delimiters, { fixedWidth })) {
    const finding: ValidationFinding = { code: issue.code, severity: 'error', message: issue.message, position: segment.position, segmentId: spec.id, ...context };
    if (issue.element) finding.element = issue.element;
    report.add(finding);
  }
}

function compareCount(
  segment: Segment,
  counted: number,
  code: FindingCode,
  element: string,
  what: string,
  report: ReportBuilder,
  context: Context,
  reportAt?: number,
): void {
  const declared = (segment.elements[1] ?? '').trim();
  if (/^\d+$/.test(declared) && Number(declared) === counted) return;
  const where = reportAt !== undefined && reportAt !== segment.position ? ` (the ${segment.id} is segment ${segment.position})` : '';
  report.add({
    code,
    severity: 'error',
    message: `${element} must be the number of ${what} (counted ${counted})${where}`,
    position: reportAt ?? segment.position,
    segmentId: safeSegmentId(segment.id) ?? segment.id.slice(0, 3),
    element,
    ...context,
  });
}

/** Version strings come from the file: show them only when they look like a version code. */
function safeVersion(value: string): string {
  return /^[A-Z0-9]{1,15}$/.test(value) ? value : '(unrecognised)';
}

function at(finding: ValidationFinding, position: number | undefined, segmentId: string | undefined): ValidationFinding {
  if (position !== undefined) finding.position = position;
  if (segmentId) finding.segmentId = segmentId;
  return finding;
}

function lastOfGroup(group: FunctionalGroup): number {
  const last = group.transactions[group.transactions.length - 1];
  return last ? (last.se?.position ?? last.segments[last.segments.length - 1]?.position ?? last.st.position) : group.gs.position;
}

function lastOf(interchange: Interchange): number {
  const group = interchange.groups[interchange.groups.length - 1];
  return group ? (group.ge?.position ?? lastOfGroup(group)) : interchange.isa.position;
}

class ReportBuilder {
  readonly findings: ValidationFinding[] = [];
  readonly transactions: TransactionSummary[] = [];
  readonly groups: EnvelopeRange[] = [];
  readonly interchanges: EnvelopeRange[] = [];

  add(finding: ValidationFinding): void {
    this.findings.push(finding);
  }

  build(): ValidationReport {
    // Stable sort: findings at one position keep the order they were found in.
    const findings = [...this.findings].sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
    const errorCount = findings.filter((f) => f.severity === 'error').length;
    return {
      findings,
      errorCount,
      warningCount: findings.length - errorCount,
      transactions: this.transactions,
      groups: this.groups,
      interchanges: this.interchanges,
    };
  }
}
