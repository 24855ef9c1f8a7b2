import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

export const dockerfileFixtureDir = join(import.meta.dirname, "..", "fixtures", "dockerfiles");
export const corpusConfigFile = join(import.meta.dirname, "..", "fixtures", "image-config", "corpus.yaml");

export interface DockerfileFixture {
  /** Path relative to the fixture directory. */
  readonly name: string;
  readonly path: string;
  readonly source: string;
  /** "rule-id@line" for every finding the file must raise; empty for a good file. */
  readonly expected: readonly string[];
}

/** Every fixture with its `# expect: RULE LINE` trailer (or `# expect: none`). */
export function loadDockerfileFixtures(): DockerfileFixture[] {
  const out: DockerfileFixture[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else {
        const source = readFileSync(p, "utf8");
        const expected: string[] = [];
        let declared = false;
        for (const line of source.split("\n")) {
          const m = /^# expect: (none|([a-z-]+) (\d+))$/.exec(line.trim());
          if (!m) continue;
          declared = true;
          if (m[2] && m[3]) expected.push(`${m[2]}@${m[3]}`);
        }
        if (!declared) throw new Error(`fixture ${p} has no "# expect:" line`);
        out.push({ name: relative(dockerfileFixtureDir, p), path: p, source, expected: expected.sort() });
      }
    }
  };
  walk(dockerfileFixtureDir);
  return out;
}
