/**
 * FHIR R4 reference resolution inside one document: a Bundle's entries (by
 * fullUrl, "urn:uuid:...", and "Type/id", also as the tail of an absolute
 * URL) and a resource's contained resources ("#id"). Nothing is fetched:
 * a reference that points outside the document stays unresolved.
 */

export type FhirResource = Record<string, unknown> & { resourceType: string; id?: string };

export interface FhirIndex {
  /** The resource a Reference points at, when it is inside the document and of the expected type. */
  resolve(reference: unknown, types: readonly string[]): FhirResource | undefined;
}

export const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

export const isResource = (value: unknown): value is FhirResource => isObject(value) && typeof value.resourceType === 'string';

export function buildIndex(entries: ReadonlyArray<{ fullUrl?: unknown; resource: FhirResource }>, container?: FhirResource): FhirIndex {
  const byKey = new Map<string, FhirResource>();
  for (const { fullUrl, resource } of entries) {
    if (typeof fullUrl === 'string' && fullUrl) byKey.set(fullUrl, resource);
    if (typeof resource.id === 'string') byKey.set(`${resource.resourceType}/${resource.id}`, resource);
  }
  const contained = Array.isArray(container?.contained) ? container.contained.filter(isResource) : [];
  for (const resource of contained) if (typeof resource.id === 'string') byKey.set(`#${resource.id}`, resource);

  return {
    resolve(reference, types) {
      if (!isObject(reference) || typeof reference.reference !== 'string') return undefined;
      const ref = reference.reference.trim();
      // An absolute URL ending in Type/id also matches an entry known only by Type/id (and vice versa).
      const tail = /([A-Za-z]+\/[A-Za-z0-9\-.]{1,64})(\/_history\/[^/]+)?$/.exec(ref)?.[1];
      const found = byKey.get(ref) ?? (tail ? byKey.get(tail) : undefined);
      return found && types.includes(found.resourceType) ? found : undefined;
    },
  };
}
