/**
 * Manifests newest first, so `[0]` is the latest partial computed: `createdAt` is an ISO timestamp, which orders as
 * text. Sorts in place.
 *
 * @example const latest = newestFirst(manifests.filter((m) => m.inputsFingerprint === fp))[0];
 */
export function newestFirst<M extends { createdAt: string }>(manifests: M[]): M[] {
  return manifests.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}
