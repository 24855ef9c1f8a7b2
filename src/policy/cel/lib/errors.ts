/** An evaluation error raised by a Kubernetes library function (message text as cel-go words it). */
export class CelLibraryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CelLibraryError";
  }
}

export function fail(message: string): never {
  throw new CelLibraryError(message);
}

export const MAX_INT = 2n ** 63n - 1n;
export const MIN_INT = -(2n ** 63n);

export function checkInt(v: bigint): bigint {
  if (v > MAX_INT || v < MIN_INT) fail("integer overflow");
  return v;
}
