import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runImageCli } from "../support/image-cli.js";
import { testImage } from "../support/image-build.js";
import {
  dockerSaveArchive,
  makeTar,
  ociArchive,
  writeOciLayout,
  type TestImageSpec,
} from "../support/image-tar.js";

const tempDir = () => mkdtempSync(join(tmpdir(), "bespoke-image-inspect-"));

interface JsonOut {
  findings: { ruleId: string; message: string; severity: string }[];
  errors: { code: string; message: string }[];
  images: {
    shells: string[];
    packageManagers: string[];
    packageDatabases: string[];
    user: string;
    networkTools: string[];
    paths: number;
  }[];
}

async function inspectJson(
  target: string,
  extra: string[] = [],
): Promise<{ code: number; out: JsonOut; stderr: string }> {
  const r = await runImageCli(["image", "inspect", target, "--output", "json", ...extra], tempDir());
  return { code: r.code, out: JSON.parse(r.stdout) as JsonOut, stderr: r.stderr };
}

const labels = {
  "org.opencontainers.image.source": "https://git.example.org/x",
  "org.opencontainers.image.revision": "1",
  "org.opencontainers.image.base.name": "scratch",
  "org.opencontainers.image.base.digest": "",
};
const hardenedConfig = { User: "65532:65532", Entrypoint: ["/app"], Labels: labels };

describe("bespoke image inspect on real images", () => {
  it(
    "finds apt, dpkg, bash and the root user in a debootstrap Debian image",
    { timeout: 900_000 },
    async () => {
      const dir = testImage("debian");
      const { code, out } = await inspectJson(dir);
      expect(code).toBe(1);
      const img = out.images[0];
      expect(img?.shells).toEqual(expect.arrayContaining(["/usr/bin/bash", "/usr/bin/dash", "/usr/bin/sh"]));
      expect(img?.packageManagers).toEqual(
        expect.arrayContaining(["/usr/bin/apt", "/usr/bin/apt-get", "/usr/bin/dpkg"]),
      );
      expect(img?.packageDatabases).toContain("/var/lib/dpkg/status");
      const rules = new Set(out.findings.map((f) => f.ruleId));
      for (const r of ["package-manager", "shell", "user-root", "setuid", "interpreter"])
        expect(rules).toContain(r);
      expect(out.findings.find((f) => f.ruleId === "package-manager")?.message).toMatch(/apt-get.*dpkg/);
      expect(out.findings.find((f) => f.ruleId === "shell")?.message).toContain("/usr/bin/bash");
      expect(out.findings.filter((f) => f.ruleId === "setuid").map((f) => f.message)).toContain(
        "setuid/setgid file /usr/bin/su",
      );
      expect(out.findings.map((f) => f.ruleId)).not.toContain("world-writable"); // /tmp is 1777: sticky
    },
  );

  it("reports nothing for a single static binary run as a numeric user", { timeout: 300_000 }, async () => {
    const { code, out } = await inspectJson(testImage("static"));
    expect(out.errors).toEqual([]);
    expect(out.findings).toEqual([]);
    expect(out.images[0]?.paths).toBe(1);
    expect(code).toBe(0);
  });

  it("prints a text summary with the same facts", { timeout: 300_000 }, async () => {
    const r = await runImageCli(["image", "inspect", testImage("static")], tempDir());
    expect(r.stdout).toContain("user: 65532:65532");
    expect(r.stdout).toContain("shells: none");
    expect(r.code).toBe(0);
  });
});

describe("image formats", () => {
  const spec: TestImageSpec = {
    layers: [
      [
        { path: "usr/", type: "dir" },
        { path: "usr/bin/", type: "dir" },
        { path: "usr/bin/curl", mode: 0o755, content: "elf" },
        { path: "usr/bin/busybox", mode: 0o755, content: "elf" },
        { path: "bin", type: "symlink", linkname: "usr/bin" },
        {
          path: "etc/passwd",
          content: "root:x:0:0::/root:/bin/sh\napp:x:1000:1000::/home/app:/sbin/nologin\n",
        },
      ],
    ],
    config: { User: "app", Entrypoint: ["/app"], Labels: labels },
  };
  const expected = ["network-tool", "shell", "user-not-numeric"];

  it("reads an OCI layout directory", async () => {
    const { out } = await inspectJson(writeOciLayout(tempDir(), spec));
    expect(out.findings.map((f) => f.ruleId)).toEqual(expected);
    expect(out.findings.find((f) => f.ruleId === "user-not-numeric")?.message).toContain("UID 1000");
  });

  it("reads an OCI archive tarball", async () => {
    const file = join(tempDir(), "img.tar");
    writeFileSync(file, ociArchive(spec));
    const { out } = await inspectJson(file);
    expect(out.findings.map((f) => f.ruleId)).toEqual(expected);
  });

  it("reads a docker save tarball (manifest.json after the layers)", async () => {
    const file = join(tempDir(), "img.tar");
    writeFileSync(file, dockerSaveArchive(spec));
    const { out } = await inspectJson(file);
    expect(out.findings.map((f) => f.ruleId)).toEqual(expected);
  });

  it("reads plain (uncompressed) layers and long pax names", async () => {
    const long = `opt/${"deep/".repeat(30)}bin`;
    const dir = writeOciLayout(tempDir(), {
      gzip: false,
      layers: [
        [
          { path: `${long}/x`, content: "1" },
          { path: "usr/local/bin/wget", mode: 0o755, content: "x" },
        ],
      ],
      config: hardenedConfig,
    });
    const { out } = await inspectJson(dir);
    expect(out.findings.map((f) => f.message)).toEqual([
      "download/network tools present: /usr/local/bin/wget",
    ]);
  });
});

describe("layer compression and indexes", () => {
  const layers = [[{ path: "usr/bin/nc", mode: 0o755, content: "x" }]];
  it("reads zstd-compressed layers", async () => {
    const { out } = await inspectJson(
      writeOciLayout(tempDir(), { zstd: true, layers, config: hardenedConfig }),
    );
    expect(out.findings.map((f) => f.message)).toEqual(["download/network tools present: /usr/bin/nc"]);
  });
  it("follows a multi-platform index to the linux/amd64 manifest", async () => {
    const { out } = await inspectJson(
      writeOciLayout(tempDir(), { nestedIndex: true, layers, config: hardenedConfig }),
    );
    expect(out.errors).toEqual([]);
    expect(out.findings.map((f) => f.message)).toEqual(["download/network tools present: /usr/bin/nc"]);
  });
});

describe("config rules shared with lint", () => {
  it("flags secrets in Env, a shell-form Cmd, a root user by name and missing labels", async () => {
    const dir = writeOciLayout(tempDir(), {
      layers: [
        [
          { path: "bin/sh", mode: 0o755, content: "x" },
          { path: "etc/passwd", content: "admin:x:0:0::/:/bin/sh\n" },
        ],
      ],
      config: {
        User: "admin",
        Env: ["PATH=/bin", "DB_PASSWORD=hunter2"],
        Cmd: ["/bin/sh", "-c", "exec /app"],
      },
    });
    const { out } = await inspectJson(dir);
    expect(out.findings.map((f) => `${f.ruleId}: ${f.message}`)).toEqual([
      "oci-labels: config lacks labels org.opencontainers.image.source, org.opencontainers.image.revision, org.opencontainers.image.base.name, org.opencontainers.image.base.digest",
      "secret-in-env: config Env DB_PASSWORD looks like a secret",
      "shell-form-cmd: Cmd runs under /bin/sh -c and does not forward signals",
      "user-root: config User admin is root (UID 0 in /etc/passwd)",
    ]);
  });
});

describe("layers applied in order", () => {
  it("honours whiteouts and opaque directories", async () => {
    const dir = writeOciLayout(tempDir(), {
      config: hardenedConfig,
      layers: [
        [
          { path: "usr/bin/curl", mode: 0o755, content: "x" },
          { path: "usr/bin/wget", mode: 0o755, content: "x" },
          { path: "usr/local/bin/", type: "dir" },
          { path: "usr/local/bin/bash", mode: 0o755, content: "x" },
          { path: "tmp/", type: "dir", mode: 0o777 },
        ],
        [
          { path: "usr/bin/.wh.curl" },
          { path: "usr/local/bin/", type: "dir" },
          { path: "usr/local/bin/.wh..wh..opq" },
          { path: "usr/local/bin/app-helper", mode: 0o755, content: "x" },
          { path: "tmp/", type: "dir", mode: 0o1777 },
        ],
      ],
    });
    const { out } = await inspectJson(dir);
    expect(out.findings.map((f) => f.message)).toEqual(["download/network tools present: /usr/bin/wget"]);
  });

  it("flags setuid files and world-writable directories", async () => {
    const dir = writeOciLayout(tempDir(), {
      config: hardenedConfig,
      layers: [
        [
          { path: "usr/bin/helper", mode: 0o4755, content: "x" },
          { path: "data/", type: "dir", mode: 0o777 },
        ],
      ],
    });
    const { out } = await inspectJson(dir);
    expect(out.findings.map((f) => `${f.ruleId}: ${f.message}`)).toEqual([
      "setuid: setuid/setgid file /usr/bin/helper",
      "world-writable: world-writable directory without the sticky bit: /data",
    ]);
  });

  it("reports a layer path escaping the root with its layer, and never writes it anywhere", async () => {
    const work = tempDir();
    const dir = writeOciLayout(join(work, "img"), {
      config: hardenedConfig,
      layers: [
        [{ path: "ok", content: "1" }],
        [
          { path: "../../etc/evil", content: "x" },
          { path: "lnk", type: "hardlink", linkname: "../../../etc/shadow" },
        ],
      ],
    });
    const { code, out } = await inspectJson(dir);
    expect(code).toBe(1);
    const msgs = out.findings.filter((f) => f.ruleId === "unsafe-layer-path").map((f) => f.message);
    expect(msgs).toHaveLength(2);
    expect(msgs[0]).toMatch(
      /^layer 2 \(sha256:[0-9a-f]{12}\): \.\.\/\.\.\/etc\/evil: path escapes the image root$/,
    );
    expect(msgs[1]).toContain("hard link target ../../../etc/shadow");
    expect(readdirSync(work)).toEqual(["img"]);
  });

  it("reports a symlink loop with its path", async () => {
    const dir = writeOciLayout(tempDir(), {
      config: hardenedConfig,
      layers: [
        [
          { path: "a", type: "symlink", linkname: "b" },
          { path: "b", type: "symlink", linkname: "/a" },
          { path: "c", type: "symlink", linkname: "missing" },
        ],
      ],
    });
    const { out } = await inspectJson(dir);
    expect(out.findings.map((f) => f.message)).toEqual([
      "symbolic link loop at /a",
      "symbolic link loop at /b",
    ]);
  });
});

describe("unreadable images exit 2 with a clear error", () => {
  const spec: TestImageSpec = {
    config: hardenedConfig,
    layers: [[{ path: "app", mode: 0o755, content: "x".repeat(5000) }]],
  };

  it("a truncated archive", async () => {
    const file = join(tempDir(), "img.tar");
    const full = dockerSaveArchive(spec);
    writeFileSync(file, full.subarray(0, Math.floor(full.length / 2) + 100));
    const { code, out } = await inspectJson(file);
    expect(code).toBe(2);
    expect(out.errors[0]?.code).toMatch(/^BSP401[01]$/);
  });

  /** The single layer blob of an uncompressed OCI layout written from `spec`. */
  function plainLayer(): { dir: string; blob: string } {
    const dir = writeOciLayout(tempDir(), { ...spec, gzip: false });
    const blobs = join(dir, "blobs", "sha256");
    const layer = readdirSync(blobs).find(
      (f) => readFileSync(join(blobs, f)).subarray(0, 3).toString() === "app",
    );
    if (!layer) throw new Error("no layer blob");
    return { dir, blob: join(blobs, layer) };
  }

  it("a truncated layer names the layer, the path and the byte", async () => {
    const { dir, blob } = plainLayer();
    writeFileSync(blob, readFileSync(blob).subarray(0, 1512));
    const { code, out } = await inspectJson(dir);
    expect(code).toBe(2);
    expect(out.errors[0]?.code).toBe("BSP4010");
    expect(out.errors[0]?.message).toMatch(
      /^layer 1 \(sha256:[0-9a-f]{12}\): archive is truncated inside app \(at byte 1512\)$/,
    );
  });

  it("a layer whose stored bytes do not match its digest", async () => {
    const { dir, blob } = plainLayer();
    const b = readFileSync(blob);
    b[600] = 0x79; // inside app's body: still a well-formed tar
    writeFileSync(blob, b);
    const { code, out } = await inspectJson(dir);
    expect(code).toBe(2);
    expect(out.errors[0]?.code).toBe("BSP4010");
    expect(out.errors[0]?.message).toMatch(
      /^layer 1 \(sha256:[0-9a-f]{12}\): content digest is sha256:[0-9a-f]{64}, not sha256:[0-9a-f]{64}$/,
    );
  });

  it("a corrupt gzip layer", async () => {
    const dir = writeOciLayout(tempDir(), spec);
    const blobs = join(dir, "blobs", "sha256");
    for (const f of readdirSync(blobs)) {
      const b = readFileSync(join(blobs, f));
      if (b[0] === 0x1f && b[1] === 0x8b) {
        b.fill(0x41, 20, b.length - 8);
        writeFileSync(join(blobs, f), b);
      }
    }
    const { code, out } = await inspectJson(dir);
    expect(code).toBe(2);
    expect(out.errors[0]?.code).toBe("BSP4010");
    expect(out.errors[0]?.message).toMatch(/^layer 1 \(sha256:/);
  });

  it("a tar that is not an image, a missing path, a compressed archive", async () => {
    const work = tempDir();
    writeFileSync(join(work, "x.tar"), makeTar([{ path: "hello.txt", content: "hi" }]));
    writeFileSync(join(work, "x.tar.gz"), Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0]));
    writeFileSync(join(work, "junk.bin"), Buffer.from("this is not a tar archive at all".repeat(40)));
    const r = await runImageCli(["image", "inspect", "x.tar", "nope", "x.tar.gz", "junk.bin"], work);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain("x.tar: error BSP4011");
    expect(r.stdout).toContain("nope: error BSP4003");
    expect(r.stdout).toContain("x.tar.gz: error BSP4012");
    expect(r.stdout).toContain("junk.bin: error BSP4010");
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
  });
});
