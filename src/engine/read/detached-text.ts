/**
 * Texts an entry keeps, cut loose from the text they were cut from. A JavaScript engine may make a
 * substring a view into its parent (V8 does for 13 characters or more): a CSV reader's cells are such
 * views into chunks of thousands of rows, so an entry that keeps one description keeps its whole chunk
 * alive, and a million entries keep the whole file (a quarter of a gigabyte at a million rows) long
 * after the cells are gone. A concatenation made flat by a slice is a fresh copy of just the text
 * (two small strings in V8, where there was one view). Only for cells a host marks as cut from a file
 * (CellsSource.cutFromText): other cells are strings of their own, and copying them costs time.
 */

/** Views are only made from this length on (V8's SlicedString::kMinLength); shorter texts are copies. */
const SHORTEST_VIEW = 13;

/** `text`, as a string that holds no other text alive. */
export function detached(text: string): string {
  return text.length < SHORTEST_VIEW ? text : (text + ' ').slice(0, -1);
}
