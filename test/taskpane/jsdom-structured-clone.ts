/**
 * jest's jsdom environment hides Node's structuredClone, which MemoryWorkbook (and every browser
 * the pane runs in) has. Node's v8 serializer is the same structured-clone algorithm.
 */
import v8 from 'node:v8';

if (typeof globalThis.structuredClone !== 'function') {
  globalThis.structuredClone = <T>(value: T): T => v8.deserialize(v8.serialize(value)) as T;
}
