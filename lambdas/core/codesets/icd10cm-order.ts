/** ICD-10-CM from the CMS order file (`icd10cm_order_<year>.txt`, inside the CMS code-descriptions zip). */
import type { Artifact } from './artifact.js';
import { fiscalYearVersion, parseOrderFile } from './order-file.js';

export const ICD10CM_ORDER_FILE = /^icd10cm_order_\d{4}\.txt$/i;

export function importIcd10CmOrder(file: string, text: string, options: { version?: string; container?: string } = {}): Artifact {
  const version = fiscalYearVersion('ICD-10-CM', options.container ? `${options.container}/${file}` : file, options.version);
  return { version, kind: 'codes', source: file, rows: parseOrderFile(file, text) };
}
