/**
 * `claimflow x12 validate <file...> [--json]`: checks X12 files against the
 * implementation guides (lambdas/core/x12/validate). One line per finding:
 *   file: segment N (SEG, loop 2300, element CLM05-1) CODE: message
 * Exit 0 when no file has an error finding (warnings allowed), 1 otherwise,
 * 2 on usage errors (e.g. a missing file).
 */
import { readFile } from 'node:fs/promises';
import { claimsWithErrors, validateX12, type ValidationFinding } from '../../lambdas/core/x12/validate/index.js';
import { CliInputError, CliUsageError } from './errors.js';

export async function x12ValidateCommand(files: string[], options: { json?: boolean }, stdout: NodeJS.WritableStream): Promise<void> {
  const results = [];
  for (const file of files) {
    const report = validateX12(await readBytes(file));
    results.push({ file, report });
  }
  if (options.json) {
    const json = results.map(({ file, report }) => ({
      file,
      errorCount: report.errorCount,
      warningCount: report.warningCount,
      findings: report.findings,
      claimsWithErrors: claimsWithErrors(report).map(({ findings, ...claim }) => ({ ...claim, findingCount: findings.length })),
    }));
    stdout.write(`${JSON.stringify({ files: json }, null, 2)}\n`);
  } else {
    for (const { file, report } of results) {
      for (const finding of report.findings) stdout.write(`${formatFinding(file, finding)}\n`);
      stdout.write(`${file}: ${report.errorCount === 0 ? 'conformant' : 'NOT conformant'} (${report.errorCount} error(s), ${report.warningCount} warning(s))\n`);
    }
  }
  const failed = results.filter((r) => r.report.errorCount > 0);
  if (failed.length > 0) {
    throw new CliInputError(failed.map(({ file, report }) => ({ file, problem: `${report.errorCount} implementation-guide error(s)` })));
  }
}

export function formatFinding(file: string, finding: ValidationFinding): string {
  const where = [
    finding.segmentId,
    finding.loopId ? `loop ${finding.loopId}` : undefined,
    finding.element ? `element ${finding.element}` : undefined,
    finding.claimId !== undefined ? `claim ${finding.claimId}` : undefined,
  ].filter(Boolean);
  const position = finding.position !== undefined ? `segment ${finding.position}` : 'file';
  const severity = finding.severity === 'warning' ? ' (warning)' : '';
  return `${file}: ${position}${where.length ? ` (${where.join(', ')})` : ''} ${finding.code}${severity}: ${finding.message}`;
}

async function readBytes(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliUsageError(`${file}: no such file`);
    throw new CliInputError(file, [`cannot read file (${code ?? 'error'})`]);
  }
}
