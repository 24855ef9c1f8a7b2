// `image inspect` throughput (MB/s of stored layers) and peak RSS on the debootstrap Debian image,
// next to two baselines in the same run: plain gunzip of the same layers, and an empty Node process.
import { execFileSync, spawnSync } from "node:child_process";
import {
  createReadStream,
  createWriteStream,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createGunzip, createGzip } from "node:zlib";
import { pipeline } from "node:stream/promises";
import { Writable } from "node:stream";

const root = join(import.meta.dirname, "..");
const runs = Number(process.argv[2] ?? "3");

if (process.argv[2] === "--child") {
  const { runImageInspect } = await import("../src/image/inspect/run-inspect.js");
  const { defaultImageConfig } = await import("../src/image/config.js");
  const t0 = performance.now();
  const r = await runImageInspect([process.argv[3] ?? ""], {
    config: defaultImageConfig,
    cwd: process.cwd(),
    tool: { name: "bespoke", version: "bench" },
  });
  const secs = (performance.now() - t0) / 1000;
  const img = r.images[0];
  console.log(
    JSON.stringify({
      secs,
      bytes: img?.bytesRead ?? 0,
      paths: img?.inventory.paths ?? 0,
      findings: r.report.findings.length,
      maxRssKb: process.resourceUsage().maxRSS,
    }),
  );
  process.exit(0);
}

const cache =
  execFileSync("bash", [join(root, "scripts", "image-fixtures.sh"), "debian"], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  })
    .trim()
    .split("\n")
    .pop() ?? "";
const image = join(cache, "debian-minbase-v2");
const blobs = join(image, "blobs", "sha256");
const layers = readdirSync(blobs).filter((f) => statSync(join(blobs, f)).size > 1 << 20);
const stored = layers.reduce((n, f) => n + statSync(join(blobs, f)).size, 0);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

const gz: number[] = [];
let plain = 0;
for (let r = 0; r < runs; r++) {
  const t0 = performance.now();
  plain = 0;
  for (const l of layers) {
    await pipeline(
      createReadStream(join(blobs, l)),
      createGunzip(),
      new Writable({
        write: (c: Buffer, _e, cb) => {
          plain += c.length;
          cb();
        },
      }),
    );
  }
  gz.push((performance.now() - t0) / 1000);
}
const child = (args: string[]) => {
  const out = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8" });
  if (out.status !== 0) throw new Error(out.stderr);
  return JSON.parse(out.stdout.trim().split("\n").pop() ?? "{}") as {
    secs: number;
    bytes: number;
    paths: number;
    findings: number;
    maxRssKb: number;
  };
};
const ours = Array.from({ length: runs }, () =>
  child(["--import", "./bench/pss-ts-resolve.mjs", "bench/image-inspect.ts", "--child", image]),
);
const idle = spawnSync(process.execPath, ["-e", "console.log(process.resourceUsage().maxRSS)"], {
  encoding: "utf8",
});
const mb = stored / 1e6;
const t = median(ours.map((o) => o.secs));
console.log(
  `image: debootstrap minbase Debian, ${layers.length} layer(s), ${mb.toFixed(1)} MB stored, ${(plain / 1e6).toFixed(1)} MB uncompressed, ${ours[0]?.paths ?? 0} paths, ${ours[0]?.findings ?? 0} findings`,
);
console.log(
  `bespoke image inspect: median ${t.toFixed(2)} s of ${runs} → ${(mb / t).toFixed(1)} MB/s stored (${(plain / 1e6 / t).toFixed(1)} MB/s uncompressed), peak RSS ${Math.round(Math.max(...ours.map((o) => o.maxRssKb)) / 1024)} MiB`,
);
const g = median(gz);
console.log(
  `baseline gunzip only (node:zlib, same layers): median ${g.toFixed(2)} s → ${(mb / g).toFixed(1)} MB/s stored; inspect costs ${(t / g).toFixed(2)}× a bare gunzip`,
);
console.log(`baseline empty node process: peak RSS ${Math.round(Number(idle.stdout.trim()) / 1024)} MiB`);

// Memory stays bounded by the number of paths, not bytes: a synthetic 1 GiB image (64 files of
// 16 MiB plus 50,000 small files), streamed through gzip level 1 so it is quick to make.
const big = await makeSyntheticImage();
const bigRuns = Array.from({ length: Math.min(runs, 2) }, () =>
  child(["--import", "./bench/pss-ts-resolve.mjs", "bench/image-inspect.ts", "--child", big.dir]),
);
const bt = median(bigRuns.map((o) => o.secs));
console.log(
  `synthetic image: ${(big.plain / 2 ** 30).toFixed(2)} GiB uncompressed, ${bigRuns[0]?.paths ?? 0} paths → inspect median ${bt.toFixed(2)} s (${(big.plain / 1e6 / bt).toFixed(0)} MB/s uncompressed), peak RSS ${Math.round(Math.max(...bigRuns.map((o) => o.maxRssKb)) / 1024)} MiB`,
);
rmSync(big.dir, { recursive: true, force: true });

async function makeSyntheticImage(): Promise<{ dir: string; plain: number }> {
  const { header } = await import("../test/support/image-tar.js");
  const dir = mkdtempSync(join(tmpdir(), "bespoke-bench-1g-"));
  mkdirSync(join(dir, "blobs", "sha256"), { recursive: true });
  const tmp = join(dir, "layer.tmp");
  const gz = createGzip({ level: 1 });
  const hash = createHash("sha256");
  const out = createWriteStream(tmp);
  gz.on("data", (c: Buffer) => hash.update(c));
  const done = pipeline(gz, out);
  let plain = 0;
  const write = async (b: Buffer) => {
    plain += b.length;
    if (!gz.write(b)) await new Promise((r) => gz.once("drain", r));
  };
  const zero = Buffer.alloc(1 << 20);
  for (let i = 0; i < 64; i++) {
    await write(header(`data/blob${i}.bin`, { path: "" }, 16 << 20, "0"));
    for (let m = 0; m < 16; m++) await write(zero);
  }
  for (let i = 0; i < 50_000; i++) {
    const body = Buffer.from(`file ${i}\n`);
    await write(header(`small/d${i % 100}/f${i}.txt`, { path: "" }, body.length, "0"));
    await write(Buffer.concat([body, Buffer.alloc(512 - body.length)]));
  }
  await write(Buffer.alloc(1024));
  gz.end();
  await done;
  const layerDigest = hash.digest("hex");
  renameSync(tmp, join(dir, "blobs", "sha256", layerDigest));
  const blob = (data: string) => {
    const d = createHash("sha256").update(data).digest("hex");
    writeFileSync(join(dir, "blobs", "sha256", d), data);
    return { digest: `sha256:${d}`, size: Buffer.byteLength(data) };
  };
  const config = blob(
    JSON.stringify({
      architecture: "amd64",
      os: "linux",
      config: { User: "1000:1000", Entrypoint: ["/app"] },
      rootfs: { type: "layers", diff_ids: [] },
    }),
  );
  const manifest = blob(
    JSON.stringify({
      schemaVersion: 2,
      config: { mediaType: "application/vnd.oci.image.config.v1+json", ...config },
      layers: [
        {
          mediaType: "application/vnd.oci.image.layer.v1.tar+gzip",
          digest: `sha256:${layerDigest}`,
          size: statSync(join(dir, "blobs", "sha256", layerDigest)).size,
        },
      ],
    }),
  );
  writeFileSync(
    join(dir, "index.json"),
    JSON.stringify({
      schemaVersion: 2,
      manifests: [{ mediaType: "application/vnd.oci.image.manifest.v1+json", ...manifest }],
    }),
  );
  writeFileSync(join(dir, "oci-layout"), '{"imageLayoutVersion":"1.0.0"}');
  return { dir, plain };
}
