import type { TarEntry, TarEntryType } from "./tar-entries.js";

/** What inspect keeps per path: metadata only, never content, so memory follows the file count. */
export interface FileMeta {
  readonly type: TarEntryType;
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  readonly size: number;
  readonly linkname: string;
  /** 0-based index of the layer that last wrote the path. */
  readonly layer: number;
}

interface Node {
  meta: FileMeta;
  children: Map<string, Node> | undefined;
}

export interface LayerProblem {
  readonly kind: "unsafe-path";
  readonly layer: number;
  readonly path: string;
  readonly detail: string;
}

const implicitDir = (layer: number): FileMeta => ({
  type: "dir",
  mode: 0o755,
  uid: 0,
  gid: 0,
  size: 0,
  linkname: "",
  layer,
});

/** Splits a layer path into components; undefined when `..` climbs above the root. */
export function normalisePath(path: string): string[] | undefined {
  const out: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (out.length === 0) return undefined;
      out.pop();
      continue;
    }
    out.push(part);
  }
  return out;
}

/**
 * The image's root filesystem as layers are applied in order, honouring whiteouts (`.wh.NAME`)
 * and opaque directories (`.wh..wh..opq`) as the OCI image spec describes them.
 */
export class LayeredFs {
  private readonly root: Node = { meta: implicitDir(-1), children: new Map() };
  readonly problems: LayerProblem[] = [];
  private count = 0;

  get pathCount(): number {
    return this.count;
  }

  apply(entry: TarEntry, layer: number): void {
    const parts = normalisePath(entry.path);
    if (parts === undefined) {
      this.problems.push({
        kind: "unsafe-path",
        layer,
        path: entry.path,
        detail: "path escapes the image root",
      });
      return;
    }
    if (entry.type === "hardlink" && normalisePath(entry.linkname) === undefined) {
      this.problems.push({
        kind: "unsafe-path",
        layer,
        path: entry.path,
        detail: `hard link target ${entry.linkname} escapes the image root`,
      });
      return;
    }
    const name = parts.pop();
    if (name === undefined) return; // the root itself ("./")
    if (name.startsWith(".wh.") && name !== ".wh..wh..opq") {
      // A whiteout removes what lower layers had; it creates nothing, not even its directory.
      const parent = this.nodeAt(parts);
      if (parent) this.remove(parent, name.slice(4));
      return;
    }
    const parent = this.ensureDir(parts, layer);
    if (name === ".wh..wh..opq") {
      // Opaque: hide everything lower layers put in this directory; keep this layer's entries.
      for (const [childName, child] of parent.children ?? []) {
        if (child.meta.layer !== layer) this.remove(parent, childName);
      }
      return;
    }
    const children = (parent.children ??= new Map());
    const existing = children.get(name);
    const meta: FileMeta = {
      type: entry.type,
      mode: entry.mode,
      uid: entry.uid,
      gid: entry.gid,
      size: entry.size,
      linkname: entry.linkname,
      layer,
    };
    if (existing) {
      existing.meta = meta;
      if (entry.type !== "dir") {
        if (existing.children) this.count -= countBelow(existing);
        existing.children = undefined;
      } else existing.children ??= new Map();
    } else {
      children.set(name, { meta, children: entry.type === "dir" ? new Map() : undefined });
      this.count++;
    }
  }

  private ensureDir(parts: readonly string[], layer: number): Node {
    let node = this.root;
    for (const p of parts) {
      const children = (node.children ??= new Map());
      let next = children.get(p);
      if (!next) {
        next = { meta: implicitDir(layer), children: new Map() };
        children.set(p, next);
        this.count++;
      } else if (!next.children) {
        // A file or link where the layer expects a directory: the later entry wins, as on extraction.
        next.meta = implicitDir(layer);
        next.children = new Map();
      }
      node = next;
    }
    return node;
  }

  private remove(parent: Node, name: string): void {
    const child = parent.children?.get(name);
    if (!child) return;
    this.count -= 1 + countBelow(child);
    parent.children?.delete(name);
  }

  /** Metadata of a path without following symlinks. */
  lstat(path: string): FileMeta | undefined {
    const parts = normalisePath(path);
    if (!parts) return undefined;
    let node: Node | undefined = this.root;
    for (const p of parts) node = node?.children?.get(p);
    return node?.meta;
  }

  /**
   * Resolves a path inside the image, following symlinks like the kernel would (at most 40),
   * always staying inside the root. Returns the canonical path or why it failed.
   */
  resolve(path: string): { path: string } | { error: "loop" | "missing" } {
    let hops = 0;
    const walk = (parts: string[]): { path: string } | { error: "loop" | "missing" } => {
      const done: string[] = [];
      let node: Node = this.root;
      const queue = [...parts];
      while (queue.length > 0) {
        const p = queue.shift() ?? "";
        if (p === "" || p === ".") continue;
        if (p === "..") {
          done.pop();
          node = this.nodeAt(done) ?? this.root;
          continue;
        }
        const child = node.children?.get(p);
        if (!child) return { error: "missing" };
        if (child.meta.type === "symlink") {
          if (++hops > 40) return { error: "loop" };
          const target = child.meta.linkname;
          const base = target.startsWith("/") ? [] : [...done];
          queue.unshift(...base, ...target.split("/"));
          done.length = 0;
          node = this.root;
          continue;
        }
        done.push(p);
        node = child;
      }
      return { path: "/" + done.join("/") };
    };
    return walk(path.split("/"));
  }

  private nodeAt(parts: readonly string[]): Node | undefined {
    let node: Node | undefined = this.root;
    for (const p of parts) node = node?.children?.get(p);
    return node;
  }

  /** Names and metadata directly inside a directory (after resolving symlinks to it). */
  list(dir: string): [string, FileMeta][] {
    const r = this.resolve(dir);
    if (!("path" in r)) return [];
    const node = this.nodeAt(normalisePath(r.path) ?? []);
    return [...(node?.children ?? [])]
      .map(([n, c]) => [n, c.meta] as [string, FileMeta])
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /** Every path with its metadata, depth first in name order. */
  *walk(): Generator<[string, FileMeta]> {
    const stack: [string, Node][] = [["", this.root]];
    while (stack.length > 0) {
      const [path, node] = stack.pop() ?? ["", this.root];
      if (path !== "") yield [path, node.meta];
      const kids = [...(node.children ?? [])].sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0));
      for (const [name, child] of kids) stack.push([`${path}/${name}`, child]);
    }
  }
}

function countBelow(node: Node): number {
  let n = 0;
  for (const child of node.children?.values() ?? []) n += 1 + countBelow(child);
  return n;
}
