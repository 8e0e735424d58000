/**
 * `claimflow x12 837 <encounter files…>`: native JSON encounters -> one 837
 * interchange for one receiver, written with the receiver's envelope policy
 * (ISA/GS ids, usage, delimiters): a GS 005010X222A1 for professional claims
 * and a GS 005010X223A2 for institutional ones, as the batch step writes it.
 * ISA13 and the first group's GS06 are --control-number; a second group's
 * GS06 is the next number. Invalid claims stop the command (exit 1) with
 * every problem named by file, position and field; nothing partial is written.
 */
import { writeFile } from 'node:fs/promises';
import type { Claim } from '../../lambdas/core/claim/model.js';
import { submissionFindings } from '../../lambdas/core/claim/submission-checks.js';
import { hasErrors } from '../../lambdas/core/claim/validate.js';
import { parseNativeJson } from '../../lambdas/core/encounters/native-json.js';
import { receiverForPayer, type Receiver } from '../../lambdas/core/tenant/config.js';
import { claimTypesIn, write837Interchange } from '../../lambdas/core/x12/837/write-837.js';
import { CliInputError, CliUsageError } from './errors.js';
import { loadTenant, readText } from './files.js';

export interface X12837Options {
  tenant?: string;
  out?: string;
  receiver?: string;
  controlNumber?: string;
}

export async function x12837Command(files: string[], options: X12837Options, stdout: NodeJS.WritableStream): Promise<void> {
  const tenant = await loadTenant(options.tenant);
  const claims: Claim[] = [];
  const invalid: Array<{ file: string; problem: string }> = [];
  for (const file of files) {
    const parsed = parseNativeJson(await readText(file), tenant.tenantId);
    const problems = parsed.problems.map((p) => `${p.position}: ${p.message}`);
    for (const { claim, position } of parsed.claims) {
      const findings = submissionFindings(claim);
      if (hasErrors(findings)) {
        problems.push(...findings.filter((f) => f.severity === 'error').map((f) => `${position}.${f.path ?? ''}: ${f.message} [${f.ruleId}]`));
      }
      claims.push(claim);
    }
    invalid.push(...problems.map((problem) => ({ file, problem })));
  }
  if (invalid.length > 0) throw new CliInputError(invalid);
  if (claims.length === 0) throw new CliUsageError('no claims in the given files');

  const receiver = chooseReceiver(tenant.receivers, claims, options.receiver, (payerId) => receiverForPayer(tenant, payerId));
  const controlNumber = options.controlNumber === undefined ? 1 : Number(options.controlNumber);
  if (!Number.isInteger(controlNumber) || controlNumber < 1 || controlNumber > 999_999_999) {
    throw new CliUsageError('--control-number must be an integer from 1 to 999999999');
  }
  const groupControlNumbers = Object.fromEntries(claimTypesIn(claims).map((type, i) => [type, ((controlNumber - 1 + i) % 999_999_999) + 1]));
  const { text: x12 } = write837Interchange({ claims, tenant, receiver, isaControlNumber: controlNumber, groupControlNumbers, createdAt: new Date() });
  if (options.out) await writeFile(options.out, x12);
  else stdout.write(x12.endsWith('\n') ? x12 : `${x12}\n`);
}

function chooseReceiver(
  receivers: Receiver[],
  claims: Claim[],
  requested: string | undefined,
  route: (payerId: string) => Receiver | undefined,
): Receiver {
  if (requested) {
    const receiver = receivers.find((r) => r.id === requested);
    if (!receiver) throw new CliUsageError(`--receiver ${requested}: the tenant has no such receiver`);
    return receiver;
  }
  const routed = new Set(claims.map((claim) => route(claim.payer.payerId)?.id));
  if (routed.size === 1) {
    const [only] = routed;
    const receiver = receivers.find((r) => r.id === only);
    if (receiver) return receiver;
  }
  if (routed.has(undefined)) throw new CliUsageError('a payer is not routed to any receiver of the tenant; pass --receiver');
  throw new CliUsageError('the claims route to several receivers; pass --receiver <id> to choose one');
}
