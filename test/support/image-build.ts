import { execFileSync } from "node:child_process";
import { join } from "node:path";

const repoRoot = join(import.meta.dirname, "..", "..");

/**
 * Builds (once; cached outside the repo) the real test images with scripts/image-fixtures.sh:
 * a debootstrap minbase Debian and a single static Go binary. Returns the OCI layout directory.
 */
export function testImage(which: "debian" | "static"): string {
  const out = execFileSync("bash", [join(repoRoot, "scripts", "image-fixtures.sh"), which], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    timeout: 15 * 60 * 1000,
  });
  const cache = out.trim().split("\n").pop() ?? "";
  return join(cache, which === "debian" ? "debian-minbase-v2" : "static-v2");
}
