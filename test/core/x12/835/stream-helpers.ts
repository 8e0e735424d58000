/**
 * Helpers to compare the streaming 835 reader with the in-memory one: feed an
 * input in chunks of a given size, and bring both outputs into one shape
 * (per transaction set: the whole remittance, its warnings and every check,
 * or its error; plus the file-level findings and a fatal error).
 */
import { balance, type BalanceResult } from '../../../../lambdas/core/x12/835/balance.js';
import type { ClaimPaymentInfo, Remittance, RemittanceHeader } from '../../../../lambdas/core/x12/835/model.js';
import { read835 } from '../../../../lambdas/core/x12/835/read-835.js';
import { stream835, type Stream835Event } from '../../../../lambdas/core/x12/835/stream-835.js';
import { X12Error } from '../../../../lambdas/core/x12/errors.js';
import { parseX12 } from '../../../../lambdas/core/x12/reader.js';
import type { X12Warning } from '../../../../lambdas/core/x12/types.js';

export type TransactionOutcome =
  | { remittance: Remittance; warnings: X12Warning[]; checks: BalanceResult[] }
  | { error: { code: string; message: string; position?: number; segmentId?: string; element?: string } };

export interface FileOutcome {
  transactions: TransactionOutcome[];
  /** Envelope and tokeniser findings, sorted by position (as parseX12 sorts its warnings). */
  findings: Array<{ code: string; message: string; position?: number; segmentId?: string }>;
  fatal?: { code: string; position?: number };
}

/** The input in chunks of `size` (the last one shorter). */
export async function* chunked(input: string | Uint8Array, size: number): AsyncGenerator<string | Uint8Array> {
  for (let start = 0; start < input.length; start += size) {
    yield typeof input === 'string' ? input.slice(start, start + size) : input.subarray(start, start + size);
  }
}

function errorShape(error: X12Error) {
  return { code: error.code, message: error.message, position: error.position, segmentId: error.segmentId, element: error.element };
}

function findingShape(w: { code: string; message: string; position?: number; segmentId?: string }) {
  return { code: w.code, message: w.message, position: w.position, segmentId: w.segmentId };
}

/** parseX12, then read835 + balance on every transaction set (835 or not: read835 refuses the others). */
export function inMemory(input: string | Uint8Array): FileOutcome {
  const parsed = parseX12(input);
  if (!parsed.ok) return { transactions: [], findings: [], fatal: { code: parsed.error.code, position: parsed.error.position } };
  const transactions: TransactionOutcome[] = [];
  for (const interchange of parsed.value.interchanges) {
    for (const group of interchange.groups) {
      for (const tx of group.transactions) {
        try {
          const { remittance, warnings } = read835(tx, interchange.delimiters);
          transactions.push({ remittance, warnings, checks: balance(remittance) });
        } catch (error) {
          if (!(error instanceof X12Error)) throw error;
          transactions.push({ error: errorShape(error) });
        }
      }
    }
  }
  return { transactions, findings: parsed.value.warnings.map(findingShape) };
}

/** Folds stream835 events into the in-memory shape; also checks the event grammar as it goes. */
export async function streamed(chunks: AsyncIterable<string | Uint8Array>): Promise<FileOutcome & { events: Stream835Event['type'][] }> {
  const out: FileOutcome & { events: Stream835Event['type'][] } = { transactions: [], findings: [], events: [] };
  let open: { header: RemittanceHeader; claims: ClaimPaymentInfo[]; checks: BalanceResult[] } | undefined;
  for await (const event of stream835(chunks)) {
    out.events.push(event.type);
    if (event.type === 'remittance-start') {
      if (open) throw new Error('remittance-start while a remittance is open');
      open = { header: event.header, claims: [], checks: [] };
    } else if (event.type === 'claim') {
      if (!open) throw new Error('claim outside a remittance');
      if (event.ordinal !== open.claims.length + 1) throw new Error('claim ordinals are not consecutive');
      open.claims.push(event.claim);
      open.checks.push(...event.checks);
    } else if (event.type === 'remittance-end') {
      if (!open) throw new Error('remittance-end without remittance-start');
      if (event.claimCount !== open.claims.length) throw new Error('claimCount differs from the claims streamed');
      const { position, ...header } = open.header;
      const remittance: Remittance = {
        ...header,
        ...(event.headerNumbers.length > 0 ? { headerNumbers: event.headerNumbers } : {}),
        claims: open.claims,
        providerAdjustments: event.providerAdjustments,
        position,
      };
      out.transactions.push({ remittance, warnings: event.warnings, checks: [...open.checks, event.payment] });
      open = undefined;
    } else if (event.severity === 'warning') {
      out.findings.push(findingShape(event.error));
    } else if (event.scope === 'transaction') {
      out.transactions.push({ error: errorShape(event.error) });
      open = undefined;
    } else {
      out.fatal = { code: event.error.code, position: event.error.position };
    }
  }
  out.findings.sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  return out;
}
