/** `claimflow codesets import|list`: official downloads -> artifacts, and what a folder holds. */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { artifactFileName, ArtifactError, encodeArtifact } from '../../lambdas/core/codesets/artifact.js';
import { importCodeSetFile, mergeArtifacts, type ImportOptions } from '../../lambdas/core/codesets/import.js';
import { CodeSetImportError } from '../../lambdas/core/codesets/lines.js';
import { InMemoryCodeSets } from '../../lambdas/core/codesets/store.js';
import { ZipError } from '../../lambdas/core/codesets/zip.js';
import { loadCodeSetsFromDir } from './codeset-dir.js';
import { CliInputError, CliUsageError } from './errors.js';

export const DEFAULT_CODESETS_DIR = 'codesets/local';

export async function codesetsImportCommand(
  files: string[],
  options: { out?: string; version?: string; system?: string },
  stdout: NodeJS.WritableStream,
): Promise<void> {
  if (options.system !== undefined && options.system.toUpperCase() !== 'CPT') {
    throw new CliUsageError('--system only takes CPT (other code sets are recognised by their file names)');
  }
  const importOptions: ImportOptions = { ...(options.version ? { version: options.version } : {}), ...(options.system ? { system: 'CPT' as const } : {}) };
  const artifacts = [];
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch {
      throw new CliUsageError(`${file}: no such file`);
    }
    try {
      artifacts.push(...importCodeSetFile(file, bytes, importOptions));
    } catch (error) {
      if (error instanceof CodeSetImportError) throw new CliInputError(file, error.problems.map((p) => `${error.file}: ${p}`));
      if (error instanceof ZipError || error instanceof ArtifactError) throw new CliInputError(file, [error.message]);
      throw error;
    }
  }
  const out = options.out ?? DEFAULT_CODESETS_DIR;
  await mkdir(out, { recursive: true });
  const summary = new InMemoryCodeSets();
  for (const artifact of mergeArtifacts(artifacts)) {
    const name = artifactFileName(artifact.version);
    await writeFile(join(out, name), encodeArtifact(artifact));
    summary.add(artifact);
    stdout.write(`wrote ${join(out, name)}\n`);
  }
  printList(summary, stdout);
}

export async function codesetsListCommand(options: { dir?: string; json?: boolean }, stdout: NodeJS.WritableStream): Promise<void> {
  const started = performance.now();
  const sets = await loadCodeSetsFromDir(options.dir ?? DEFAULT_CODESETS_DIR);
  const ms = performance.now() - started;
  if (options.json) {
    stdout.write(`${JSON.stringify(sets.list(), null, 2)}\n`);
    return;
  }
  printList(sets, stdout);
  stdout.write(`loaded in ${ms.toFixed(0)} ms\n`);
}

function printList(sets: InMemoryCodeSets, stdout: NodeJS.WritableStream): void {
  const list = sets.list();
  if (list.length === 0) {
    stdout.write('no code sets loaded\n');
    return;
  }
  for (const s of list) {
    const window = `${s.version.effectiveFrom}..${s.version.effectiveTo ?? ''}`;
    const counts = s.billable === undefined ? `${s.count} rows` : `${s.count} codes (${s.billable} billable, ${s.headers} headers)`;
    stdout.write(`${s.version.system.padEnd(22)} ${s.version.version.padEnd(8)} ${window.padEnd(23)} ${counts}\n`);
  }
}
