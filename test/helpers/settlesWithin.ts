/** Resolves once `promise` has settled or `ms` have passed, saying which (for tests that show a transaction waits). */
export async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let settled = false;
  void promise.then(() => (settled = true), () => (settled = true));
  await new Promise((r) => setTimeout(r, ms));
  return settled;
}
