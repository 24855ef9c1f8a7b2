import { resolve } from "node:path";
import { diagnostic, type Diagnostic } from "../../core/diagnostics.js";
import { Codes } from "../../core/codes.js";
import { compareFindings, type Finding, type Report } from "../../report/index.js";
import type { ImageConfig } from "../config.js";
import { imageRules } from "../rules/catalog.js";
import { toFindings } from "../lint/lint-dockerfile.js";
import type { RawFinding } from "../lint/dockerfile-rules.js";
import { ImageReadError, openImage } from "./image-source.js";
import { LayeredFs, normalisePath } from "./layered-fs.js";
import { readTar, TarFormatError } from "./tar-entries.js";
import { inspectRules, parsePasswd, takeInventory, type ImageInventory } from "./image-rules.js";

export interface InspectedImage {
  readonly image: string;
  readonly format: string;
  readonly layers: number;
  /** Bytes of layer blobs read (compressed as stored). */
  readonly bytesRead: number;
  readonly inventory: ImageInventory;
}

export interface InspectRun {
  readonly report: Report;
  readonly images: readonly InspectedImage[];
}

const codeFor: Record<ImageReadError["kind"], string> = {
  corrupt: Codes.imageArchiveCorrupt,
  layout: Codes.imageLayoutInvalid,
  unsupported: Codes.imageUnsupported,
  unreadable: Codes.imageUnreadable,
};

/** Reads each image (streaming its layers; nothing is unpacked to disk) and applies the image rules. */
export async function runImageInspect(
  images: readonly string[],
  opts: { config: ImageConfig; tool: { name: string; version: string }; cwd: string },
): Promise<InspectRun> {
  const findings: Finding[] = [];
  const errors: Diagnostic[] = [];
  const done: InspectedImage[] = [];
  for (const image of images) {
    try {
      const r = await inspectOne(image, resolve(opts.cwd, image));
      findings.push(...toFindings(image, r.raw, opts.config));
      done.push(r.inspected);
    } catch (err) {
      if (err instanceof ImageReadError)
        errors.push(diagnostic(codeFor[err.kind], err.message, { file: image }, err.hint));
      else throw err;
    }
  }
  return {
    report: {
      tool: opts.tool,
      run: "image inspect",
      rules: imageRules.filter((r) => r.tags?.includes("image")),
      findings: findings.sort(compareFindings),
      errors,
      inputs: [...images],
    },
    images: done,
  };
}

async function inspectOne(
  image: string,
  path: string,
): Promise<{ raw: RawFinding[]; inspected: InspectedImage }> {
  const source = await openImage(path);
  const fs = new LayeredFs();
  let passwd: Buffer | undefined;
  let bytesRead = 0;
  for (const [i, layer] of source.layers.entries()) {
    const label = `layer ${i + 1} (${layer.id.slice(0, 19)})`;
    const { stream, verify } = await layer.open();
    try {
      for await (const { entry, body } of readTar(stream, {
        keepBody: (e) => normalisePath(e.path)?.join("/") === "etc/passwd",
        maxBody: 1 << 20,
      })) {
        fs.apply(entry, i);
        if (body) passwd = body;
      }
    } catch (err) {
      stream.destroy();
      if (err instanceof TarFormatError)
        throw new ImageReadError(
          `${label}: ${err.message}`,
          "corrupt",
          "the layer is damaged or truncated; save or copy the image again",
        );
      const code = (err as NodeJS.ErrnoException).code ?? "";
      if (
        /^Z_|^ERR_ZLIB|^ERR_ZSTD/.test(code) ||
        /unexpected end of file|incorrect header check|invalid/.test(String((err as Error).message))
      ) {
        throw new ImageReadError(
          `${label}: cannot decompress (${(err as Error).message})`,
          "corrupt",
          "the layer is damaged or truncated; save or copy the image again",
        );
      }
      throw err;
    }
    const bad = verify();
    if (bad)
      throw new ImageReadError(
        `${label}: ${bad}`,
        "corrupt",
        "the layer does not match its digest; save or copy the image again",
      );
    bytesRead += layer.size;
  }
  const inventory = takeInventory(fs, source.config);
  const raw: RawFinding[] = fs.problems.map((p) => ({
    ruleId: "unsafe-layer-path",
    line: 0,
    message: `layer ${p.layer + 1} (${source.layers[p.layer]?.id.slice(0, 19) ?? "?"}): ${p.path}: ${p.detail}`,
  }));
  raw.push(...inspectRules(inventory, source.config, parsePasswd(passwd?.toString("utf8") ?? "")));
  return {
    raw,
    inspected: { image, format: source.format, layers: source.layers.length, bytesRead, inventory },
  };
}
