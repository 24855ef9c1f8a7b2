import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseImageRef, isAllowedRegistry } from "../../src/image/knowledge/image-ref.js";
import { lintDockerfile } from "../../src/image/lint/lint-dockerfile.js";
import { defaultImageConfig } from "../../src/image/config.js";
import { simpleCommands, packageBaseName } from "../../src/image/lint/shell-commands.js";
import { plainWords } from "../../src/image/lint/fix.js";

const component = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,6}[a-z0-9])?$/);
const tag = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,10}$/);
const hex = fc.stringMatching(/^[0-9a-f]{64}$/);

describe("image references", () => {
  it("parse back into the parts they were built from", () => {
    fc.assert(
      fc.property(
        fc.option(
          component.map((c) => `${c}.example`),
          { nil: undefined },
        ),
        fc.array(component, { minLength: 1, maxLength: 3 }),
        fc.option(tag, { nil: undefined }),
        fc.option(hex, { nil: undefined }),
        (host, path, t, d) => {
          const raw = `${host ? host + "/" : ""}${path.join("/")}${t ? ":" + t : ""}${d ? "@sha256:" + d : ""}`;
          const ref = parseImageRef(raw);
          expect(ref).toBeDefined();
          expect(ref?.registry).toBe(host ?? "docker.io");
          expect(ref?.repository).toBe(
            host || path.length > 1 ? path.join("/") : `library/${path.join("/")}`,
          );
          expect(ref?.tag).toBe(t);
          expect(ref?.digest).toBe(d ? `sha256:${d}` : undefined);
          // An image is always allowed by its own registry, never by a sibling with a longer name.
          if (ref) {
            expect(isAllowedRegistry(ref, [ref.registry])).toBe(true);
            expect(isAllowedRegistry(ref, [`${ref.registry}x`])).toBe(false);
          }
        },
      ),
    );
  });
});

describe("lint robustness", () => {
  const line = fc.oneof(
    fc.constantFrom(
      "FROM debian:bookworm",
      "FROM scratch AS b",
      "RUN apt-get install -y curl",
      "USER 1000",
      "USER root",
      "CMD echo",
      'CMD ["/app"]',
      "ARG X=1",
      "ENV TOKEN=1",
      "COPY --from=b /a /b",
      "RUN <<EOT",
      "EOT",
      "# bespoke-ignore user-root ok",
      "\\",
      "ONBUILD RUN x",
    ),
    fc.string({ maxLength: 30 }).filter((s) => !s.includes("\u0000")),
  );
  it("never throws and reports lines inside the file, sorted rules known", () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 25 }), (lines) => {
        const src = lines.join("\n");
        const r = lintDockerfile("Dockerfile", src, defaultImageConfig);
        const count = src.split("\n").length;
        for (const f of r.findings) {
          expect(f.line ?? 1).toBeGreaterThanOrEqual(1);
          expect(f.line ?? 1).toBeLessThanOrEqual(count);
        }
        if (src.trim() === "") expect(r.error?.code).toBe("BSP4001");
      }),
      { numRuns: 300 },
    );
  });

  it("is deterministic", () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 15 }), (lines) => {
        const src = lines.join("\n");
        expect(lintDockerfile("D", src, defaultImageConfig)).toEqual(
          lintDockerfile("D", src, defaultImageConfig),
        );
      }),
      { numRuns: 100 },
    );
  });
});

describe("shell reading", () => {
  const prefixes = new Set(["sudo", "then", "do", "else", "if", "exec", "time", "nohup", "env"]);
  const word = fc.stringMatching(/^[a-z0-9./-]{1,8}$/).filter((w) => !prefixes.has(w));
  it("splits && chains into their commands", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(word, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
        (cmds) => {
          const script = cmds.map((c) => c.join(" ")).join(" && \\\n  ");
          expect(simpleCommands(script)).toEqual(cmds);
        },
      ),
    );
  });
  it("strips versions from package names", () => {
    fc.assert(
      fc.property(component, tag, (name, version) => {
        expect(packageBaseName(`${name}=${version}`)).toBe(name);
        expect(packageBaseName(`${name}>=${version}`)).toBe(name);
      }),
    );
  });
  it("exec-form fix keeps the words of a plain command", () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), (ws) => {
        expect(plainWords(ws.join("  "))).toEqual(ws);
      }),
    );
  });
});
