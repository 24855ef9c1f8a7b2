import type { Style } from "./style.js";

/** What a command may touch of the outside world; tests pass their own. */
export interface CliContext {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  readonly style: Style;
  readonly errStyle: Style;
  readonly isInteractive: boolean;
  readonly readStdin: () => Promise<string>;
  /** Line-based prompt; only used when isInteractive. */
  readonly ask: (question: string) => Promise<string>;
  readonly now: () => Date;
}
