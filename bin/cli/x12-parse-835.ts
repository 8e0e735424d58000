/**
 * `claimflow x12 parse <835> [--json]`: the posting-relevant part of each
 * 835 transaction set and its balancing results, read from the file as a
 * stream (stream835 over node:fs createReadStream), and written out as it is
 * read: a large file is never held whole, not even for --json.
 *
 * Shown per transaction set: BPR01-04, BPR02, BPR16; TRN02/TRN03; payer and
 * payee identifiers; per claim CLP01/02/03/04/05/07, adjustments, remark codes
 * (MIA/MOA), forwarding (NM1*TT), the lines with 6R, allowed amount,
 * adjustments and LQ remarks, and every check (ok / false / not-evaluable
 * with expected, actual, difference, missing). Names of persons are not shown.
 * A transaction set or file that cannot be read is reported with its segment
 * position and makes the command exit 1 once everything readable is out.
 */
import { createReadStream } from 'node:fs';
import type { BalanceResult } from '../../lambdas/core/x12/835/balance.js';
import type { Adjustment, ClaimPaymentInfo, PayeeParty, PayerParty, ProviderAdjustment, RemittanceHeader } from '../../lambdas/core/x12/835/model.js';
import { stream835, type Stream835Envelope, type Stream835ErrorEvent } from '../../lambdas/core/x12/835/stream-835.js';
import { X12Error } from '../../lambdas/core/x12/errors.js';
import { SegmentStream } from '../../lambdas/core/x12/stream/segment-stream.js';
import type { X12Warning } from '../../lambdas/core/x12/types.js';
import { CliInputError, CliUsageError } from './errors.js';

/** The file's bytes, chunk by chunk; an unreadable file is the CLI's usage or input error. */
export async function* fileChunks(file: string): AsyncGenerator<Uint8Array, void, undefined> {
  try {
    for await (const chunk of createReadStream(file)) yield chunk as Uint8Array;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliUsageError(`${file}: no such file`);
    throw new CliInputError(file, [`cannot read file (${code ?? 'error'})`]);
  }
}

/** True when the first functional group is GS*HP (or the first transaction set an 835); false for anything else, unreadable included. */
export async function looksLike835(file: string): Promise<boolean> {
  try {
    for await (const segment of new SegmentStream(fileChunks(file))) {
      if (segment.id === 'GS') return (segment.elements[1] ?? '').trim() === 'HP';
      if (segment.id === 'ST') return (segment.elements[1] ?? '').trim() === '835';
    }
  } catch (error) {
    if (!(error instanceof X12Error)) throw error;
  }
  return false;
}

export async function parse835Command(file: string, options: { json?: boolean }, stdout: NodeJS.WritableStream): Promise<void> {
  const out = options.json ? new JsonOutput(file, stdout) : new TextOutput(file, stdout);
  const failures: string[] = [];
  for await (const event of stream835(fileChunks(file))) {
    switch (event.type) {
      case 'remittance-start':
        out.start(event.envelope, event.header);
        break;
      case 'claim':
        out.claim(event.claim, event.ordinal, event.checks);
        break;
      case 'remittance-end':
        out.end(event.providerAdjustments, event.payment, event.warnings);
        break;
      case 'error':
        if (event.severity === 'error') failures.push(event.error.describe());
        out.error(event);
    }
  }
  out.finish();
  if (failures.length > 0) throw new CliInputError(file, failures);
}

const money = (value: string | undefined) => value ?? '?';
const adjustments = (list: readonly Adjustment[]) => list.map((a) => ({ group: a.group, reason: a.reason, amount: a.amount, quantity: a.quantity }));
const parties = (payer: PayerParty, payee: PayeeParty) => ({
  payer: { name: payer.name, identifier: payer.identifier, references: payer.references },
  payee: { name: payee.name, identifier: payee.identifier, npi: payee.npi, tin: payee.tin, references: payee.references },
});

/** The posting view of a claim: no names of persons. */
function claimView(claim: ClaimPaymentInfo, ordinal: number, checks: readonly BalanceResult[]) {
  return {
    ordinal,
    position: claim.position,
    patientControlNumber: claim.patientControlNumber,
    statusCode: claim.statusCode,
    charge: claim.charge,
    paid: claim.paid,
    patientResponsibility: claim.patientResponsibility,
    payerClaimControlNumber: claim.payerClaimControlNumber,
    adjustments: adjustments(claim.adjustments),
    remarks: { inpatient: claim.inpatient?.remarkCodes ?? [], outpatient: claim.outpatient?.remarkCodes ?? [] },
    crossoverCarrier: claim.crossoverCarrier?.identifier,
    correctedPriorityPayer: claim.correctedPriorityPayer?.identifier,
    lines: claim.serviceLines.map((line) => ({
      position: line.position,
      procedure: [line.procedure.qualifier, line.procedure.code, ...line.procedure.modifiers].join(':'),
      lineControlNumber: line.lineControlNumber,
      charge: line.charge,
      paid: line.paid,
      allowed: line.allowed,
      adjustments: adjustments(line.adjustments),
      remarks: line.remarks,
    })),
    checks,
  };
}

interface Output {
  start(envelope: Stream835Envelope, header: RemittanceHeader): void;
  claim(claim: ClaimPaymentInfo, ordinal: number, checks: BalanceResult[]): void;
  end(plb: ProviderAdjustment[], payment: BalanceResult, warnings: X12Warning[]): void;
  error(event: Stream835ErrorEvent): void;
  finish(): void;
}

const errorView = (event: Stream835ErrorEvent) => ({
  code: event.error.code,
  message: event.error.message,
  position: event.error.position,
  segmentId: event.error.segmentId,
  element: event.error.element,
  scope: event.scope,
  severity: event.severity,
});

/**
 * One JSON document written piece by piece: {"file", "transactions": [...],
 * "errors": [...]}. A transaction set abandoned after its start is closed
 * with its "error".
 */
class JsonOutput implements Output {
  private transactions = 0;
  private claims = 0;
  private open = false;
  /** Checks that are not ok, for the set's balancing summary (they are also with their claim). */
  private failed: BalanceResult[] = [];
  private readonly errors: ReturnType<typeof errorView>[] = [];

  constructor(
    file: string,
    private readonly out: NodeJS.WritableStream,
  ) {
    out.write(`{\n  "file": ${JSON.stringify(file)},\n  "transactions": [`);
  }

  start(envelope: Stream835Envelope, header: RemittanceHeader): void {
    const head = {
      envelope,
      position: header.position,
      payment: {
        handlingCode: header.payment.handlingCode,
        totalPaid: header.payment.totalPaid,
        creditDebit: header.payment.creditDebit,
        method: header.payment.method,
        date: header.payment.date,
      },
      trace: { traceNumber: header.trace.traceNumber, payerId: header.trace.payerId },
      ...parties(header.payer, header.payee),
    };
    const text = JSON.stringify(head);
    this.out.write(`${this.transactions++ > 0 ? ',' : ''}\n    ${text.slice(0, -1)},\n      "claims": [`);
    this.open = true;
    this.claims = 0;
    this.failed = [];
  }

  claim(claim: ClaimPaymentInfo, ordinal: number, checks: BalanceResult[]): void {
    this.failed.push(...checks.filter((c) => c.ok !== true));
    this.out.write(`${this.claims++ > 0 ? ',' : ''}\n        ${JSON.stringify(claimView(claim, ordinal, checks))}`);
  }

  end(plb: ProviderAdjustment[], payment: BalanceResult, warnings: X12Warning[]): void {
    const balancing = { balanced: payment.ok === true && this.failed.length === 0, payment, failed: this.failed };
    this.out.write(
      `\n      ],\n      "providerAdjustments": ${JSON.stringify(plb)},\n      "balancing": ${JSON.stringify(balancing)},\n      "warnings": ${JSON.stringify(warnings)}\n    }`,
    );
    this.open = false;
  }

  error(event: Stream835ErrorEvent): void {
    if (this.open && event.scope === 'transaction' && event.severity === 'error') {
      this.out.write(`\n      ],\n      "error": ${JSON.stringify(errorView(event))}\n    }`);
      this.open = false;
      return;
    }
    this.errors.push(errorView(event));
  }

  finish(): void {
    // A file that ended inside a set (an unreadable later ISA) closes it.
    if (this.open) this.out.write('\n      ]\n    }');
    this.out.write(`\n  ],\n  "errors": ${JSON.stringify(this.errors)}\n}\n`);
  }
}

class TextOutput implements Output {
  private sets = 0;

  constructor(
    private readonly file: string,
    private readonly out: NodeJS.WritableStream,
  ) {}

  private line(text: string): void {
    this.out.write(`${text}\n`);
  }

  start(envelope: Stream835Envelope, header: RemittanceHeader): void {
    if (this.sets++ === 0) this.line(`${this.file}: 835, read as a stream`);
    const { payment, trace, payer, payee } = header;
    this.line(
      `  ISA13 ${envelope.interchangeControlNumber} ST 835 ${envelope.transactionControlNumber} (segment ${header.position ?? '?'}): BPR ${payment.handlingCode} ${money(payment.totalPaid)} ${payment.creditDebit} ${payment.method} ${payment.date ?? '-'}, TRN ${trace.traceNumber} payer id ${trace.payerId ?? '-'}`,
    );
    const ids = (list: ReadonlyArray<{ qualifier: string; value: string } | undefined>) =>
      list.filter((r): r is { qualifier: string; value: string } => r !== undefined).map((r) => `${r.qualifier} ${r.value}`).join(', ') || '-';
    this.line(`    payer ${payer.name} (${ids([payer.identifier, ...payer.references])}); payee ${ids([payee.identifier, ...payee.references])}`);
  }

  claim(claim: ClaimPaymentInfo, _ordinal: number, checks: BalanceResult[]): void {
    const own = checks[checks.length - 1];
    this.line(
      `    CLP ${claim.patientControlNumber} status ${claim.statusCode} charge ${money(claim.charge)} paid ${money(claim.paid)} patient ${claim.patientResponsibility ?? '-'} payer claim ${claim.payerClaimControlNumber ?? '-'}: ${verdict(own)}`,
    );
    const details = [
      claim.adjustments.length > 0 ? `adjustments ${adjustmentText(claim.adjustments)}` : '',
      claim.inpatient?.remarkCodes.length ? `MIA remarks ${claim.inpatient.remarkCodes.join(' ')}` : '',
      claim.outpatient?.remarkCodes.length ? `MOA remarks ${claim.outpatient.remarkCodes.join(' ')}` : '',
      claim.crossoverCarrier?.identifier ? `forwarded to ${claim.crossoverCarrier.identifier.qualifier} ${claim.crossoverCarrier.identifier.value}` : '',
    ].filter(Boolean);
    if (details.length > 0) this.line(`      ${details.join('; ')}`);
    claim.serviceLines.forEach((line, index) => {
      const remarks = line.remarks.map((r) => `${r.qualifier}:${r.value}`).join(' ');
      this.line(
        `      SVC ${index + 1} ${[line.procedure.qualifier, line.procedure.code, ...line.procedure.modifiers].join(':')} 6R ${line.lineControlNumber ?? '-'} charge ${money(line.charge)} paid ${money(line.paid)} allowed ${line.allowed ?? '-'}${line.adjustments.length ? ` adjustments ${adjustmentText(line.adjustments)}` : ''}${remarks ? ` remarks ${remarks}` : ''}: ${verdict(checks[index])}`,
      );
    });
    for (const check of checks.filter((c) => c.ok !== true)) this.line(`      ! ${describeCheck(check)}`);
  }

  end(plb: ProviderAdjustment[], payment: BalanceResult, warnings: X12Warning[]): void {
    for (const adjustment of plb) {
      const items = adjustment.items.map((i) => `${i.reason}${i.reference ? `:${i.reference}` : ''} ${money(i.amount)}`).join(', ');
      this.line(`    PLB ${adjustment.providerId} ${items}`);
    }
    this.line(`    payment: ${verdict(payment)} (BPR02 ${payment.expected ?? '?'}, ΣCLP04 − ΣPLB ${payment.actual ?? '?'})`);
    if (payment.ok !== true) this.line(`    ! ${describeCheck(payment)}`);
    for (const warning of warnings) this.line(`    warning ${warning.code} at segment ${warning.position ?? '?'}: ${warning.message}`);
  }

  error(event: Stream835ErrorEvent): void {
    const kind = event.severity === 'error' ? 'error' : 'warning';
    this.line(`  ${kind} ${event.error.code} at ${event.error.describe()}`);
  }

  finish(): void {
    if (this.sets === 0) this.line(`${this.file}: 835, no transaction set could be read`);
  }
}

function adjustmentText(list: readonly Adjustment[]): string {
  return list.map((a) => `${a.group}-${a.reason} ${money(a.amount)}`).join(', ');
}

function verdict(check: BalanceResult | undefined): string {
  if (!check) return '?';
  return check.ok === true ? 'ok' : check.ok === false ? 'does not balance' : 'not evaluable';
}

function describeCheck(check: BalanceResult): string {
  const where = `${check.check} check at segment ${check.position ?? '?'}${check.claimId ? ` (CLP01 ${check.claimId}${check.lineNumber ? ` line ${check.lineNumber}` : ''})` : ''}`;
  if (check.ok === 'not-evaluable') return `${where} not evaluable: missing ${(check.missing ?? []).join(', ')}`;
  return `${where} fails: expected ${check.expected ?? '?'} actual ${check.actual ?? '?'} difference ${check.difference ?? '?'}`;
}
