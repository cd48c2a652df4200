/**
 * `literal` escaped for a Redis glob (SCAN MATCH, KEYS): `*`, `?`, `[`, `]` and `\` get a backslash,
 * so a tenant called "a*" matches only "a*", never "abc". (`^` and `-` are special only inside
 * brackets, and no unescaped bracket is left to open one.)
 */
export function escapeGlob(literal: string): string {
  return literal.replace(/[*?[\]\\]/g, "\\$&");
}
