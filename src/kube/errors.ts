/**
 * Turns what @kubernetes/client-node throws into the apiserver's own words: the Status object's
 * message (e.g. `violates PodSecurity "restricted:latest": ...`), code and reason.
 */
import { ApiException } from "@kubernetes/client-node";

export interface ApiFailure {
  readonly code: number;
  readonly reason: string;
  readonly message: string;
}

interface StatusLike {
  message?: unknown;
  reason?: unknown;
}

export function apiFailure(err: unknown): ApiFailure | undefined {
  if (!(err instanceof ApiException)) return undefined;
  const body: unknown = err.body;
  let status: StatusLike = {};
  if (typeof body === "string") {
    try {
      status = JSON.parse(body) as StatusLike;
    } catch {
      status = { message: body };
    }
  } else if (typeof body === "object" && body !== null) status = body as StatusLike;
  return {
    code: err.code,
    reason: typeof status.reason === "string" ? status.reason : "",
    message: typeof status.message === "string" ? status.message : String(err.message),
  };
}

export const isNotFound = (err: unknown): boolean => apiFailure(err)?.code === 404;
export const isConflict = (err: unknown): boolean => apiFailure(err)?.code === 409;
