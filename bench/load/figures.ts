/**
 * Number formatting for the load report. Written out by hand (not toLocaleString) so the same figures
 * render byte for byte the same on every machine and locale.
 */

/** 5118.4 → "5,118" (whole, with thousands separators). */
export function formatCount(n: number): string {
  return withSeparators(Math.round(n).toString());
}

/** 0.1534 → "0.15" (fixed decimals, thousands separators). */
export function formatFixed(n: number, decimals = 2): string {
  const [whole, fraction] = n.toFixed(decimals).split(".");
  return fraction === undefined ? withSeparators(whole!) : `${withSeparators(whole!)}.${fraction}`;
}

/** 0.0123 → "1.23%". */
export function formatPercent(fraction: number, decimals = 2): string {
  return `${(fraction * 100).toFixed(decimals)}%`;
}

/** 1.523 → "×1.52"; null → "—". */
export function formatRatio(ratio: number | null): string {
  return ratio === null ? "—" : `×${ratio.toFixed(2)}`;
}

/** Bytes as MB (1 MB = 2^20 bytes, as the report's figures are), one decimal; null → "—". */
export function formatMegabytes(bytes: number | null, signed = false): string {
  if (bytes === null) return "—";
  const mb = bytes / (1024 * 1024);
  return `${signed && mb >= 0 ? "+" : ""}${formatFixed(mb, 1)} MB`;
}

function withSeparators(digits: string): string {
  const negative = digits.startsWith("-");
  const body = negative ? digits.slice(1) : digits;
  return `${negative ? "-" : ""}${body.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}`;
}
