import { defaultCatalog } from "../../src/catalog/default.js";
import { platformTemplate } from "../../src/spec/template.js";
import { renderFromTextOrThrow } from "../../src/render/from-text.js";
import type { RenderedTree } from "../../src/render/types.js";
import { parseAllDocuments } from "yaml";

export function renderProfile(
  profile: "SUP" | "MBU" | "ENT",
  gitops: "argocd" | "flux" = "argocd",
): RenderedTree {
  return renderFromTextOrThrow(platformTemplate(profile, { gitops }), "platform.yaml", defaultCatalog()).tree;
}

export interface Doc {
  readonly path: string;
  readonly obj: Record<string, unknown> & {
    kind?: string;
    apiVersion?: string;
    metadata?: Record<string, unknown>;
  };
}

/** Every YAML document of a tree; throws on any YAML error so a test fails loudly. */
export function docsOf(tree: RenderedTree): Doc[] {
  const out: Doc[] = [];
  for (const [path, text] of tree) {
    if (!path.endsWith(".yaml")) continue;
    for (const d of parseAllDocuments(text)) {
      if (d.errors.length) throw new Error(`${path}: ${d.errors[0]?.message ?? "yaml error"}`);
      const obj = d.toJS() as Doc["obj"] | null;
      if (obj) out.push({ path, obj });
    }
  }
  return out;
}
