/**
 * Loads the code-set artifacts from the data bucket's tenant-independent
 * `codesets/` prefix. Called once per cold start; the promise is cached so
 * concurrent first invocations share one load.
 */
import { decodeArtifact, isArtifactFileName } from '../../core/codesets/artifact.js';
import { InMemoryCodeSets } from '../../core/codesets/store.js';
import type { ObjectStore } from '../../core/ports.js';
import { layout } from '../../core/tenant/layout.js';

export async function loadCodeSetsFromStore(store: Pick<ObjectStore, 'list' | 'get'>, prefix: string = layout.codesets): Promise<InMemoryCodeSets> {
  const keys = (await store.list(prefix)).filter(isArtifactFileName).sort();
  const artifacts = await Promise.all(keys.map(async (key) => decodeArtifact(key, (await store.get(key)).body)));
  return new InMemoryCodeSets(artifacts);
}

let cached: Promise<InMemoryCodeSets> | undefined;

export function codeSetsOnce(store: Pick<ObjectStore, 'list' | 'get'>): Promise<InMemoryCodeSets> {
  cached ??= loadCodeSetsFromStore(store).catch((error: unknown) => {
    cached = undefined; // let the next invocation retry
    throw error;
  });
  return cached;
}
