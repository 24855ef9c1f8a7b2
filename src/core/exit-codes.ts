/** Exit codes shared by every command (see README). */
export const ExitCode = {
  ok: 0,
  findings: 1,
  badInput: 2,
  internal: 3,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
