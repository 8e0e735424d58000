/**
 * Shared inputs of the X12 property tests: a tenant, the delimiter sets the
 * files are written with, and seeded batches of what the writers accept
 * (claims without error-level submission findings, generated remittances).
 */
import type { Claim } from '../../lambdas/core/claim/model.js';
import { submissionFindings } from '../../lambdas/core/claim/submission-checks.js';
import type { Remittance } from '../../lambdas/core/x12/835/model.js';
import type { Write835Options } from '../../lambdas/core/x12/835/write-835.js';
import { TenantConfig } from '../../lambdas/core/tenant/config.js';
import type { Delimiters } from '../../lambdas/core/x12/types.js';
import { ClaimGenerator, type ClaimGeneratorOptions } from './claim-generator.js';
import { Random } from './random.js';
import { RemittanceGenerator, type RemittanceGeneratorOptions } from './remittance-generator.js';

export const PROPERTY_TENANT = TenantConfig.parse({
  tenantId: 'prop-test',
  name: 'Property Test Billing',
  schedule: { expression: 'cron(0 18 ? * MON-FRI *)', timezone: 'America/Chicago' },
  submitter: { name: "Property Test Billing, Inc.", identifier: 'PTB001', contactName: 'EDI Desk', phone: '5555550100' },
  interchange: { senderQualifier: 'ZZ', senderId: 'PROPTEST', gsSenderCode: 'PROPTEST', usage: 'T' },
  receivers: [
    { id: 'house', name: 'Test Clearinghouse', identifier: 'TESTCH', isaQualifier: 'ZZ', isaId: 'TESTCH', gsReceiverCode: 'TESTCH', default: true },
  ],
});

/** Delimiter sets in use in the wild: the default, pipes with newline terminators, and less common printable ones. */
export const DELIMITER_SETS: ReadonlyArray<Required<Delimiters>> = [
  { element: '*', component: ':', repetition: '^', segment: '~' },
  { element: '|', component: '>', repetition: '^', segment: '\n' },
  { element: '^', component: '\\', repetition: '{', segment: '}' },
  { element: '!', component: '`', repetition: '@', segment: "'" },
  { element: '\u001d', component: ':', repetition: '^', segment: '\u001c' },
];

export interface ClaimFile {
  seed: number;
  claims: Claim[];
  /** How many generated claims submissionFindings refused. */
  refused: number;
  delimiters: Required<Delimiters>;
  lineBreak: '' | '\n' | '\r\n';
}

/** The claims of one 837P file: a generated batch minus the claims intake would refuse. */
export function claimFile(seed: number, options: ClaimGeneratorOptions = {}): ClaimFile {
  const generator = new ClaimGenerator(new Random(seed), { tenantId: PROPERTY_TENANT.tenantId, ...options });
  const batch = generator.batch();
  const claims = batch.filter((claim) => !submissionFindings(claim).some((finding) => finding.severity === 'error'));
  return {
    seed,
    claims,
    refused: batch.length - claims.length,
    delimiters: DELIMITER_SETS[seed % DELIMITER_SETS.length] as Required<Delimiters>,
    lineBreak: (['', '\n', '\r\n'] as const)[seed % 3] as ClaimFile['lineBreak'],
  };
}

export interface RemittanceFile {
  seed: number;
  remittances: Remittance[];
  options: Write835Options;
}

/** One to three generated remittances (one 835 transaction set each) and the envelope to write them in. */
export function remittanceFile(seed: number, options: RemittanceGeneratorOptions = {}): RemittanceFile {
  const random = new Random(seed);
  const generator = new RemittanceGenerator(random, options);
  const remittances = Array.from({ length: random.int(1, 3) }, () => generator.remittance());
  return {
    seed,
    remittances,
    options: {
      senderQualifier: 'ZZ',
      senderId: 'PROPPAYER',
      receiverQualifier: 'ZZ',
      receiverId: 'PROPCLINIC',
      controlNumber: seed,
      createdAt: new Date(Date.UTC(2026, 0, 1) + seed * 3_600_000),
      timeZone: 'America/New_York',
      delimiters: DELIMITER_SETS[seed % DELIMITER_SETS.length],
      lineBreak: (['', '\n', '\r\n'] as const)[seed % 3],
    },
  };
}
