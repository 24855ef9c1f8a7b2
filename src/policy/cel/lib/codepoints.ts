/** CEL indexes strings by Unicode code point; JS by UTF-16 unit. These helpers bridge the two. */

const SURROGATE = /[\uD800-\uDFFF]/;

export function hasSurrogates(s: string): boolean {
  return SURROGATE.test(s);
}

export function codePoints(s: string): string[] {
  return Array.from(s);
}

export function codePointLength(s: string): number {
  return hasSurrogates(s) ? Array.from(s).length : s.length;
}
