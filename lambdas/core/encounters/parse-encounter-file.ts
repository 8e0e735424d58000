/**
 * Entry point for every intake format: sniffs the format from the content
 * (never from the file name) and dispatches. FHIR R4 is JSON with a
 * resourceType; other JSON is the native format; X12 starts with ISA (after
 * an optional BOM and white space); a CSV superbill is text whose first row
 * is a header naming the superbill's columns (default layout or the tenant's
 * mapping). HL7 v2 is text starting with MSH (or a FHS/BHS batch header);
 * its message type is checked per message (DFT^P03 only).
 */
import { looksLikeSuperbillHeader } from './csv-layout.js';
import { parseCsvSuperbill } from './csv-superbill.js';
import { tokenizeCsv } from './csv-tokenizer.js';
import { parseFhirEncounters } from './fhir-claim.js';
import { parseHl7v2Dft } from './hl7v2-dft.js';
import { parseNativeJson } from './native-json.js';
import { parseX12Encounters } from './x12-837.js';
import type { EncounterFormat, ParsedEncounters } from './types.js';

export interface ParseOptions {
  /** The tenant's CSV superbill column mapping (TenantConfig.csvMapping): header name → field. */
  csvMapping?: Readonly<Record<string, string>>;
  /** TenantConfig.defaultBillingProvider, for formats that carry none (HL7 v2 DFT). */
  defaultBillingProvider?: Record<string, unknown>;
}

export function detectFormat(text: string, options: ParseOptions = {}): EncounterFormat {
  const head = text.replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('{') || head.startsWith('[')) return isFhir(head) ? 'fhir-r4' : 'json';
  if (head.startsWith('ISA')) return 'x12-837';
  if (/^(MSH|FHS|BHS)[|^~\\&]/.test(head)) return 'hl7v2-dft';
  const firstLine = /^[^\r\n]*/.exec(head)?.[0] ?? '';
  const header = tokenizeCsv(firstLine).records[0];
  if (header && looksLikeSuperbillHeader(header.fields, options.csvMapping)) return 'csv-superbill';
  return 'unknown';
}

function isFhir(json: string): boolean {
  try {
    const document: unknown = JSON.parse(json);
    return document !== null && typeof document === 'object' && typeof (document as { resourceType?: unknown }).resourceType === 'string';
  } catch {
    return false;
  }
}

export function parseEncounterFile(text: string, tenantId: string, options: ParseOptions = {}): ParsedEncounters & { format: EncounterFormat } {
  const format = detectFormat(text, options);
  switch (format) {
    case 'json':
      return { format, ...parseNativeJson(text, tenantId) };
    case 'x12-837':
      return { format, ...parseX12Encounters(text, tenantId) };
    case 'fhir-r4':
      return { format, ...parseFhirEncounters(text, tenantId) };
    case 'hl7v2-dft':
      return { format, ...parseHl7v2Dft(text, tenantId, { defaultBillingProvider: options.defaultBillingProvider }) };
    case 'csv-superbill':
      return { format, ...parseCsvSuperbill(text, tenantId, { mapping: options.csvMapping }) };
    default:
      return {
        format,
        claims: [],
        problems: [{ position: 'line 1', message: 'unrecognised encounter format (expected native JSON, FHIR R4, an X12 837, an HL7 v2 DFT^P03 or a CSV superbill with a known header row)' }],
      };
  }
}
