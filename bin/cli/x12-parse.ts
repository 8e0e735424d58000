/**
 * `claimflow x12 parse <file> [--json]`: any 837, 835, 999 or 277CA -> its
 * model. 837s give the claims; 835s give payments, claims, adjustments and
 * the balancing results; 999s the group and transaction set statuses with
 * their errors; 277CAs the claim statuses and dispositions. A file that cannot
 * be read exits 1 naming the segment position.
 *
 * A file whose first functional group is an 835 (GS*HP) is read as a stream
 * (x12-parse-835.ts); 835s inside other files are read here, in memory.
 */
import { read277CA } from '../../lambdas/core/x12/277ca/read-277ca.js';
import { read999 } from '../../lambdas/core/x12/999/read-999.js';
import { balance, isBalanced } from '../../lambdas/core/x12/835/balance.js';
import { read835 } from '../../lambdas/core/x12/835/read-835.js';
import { read837P } from '../../lambdas/core/x12/837/read-837p.js';
import { X12Error } from '../../lambdas/core/x12/errors.js';
import { parseX12 } from '../../lambdas/core/x12/reader.js';
import type { TransactionSet, Delimiters, X12Warning } from '../../lambdas/core/x12/types.js';
import { CliInputError } from './errors.js';
import { readText } from './files.js';
import { looksLike835, parse835Command } from './x12-parse-835.js';

/** The tenant id claims read from a file on the command line are attributed to. */
const CLI_TENANT = 'cli';

export async function x12ParseCommand(file: string, options: { json?: boolean }, stdout: NodeJS.WritableStream): Promise<void> {
  if (await looksLike835(file)) return parse835Command(file, options, stdout);
  const parsed = parseX12(await readText(file));
  if (!parsed.ok) throw new CliInputError(file, [parsed.error.describe()]);
  const model = {
    file,
    warnings: parsed.value.warnings,
    interchanges: parsed.value.interchanges.map((interchange) => ({
      controlNumber: interchange.controlNumber,
      version: interchange.version,
      sender: `${interchange.isa.elements[5]?.trim()}:${interchange.isa.elements[6]?.trim()}`,
      receiver: `${interchange.isa.elements[7]?.trim()}:${interchange.isa.elements[8]?.trim()}`,
      groups: interchange.groups.map((group) => ({
        functionalId: group.functionalId,
        controlNumber: group.controlNumber,
        version: group.version,
        transactions: group.transactions.map((tx) => describeTransaction(file, tx, interchange.delimiters)),
      })),
    })),
  };
  stdout.write(options.json ? `${JSON.stringify(model, null, 2)}\n` : summarise(model));
}

type TransactionModel = ReturnType<typeof describeTransaction>;

function describeTransaction(file: string, tx: TransactionSet, delimiters: Delimiters) {
  const base = { type: tx.type, controlNumber: tx.controlNumber, version: tx.version, position: tx.st.position };
  try {
    if (tx.type === '837') {
      const { claims, warnings } = read837P(tx, { tenantId: CLI_TENANT, delimiters });
      return { ...base, claims: claims.map((c) => ({ position: c.position, ...stripTenant(c.claim) })), warnings };
    }
    if (tx.type === '835') {
      const { remittance, warnings } = read835(tx, delimiters);
      const checks = balance(remittance);
      return { ...base, remittance, balancing: { balanced: isBalanced(checks), checks }, warnings };
    }
    if (tx.type === '999') {
      const { ack, warnings } = read999(tx, delimiters);
      return { ...base, implementationAck: ack, warnings };
    }
    if (tx.type === '277') {
      const { ack, warnings } = read277CA(tx, delimiters);
      return { ...base, claimAck: ack, warnings };
    }
  } catch (error) {
    if (error instanceof X12Error) throw new CliInputError(file, [error.describe()]);
    throw error;
  }
  return { ...base, warnings: [{ code: 'X12-UNSUPPORTED-TRANSACTION', message: `transaction set ${tx.type} is not read yet`, position: tx.st.position }] as X12Warning[] };
}

function stripTenant<T extends { tenantId?: unknown }>(claim: T): Omit<T, 'tenantId'> {
  const { tenantId: _ignored, ...rest } = claim;
  return rest;
}

function summarise(model: { file: string; warnings: X12Warning[]; interchanges: Array<{ controlNumber: string; groups: Array<{ transactions: TransactionModel[] }> }> }): string {
  const lines: string[] = [`${model.file}: ${model.interchanges.length} interchange(s)`];
  for (const interchange of model.interchanges) {
    for (const group of interchange.groups) {
      for (const tx of group.transactions) {
        if ('claims' in tx && tx.claims) {
          lines.push(`  ISA13 ${interchange.controlNumber} ST ${tx.type} ${tx.controlNumber}: ${tx.claims.length} claim(s)`);
          for (const claim of tx.claims as Array<{ claimId?: unknown; totalCharge?: unknown; serviceLines?: unknown[] }>) {
            lines.push(`    claim ${String(claim.claimId)}  charge ${String(claim.totalCharge ?? '?')}  lines ${claim.serviceLines?.length ?? 0}`);
          }
        } else if ('remittance' in tx && tx.remittance) {
          const r = tx.remittance;
          lines.push(`  ISA13 ${interchange.controlNumber} ST 835 ${tx.controlNumber}: paid ${r.payment.totalPaid ?? '?'} trace ${r.trace.traceNumber}, ${r.claims.length} claim(s), balanced: ${tx.balancing.balanced}`);
          for (const claim of r.claims) {
            lines.push(`    CLP ${claim.patientControlNumber} status ${claim.statusCode} charge ${claim.charge ?? '?'} paid ${claim.paid ?? '?'} patient ${claim.patientResponsibility ?? '?'}`);
          }
          for (const check of tx.balancing.checks.filter((c) => c.ok !== true)) {
            lines.push(`    ! ${check.check} check ${check.ok === false ? 'fails' : 'not evaluable'} at segment ${check.position ?? '?'}: expected ${check.expected ?? '?'} actual ${check.actual ?? '?'}`);
          }
        } else if ('implementationAck' in tx && tx.implementationAck) {
          const ack = tx.implementationAck;
          lines.push(`  ISA13 ${interchange.controlNumber} ST 999 ${tx.controlNumber}: group ${ack.functionalId} ${ack.groupControlNumber} ${ack.status ?? 'status unknown'}, ${ack.transactions.length} transaction set(s)`);
          for (const set of ack.transactions) {
            lines.push(`    ST ${set.transactionType} ${set.controlNumber} ${set.status ?? 'status unknown'}${set.errorCodes.length ? ` (IK5 codes ${set.errorCodes.join(',')})` : ''}`);
            for (const error of set.segmentErrors) {
              const unit = error.contexts.find((c) => c.reference !== undefined);
              lines.push(`      ! ${error.segmentId} at position ${error.position}${error.loopId ? ` in loop ${error.loopId}` : ''}: error ${error.errorCode}${unit ? ` (${unit.name} ${unit.reference})` : ''}`);
              for (const element of error.elementErrors) {
                const { element: at, component } = element.position;
                const ref = `${error.segmentId}${String(at).padStart(2, '0')}${component === undefined ? '' : `-${component}`}`;
                lines.push(`        element ${ref}${element.elementRef ? ` (ref ${element.elementRef})` : ''}: error ${element.errorCode}`);
              }
            }
          }
        } else if ('claimAck' in tx && tx.claimAck) {
          const ack = tx.claimAck;
          lines.push(`  ISA13 ${interchange.controlNumber} ST 277 ${tx.controlNumber}: ${ack.claims.length} claim(s)`);
          for (const claim of ack.claims) {
            const codes = claim.statuses.map((s) => [s.category, s.status, s.entity].filter(Boolean).join(':')).join(' ');
            lines.push(`    claim ${claim.patientControlNumber} ${claim.disposition}${claim.rejectedAt && claim.rejectedAt !== 'claim' ? ` (by the ${claim.rejectedAt} level)` : ''} payer claim id ${claim.payerClaimId ?? '-'} status ${codes || '-'}`);
            for (const line of claim.lines) {
              lines.push(`      line ${line.lineItemControlNumber ?? '?'} ${line.procedure?.code ?? '?'} ${line.disposition}`);
            }
          }
        } else {
          lines.push(`  ST ${tx.type} ${tx.controlNumber}: not read`);
        }
        for (const warning of tx.warnings) lines.push(`    warning ${warning.code} at segment ${warning.position ?? '?'}: ${warning.message}`);
      }
    }
  }
  for (const warning of model.warnings) lines.push(`  warning ${warning.code} at segment ${warning.position ?? '?'}: ${warning.message}`);
  return `${lines.join('\n')}\n`;
}
