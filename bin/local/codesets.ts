/**
 * Puts a folder of code-set artifacts under the data bucket's `codesets/`
 * prefix, where the intake Lambda loads them at cold start. The demo uploads
 * the hand-written fixture (codesets/fixture), which holds every code the
 * examples use, so their clean claims are scrubbed without false errors.
 */
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isArtifactFileName } from '../../lambdas/core/codesets/artifact.js';
import { layout } from '../../lambdas/core/tenant/layout.js';

/** The repository's codesets/fixture, wherever the command is run from. */
export const DEMO_CODESETS_DIR = fileURLToPath(new URL('../../codesets/fixture/', import.meta.url));

export async function uploadCodeSets(s3: S3Client, bucket: string, dir: string = DEMO_CODESETS_DIR): Promise<number> {
  const names = (await readdir(dir)).filter(isArtifactFileName).sort();
  for (const name of names) {
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: `${layout.codesets}${name}`, Body: await readFile(join(dir, name)) }));
  }
  return names.length;
}
