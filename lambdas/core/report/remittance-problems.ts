/**
 * Unmatched and unbalanced remittances: the remittance exception records
 * (REMITTANCE_EXCEPTION_KINDS), and the remittance records that did not
 * balance, could not be evaluated, carry no balance result, or were held.
 * An exception's detail is reduced to a whitelist of figures: the detail may
 * also hold the claim id (CLP01), which the report never shows.
 */
import { isMoney } from '../money.js';
import type { ExceptionRecord, RemittanceRecord } from '../ports.js';
import {
  REMITTANCE_EXCEPTION_KINDS,
  type BalanceState,
  type FlaggedRemittanceRow,
  type RemittanceExceptionKind,
  type RemittanceExceptionRow,
  type RemittanceProblems,
} from './model.js';

/** Detail keys shown, and only when their value is a scalar (or a list of scalars). */
export const EXCEPTION_FIGURE_KEYS = [
  'remittanceId',
  'postingId',
  'traceNumber',
  'check',
  'expected',
  'actual',
  'difference',
  'missing',
  'claimStatusCode',
  'payerClaimControlNumber',
  'charge',
  'paid',
  'line',
  'procedureCode',
] as const;

function figureText(value: unknown): string | undefined {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value.length <= 60 ? value : undefined;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) return value.join(', ');
  return undefined;
}

export function exceptionFigures(detail: Record<string, unknown> | undefined): Record<string, string> {
  const figures: Record<string, string> = {};
  for (const key of EXCEPTION_FIGURE_KEYS) {
    const text = figureText(detail?.[key]);
    if (text !== undefined) figures[key] = text;
  }
  return figures;
}

const isRemittanceKind = (kind: string): kind is RemittanceExceptionKind => (REMITTANCE_EXCEPTION_KINDS as readonly string[]).includes(kind);

export function balanceState(record: RemittanceRecord): BalanceState {
  if (record.balanced === true) return 'balanced';
  if (record.balanced === false) return 'unbalanced';
  if (record.balanced === 'not-evaluable') return 'not-evaluable';
  return 'not-recorded';
}

function flaggedRow(r: RemittanceRecord): FlaggedRemittanceRow {
  return {
    remittanceId: r.remittanceId,
    file: r.file,
    ...(r.payerId !== undefined ? { payerId: r.payerId } : {}),
    ...(r.payerName !== undefined ? { payerName: r.payerName } : {}),
    ...(r.traceNumber !== undefined ? { traceNumber: r.traceNumber } : {}),
    paymentAmount: isMoney(r.paymentAmount) ? r.paymentAmount : '?',
    ...(r.paymentDate !== undefined ? { paymentDate: r.paymentDate } : {}),
    claimCount: r.claimCount,
    postedClaims: r.postedClaims,
    exceptions: r.exceptions,
    ...(r.state !== undefined ? { state: r.state } : {}),
    balance: balanceState(r),
    receivedAt: r.receivedAt,
  };
}

export function remittanceProblems(exceptions: readonly ExceptionRecord[], remittances: readonly RemittanceRecord[]): RemittanceProblems {
  const exceptionCounts = Object.fromEntries(REMITTANCE_EXCEPTION_KINDS.map((k) => [k, 0])) as Record<RemittanceExceptionKind, number>;
  const rows: RemittanceExceptionRow[] = [];
  for (const e of exceptions) {
    if (!isRemittanceKind(e.kind)) continue;
    exceptionCounts[e.kind]++;
    rows.push({
      kind: e.kind,
      file: e.file,
      ...(e.position !== undefined ? { position: e.position } : {}),
      message: e.message,
      at: e.at,
      figures: exceptionFigures(e.detail),
    });
  }
  rows.sort((a, b) => b.at.localeCompare(a.at) || a.file.localeCompare(b.file) || (a.position ?? '').localeCompare(b.position ?? '', 'en', { numeric: true }));
  const flagged = remittances
    .filter((r) => r.balanced !== true || r.state === 'held')
    .map(flaggedRow)
    .sort((a, b) => b.receivedAt.localeCompare(a.receivedAt) || a.remittanceId.localeCompare(b.remittanceId));
  return { exceptionCounts, exceptions: rows, remittances: flagged, remittanceCount: remittances.length };
}
