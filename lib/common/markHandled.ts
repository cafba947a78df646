/**
 * `promise`, marked as handled: its failure is for whoever awaits it later, not an unhandled rejection when nobody
 * does (work started ahead that the caller may never need).
 *
 * @example
 * const next = markHandled(fetchNext()); // … later, maybe: await next
 */
export function markHandled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}
