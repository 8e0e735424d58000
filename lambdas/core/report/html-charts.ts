/**
 * The report's charts as inline SVG, drawn when the page is rendered: no
 * script, no external resource. Each bar carries `data-figure` (the same id
 * as the table cell it shows) and `data-value` (the exact figure), so a
 * browser test can read what is drawn. Pixel geometry is the only place
 * amounts become floating point; the figures themselves stay decimal strings.
 */
import { CLAIM_STATUSES } from '../claim/state-machine.js';
import { toCents } from '../money.js';
import { esc } from './html-escape.js';
import { AGE_COLUMN_LABELS, type DenialRow, type PayerRow, type StatusAgeTable } from './model.js';

/** Colour-blind-friendly palette (Okabe–Ito, extended); statuses take colours in CLAIM_STATUSES order. */
const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#F0E442', '#000000', '#999999', '#882255', '#44AA99'];

export function statusColour(status: string): string {
  const index = (CLAIM_STATUSES as readonly string[]).indexOf(status);
  return PALETTE[(index < 0 ? PALETTE.length - 1 : index) % PALETTE.length] ?? '#777777';
}

const px = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '0');

function svgOpen(width: number, height: number, label: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-label="${esc(label)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`;
}

function bar(x: number, y: number, w: number, h: number, fill: string, figure: string, value: string, title: string): string {
  return `<rect x="${px(x)}" y="${px(y)}" width="${px(Math.max(0, w))}" height="${px(Math.max(0, h))}" fill="${esc(fill)}" data-figure="${esc(figure)}" data-value="${esc(value)}"><title>${esc(title)}</title></rect>`;
}

function text(x: number, y: number, content: string, anchor: 'start' | 'middle' | 'end' = 'start'): string {
  return `<text x="${px(x)}" y="${px(y)}" text-anchor="${anchor}">${esc(content)}</text>`;
}

/** Claims by age column, stacked by status. */
export function statusAgeChart(table: StatusAgeTable): string {
  const colWidth = 90;
  const left = 40;
  const plotHeight = 180;
  const top = 20;
  const legendTop = top + plotHeight + 40;
  const statuses = table.rows.filter((r) => r.total > 0);
  const width = Math.max(left + table.columns.length * colWidth + 20, 480);
  const height = legendTop + Math.ceil(statuses.length / 4) * 18 + 10;
  const max = Math.max(1, ...table.columns.map((c) => table.totals[c]));
  const parts = [svgOpen(width, height, 'Claims by age since submission, stacked by status')];
  parts.push(`<line x1="${left}" y1="${top + plotHeight}" x2="${width - 10}" y2="${top + plotHeight}" stroke="#444"/>`);
  parts.push(text(left - 6, top + 4, String(max), 'end'), text(left - 6, top + plotHeight, '0', 'end'));
  table.columns.forEach((column, i) => {
    const x = left + i * colWidth + 15;
    let y = top + plotHeight;
    for (const row of statuses) {
      const count = row.counts[column];
      if (count === 0) continue;
      const h = (count / max) * plotHeight;
      y -= h;
      parts.push(bar(x, y, colWidth - 30, h, statusColour(row.status), `statusAge.${row.status}.${column}`, String(count), `${row.status}, ${AGE_COLUMN_LABELS[column]}: ${count}`));
    }
    parts.push(text(x + (colWidth - 30) / 2, top + plotHeight + 16, AGE_COLUMN_LABELS[column], 'middle'));
    parts.push(text(x + (colWidth - 30) / 2, y - 4, String(table.totals[column]), 'middle'));
  });
  statuses.forEach((row, i) => {
    const x = left + (i % 4) * 130;
    const y = legendTop + Math.floor(i / 4) * 18;
    parts.push(`<rect x="${x}" y="${y - 10}" width="10" height="10" fill="${esc(statusColour(row.status))}"/>`, text(x + 14, y, row.status.replace(/_/g, ' ')));
  });
  parts.push('</svg>');
  return parts.join('');
}

/** Per payer: one horizontal bar, paid then adjustments (together: what the payer adjudicated). */
export function payerChart(payers: readonly PayerRow[]): string {
  const labelWidth = 240;
  const plotWidth = 420;
  const rowHeight = 26;
  const top = 24;
  const height = top + Math.max(1, payers.length) * rowHeight + 10;
  const cents = (v: string) => Math.max(0, toCents(v));
  const max = Math.max(1, ...payers.map((p) => cents(p.paid) + cents(p.adjustments)));
  const parts = [svgOpen(labelWidth + plotWidth + 120, height, 'Paid and adjustments by payer')];
  parts.push(`<rect x="${labelWidth}" y="4" width="10" height="10" fill="${PALETTE[2]}"/>`, text(labelWidth + 14, 13, 'paid'));
  parts.push(`<rect x="${labelWidth + 60}" y="4" width="10" height="10" fill="${PALETTE[1]}"/>`, text(labelWidth + 74, 13, 'adjustments'));
  payers.forEach((p, i) => {
    const y = top + i * rowHeight;
    const paidWidth = (cents(p.paid) / max) * plotWidth;
    const adjWidth = (cents(p.adjustments) / max) * plotWidth;
    const name = p.payerName.length > 26 ? `${p.payerName.slice(0, 25)}…` : p.payerName;
    parts.push(text(labelWidth - 8, y + 15, `${name} (${p.payerId})`, 'end'));
    parts.push(bar(labelWidth, y, paidWidth, rowHeight - 8, PALETTE[2] ?? '#009E73', `payer.${p.payerId}.paid`, p.paid, `${p.payerName} paid ${p.paid}`));
    parts.push(bar(labelWidth + paidWidth, y, adjWidth, rowHeight - 8, PALETTE[1] ?? '#D55E00', `payer.${p.payerId}.adjustments`, p.adjustments, `${p.payerName} adjustments ${p.adjustments}`));
    parts.push(text(labelWidth + paidWidth + adjWidth + 6, y + 14, `${p.paid} + ${p.adjustments}`));
  });
  parts.push('</svg>');
  return parts.join('');
}

/** Denied amount per group and CARC, largest first. */
export function denialChart(denials: readonly DenialRow[]): string {
  const labelWidth = 90;
  const plotWidth = 420;
  const rowHeight = 22;
  const height = 10 + Math.max(1, denials.length) * rowHeight;
  const max = Math.max(1, ...denials.map((d) => Math.max(0, toCents(d.amount))));
  const parts = [svgOpen(labelWidth + plotWidth + 100, height, 'Denied amount by adjustment group and CARC')];
  denials.forEach((d, i) => {
    const y = 6 + i * rowHeight;
    const w = (Math.max(0, toCents(d.amount)) / max) * plotWidth;
    const id = `${d.group}-${d.reason}`;
    parts.push(text(labelWidth - 8, y + 13, id, 'end'));
    parts.push(bar(labelWidth, y, w, rowHeight - 6, PALETTE[9] ?? '#882255', `denial.${id}.amount`, d.amount, `${id}${d.description ? ` ${d.description}` : ''}: ${d.amount}`));
    parts.push(text(labelWidth + w + 6, y + 13, d.amount));
  });
  parts.push('</svg>');
  return parts.join('');
}
