/**
 * JSON.stringify(value, null, 2), byte for byte, with one array written item by item: a report
 * with hundreds of thousands of findings never exists as one string (or as one array of
 * converted items), so writing it takes memory for one item, not for the whole text.
 */

/**
 * The text of `skeleton` as JSON.stringify(skeleton, null, 2) would give it if the string
 * `placeholder` (which must occur exactly once, as a value) were the array of `items`, each mapped
 * by `toJson` just before it is written.
 */
export function* jsonWithStreamedArray<T>(
  skeleton: unknown,
  placeholder: string,
  items: Iterable<T>,
  toJson: (item: T) => unknown = (x) => x,
): Generator<string> {
  const text = JSON.stringify(skeleton, null, 2);
  const marker = JSON.stringify(placeholder);
  const at = text.indexOf(marker);
  if (at < 0 || text.indexOf(marker, at + 1) >= 0) throw new Error("placeholder must occur once");
  const lineStart = text.lastIndexOf("\n", at) + 1;
  const indent = /^ */.exec(text.slice(lineStart))?.[0].length ?? 0;
  const inner = " ".repeat(indent + 2);
  yield text.slice(0, at);
  let first = true;
  for (const item of items) {
    const json = JSON.stringify(toJson(item), null, 2) ?? "null";
    yield `${first ? "[\n" : ",\n"}${inner}${json.replaceAll("\n", `\n${inner}`)}`;
    first = false;
  }
  yield first ? "[]" : `\n${" ".repeat(indent)}]`;
  yield text.slice(at + marker.length);
}
