/** ICD-10-PCS from the CMS order file (`icd10pcs_order_<year>.txt`); same fixed-width layout as ICD-10-CM. */
import type { Artifact } from './artifact.js';
import { fiscalYearVersion, parseOrderFile } from './order-file.js';

export const ICD10PCS_ORDER_FILE = /^icd10pcs_order_\d{4}\.txt$/i;

export function importIcd10PcsOrder(file: string, text: string, options: { version?: string; container?: string } = {}): Artifact {
  const version = fiscalYearVersion('ICD-10-PCS', options.container ? `${options.container}/${file}` : file, options.version);
  return { version, kind: 'codes', source: file, rows: parseOrderFile(file, text) };
}
