// `image inspect` throughput (MB/s of stored layers) and peak RSS on the debootstrap Debian image,
// next to two baselines in the same run: plain gunzip of the same layers, and an empty Node process.
import { execFileSync, spawnSync } from "node:child_process";
import { createReadStream, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { createGunzip } from "node:zlib";
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
