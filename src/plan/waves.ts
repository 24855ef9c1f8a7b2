/**
 * Install waves from a dependency graph: a node's wave is one more than its deepest dependency.
 * A cycle is returned as the list of ids around it, first id repeated at the end.
 */
export type WavesResult =
  | {
      readonly ok: true;
      readonly waveOf: ReadonlyMap<string, number>;
      readonly waves: readonly (readonly string[])[];
    }
  | { readonly ok: false; readonly cycle: readonly string[] };

export function computeWaves(deps: ReadonlyMap<string, readonly string[]>): WavesResult {
  const waveOf = new Map<string, number>();
  const state = new Map<string, "visiting" | "done">();
  const stack: string[] = [];
  let cycle: string[] | undefined;

  const visit = (id: string): number => {
    const s = state.get(id);
    if (s === "done") return waveOf.get(id) ?? 0;
    if (s === "visiting") {
      const from = stack.indexOf(id);
      cycle = [...stack.slice(from), id];
      return 0;
    }
    state.set(id, "visiting");
    stack.push(id);
    let wave = 0;
    for (const d of [...(deps.get(id) ?? [])].sort()) {
      if (!deps.has(d)) continue;
      wave = Math.max(wave, visit(d) + 1);
      if (cycle) break;
    }
    stack.pop();
    state.set(id, "done");
    waveOf.set(id, wave);
    return wave;
  };

  for (const id of [...deps.keys()].sort()) {
    visit(id);
    if (cycle) return { ok: false, cycle };
  }
  const waves: string[][] = [];
  for (const [id, w] of waveOf) (waves[w] ??= []).push(id);
  return { ok: true, waveOf, waves: waves.map((w) => (w ?? []).sort()) };
}
