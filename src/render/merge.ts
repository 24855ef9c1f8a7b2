type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Maps merge key by key, everything else (lists included, as Helm does) is replaced by `over`. */
export function deepMerge(base: Json, over: Json): Json {
  const out: Json = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const b = out[k];
    out[k] = isObject(b) && isObject(v) ? deepMerge(b, v) : v;
  }
  return out;
}

/** Paths of image tags that float: `tag: latest` (or empty) anywhere in a values tree. */
export function findLatestTags(values: unknown, path = ""): string[] {
  if (Array.isArray(values)) return values.flatMap((v, i) => findLatestTags(v, `${path}[${i}]`));
  if (!isObject(values)) return [];
  const found: string[] = [];
  for (const [k, v] of Object.entries(values)) {
    const p = path ? `${path}.${k}` : k;
    if (k === "tag" && typeof v === "string" && /^(latest|)$/i.test(v.trim())) found.push(p);
    else if (k === "image" && typeof v === "string" && /:latest$/i.test(v)) found.push(p);
    else found.push(...findLatestTags(v, p));
  }
  return found;
}
