/**
 * Entry point for every intake format: sniffs the format from the content
 * and dispatches. Native JSON and practice systems' 837 files (a leading ISA
 * after an optional BOM and white space); CSV, FHIR and HL7 v2 plug in here
 * (later issues) without touching the handlers.
 */
import { parseNativeJson } from './native-json.js';
import { parseX12Encounters } from './x12-837.js';
import type { EncounterFormat, ParsedEncounters } from './types.js';

export function detectFormat(text: string): EncounterFormat {
  const head = text.replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('{') || head.startsWith('[')) return 'json';
  if (head.startsWith('ISA')) return 'x12-837';
  return 'unknown';
}

export function parseEncounterFile(text: string, tenantId: string): ParsedEncounters & { format: EncounterFormat } {
  const format = detectFormat(text);
  switch (format) {
    case 'json':
      return { format, ...parseNativeJson(text, tenantId) };
    case 'x12-837':
      return { format, ...parseX12Encounters(text, tenantId) };
    default:
      return {
        format,
        claims: [],
        problems: [{ position: 'line 1', message: 'unrecognised encounter format (expected native JSON or an X12 837)' }],
      };
  }
}
