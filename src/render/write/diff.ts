/**
 * A unified-style diff of two file trees, for `bespoke render --diff`. Line diff by longest common
 * subsequence; files too large for that are shown as replaced whole, which is still correct.
 */
const maxCells = 4_000_000;
const context = 3;

type Op = { kind: " " | "-" | "+"; line: string };

function splitLines(s: string): string[] {
  if (s === "") return [];
  const lines = s.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

function lineOps(a: string[], b: string[]): Op[] {
  if (a.length * b.length > maxCells) {
    return [
      ...a.map((line) => ({ kind: "-" as const, line })),
      ...b.map((line) => ({ kind: "+" as const, line })),
    ];
  }
  const n = a.length;
  const m = b.length;
  // lcs[i][j] = LCS length of a[i..] and b[j..], in one flat array.
  const lcs = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * (m + 1) + j] =
        a[i] === b[j]
          ? (lcs[(i + 1) * (m + 1) + j + 1] ?? 0) + 1
          : Math.max(lcs[(i + 1) * (m + 1) + j] ?? 0, lcs[i * (m + 1) + j + 1] ?? 0);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      ops.push({ kind: " ", line: a[i] ?? "" });
      i++;
      j++;
    } else if (i < n && (j === m || (lcs[(i + 1) * (m + 1) + j] ?? 0) >= (lcs[i * (m + 1) + j + 1] ?? 0))) {
      // Deletions before insertions, as diff(1) prints them.
      ops.push({ kind: "-", line: a[i] ?? "" });
      i++;
    } else {
      ops.push({ kind: "+", line: b[j] ?? "" });
      j++;
    }
  }
  return ops;
}

function hunks(ops: Op[]): string[] {
  const out: string[] = [];
  let k = 0;
  // Positions (1-based) in old and new at index k.
  const posA: number[] = [];
  const posB: number[] = [];
  let pa = 1;
  let pb = 1;
  for (const op of ops) {
    posA.push(pa);
    posB.push(pb);
    if (op.kind !== "+") pa++;
    if (op.kind !== "-") pb++;
  }
  while (k < ops.length) {
    if (ops[k]?.kind === " ") {
      k++;
      continue;
    }
    const start = Math.max(0, k - context);
    let end = k;
    // Extend while changes are within 2*context lines of each other.
    let last = k;
    while (end < ops.length) {
      if (ops[end]?.kind !== " ") last = end;
      if (end - last > 2 * context) break;
      end++;
    }
    end = Math.min(ops.length, last + context + 1);
    const slice = ops.slice(start, end);
    const aLen = slice.filter((o) => o.kind !== "+").length;
    const bLen = slice.filter((o) => o.kind !== "-").length;
    const aStart = aLen ? (posA[start] ?? 1) : (posA[start] ?? 1) - 1;
    const bStart = bLen ? (posB[start] ?? 1) : (posB[start] ?? 1) - 1;
    out.push(`@@ -${aStart},${aLen} +${bStart},${bLen} @@`);
    for (const o of slice) out.push(`${o.kind}${o.line}`);
    k = end;
  }
  return out;
}

export function diffFile(path: string, before: string | undefined, after: string | undefined): string {
  if (before === after) return "";
  const ops = lineOps(splitLines(before ?? ""), splitLines(after ?? ""));
  const head = [
    `--- ${before === undefined ? "/dev/null" : `a/${path}`}`,
    `+++ ${after === undefined ? "/dev/null" : `b/${path}`}`,
  ];
  return [...head, ...hunks(ops)].join("\n") + "\n";
}

/** Diff of every path whose content differs; empty string when the trees are equal. */
export function diffTrees(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): string {
  const paths = [...new Set([...before.keys(), ...after.keys()])].sort();
  return paths.map((p) => diffFile(p, before.get(p), after.get(p))).join("");
}
