/**
 * The two Node globals test/fake-excel calls, for its browser bundle (test/e2e/support/fake-office):
 *
 *   - `setImmediate`, which the fake's `context.sync()` awaits before it runs the batch: here a
 *     message on a MessageChannel of its own, a macrotask as Office.js's postMessage round trip to
 *     Excel is, so the pane's thread is free between the request and the answer;
 *   - `Buffer.byteLength(text, 'utf8')`, which the fake uses to size requests and responses
 *     against Excel on the web's 5 MB: counted here without making the bytes.
 *
 * `excelTaskStarted` is when the last of those macrotasks began: the harness measures from it how
 * long Excel's side (the fake applying a batch) held the page's thread.
 */

const queue: (() => void)[] = [];
const channel = new MessageChannel();
export let excelTaskStarted = 0;

channel.port1.onmessage = () => {
  const next = queue.shift();
  excelTaskStarted = performance.now();
  if (next) next();
};

function setImmediateShim(callback: () => void): void {
  queue.push(callback);
  channel.port2.postMessage(0);
}

/**
 * UTF-8 length of a string, as Buffer.byteLength(text, 'utf8') gives it, counted without making the
 * bytes (TextEncoder took 0.5 s for the 12 MB run record on the loaded machine, this loop 0.08 s).
 */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

const scope = globalThis as unknown as Record<string, unknown>;
if (typeof scope.setImmediate !== 'function') scope.setImmediate = setImmediateShim;
if (typeof scope.Buffer === 'undefined') scope.Buffer = { byteLength: (text: string) => utf8Length(String(text)) };

/** A macrotask of its own (the answer crossing back from Excel to the pane). */
export function macrotask(): Promise<void> {
  return new Promise((resolve) => setImmediateShim(resolve));
}
