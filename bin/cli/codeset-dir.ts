/** Reads code-set artifacts from a local folder (the CLI's `--dir` / `--codesets`). */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeArtifact, isArtifactFileName } from '../../lambdas/core/codesets/artifact.js';
import { InMemoryCodeSets } from '../../lambdas/core/codesets/store.js';
import { CliUsageError } from './errors.js';

export async function loadCodeSetsFromDir(dir: string): Promise<InMemoryCodeSets> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    throw new CliUsageError(`${dir}: no such folder`);
  }
  const files = names.filter(isArtifactFileName).sort();
  const artifacts = await Promise.all(files.map(async (name) => decodeArtifact(name, await readFile(join(dir, name)))));
  return new InMemoryCodeSets(artifacts);
}
