/**
 * Estimating request and response sizes before they are sent, so every sync stays under
 * Excel on the web's 5 MB payload limit ("Resource limits and performance optimization for
 * Office Add-ins"). Sizes are JSON in UTF-8 (a Chinese character is 3 bytes), computed without
 * building the JSON string. Pure arithmetic: requires no ExcelApi.
 */

/** Bytes JSON.stringify(s) takes in UTF-8, quotes included. */
export function jsonStringBytes(s: string): number {
  let n = 2;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code === 0x22 || code === 0x5c) n += 2;
    else if (code < 0x20) n += 6;
    else if (code < 0x80) n += 1;
    else if (code < 0x800) n += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export function jsonValueBytes(v: unknown): number {
  if (typeof v === 'string') return jsonStringBytes(v);
  if (typeof v === 'number') return String(v).length;
  if (typeof v === 'boolean') return v ? 4 : 5;
  return 4; // null
}

/** Bytes of one row as a JSON array. */
export function jsonRowBytes(row: readonly unknown[]): number {
  let n = 2 + Math.max(0, row.length - 1);
  for (const v of row) n += jsonValueBytes(v);
  return n;
}

/** Bytes of a 2-D array as JSON. */
export function jsonGridBytes(rows: readonly (readonly unknown[])[]): number {
  let n = 2 + Math.max(0, rows.length - 1);
  for (const r of rows) n += jsonRowBytes(r);
  return n;
}

/**
 * What one queued operation costs beyond its payload (object path, action, ids). Office.js's
 * real overhead is ~100–200 bytes; counting more keeps the estimate on the safe side.
 */
export const OPERATION_BYTES = 400;
