/**
 * Equal texts as one string. A counterparty repeats on thousands of rows (10,000 names over a million
 * lines), and each row's cell is a string of its own: pooled, a million rows hold 10,000 strings, so
 * the heap the garbage collector walks stays small, and later lookups by name meet strings whose hash
 * is already known. Only while the pool is small: a column of unique texts is not pooled.
 */
export class TextPool {
  private readonly texts = new Map<string, string>();

  /** `own`: how the pool keeps a text it has not seen (a copy when cells are views, read/detached-text.ts). */
  constructor(
    private readonly own: (text: string) => string = (text) => text,
    private readonly limit = 50_000,
  ) {}

  /** One string equal to `text`, the same for every equal text. */
  get(text: string): string {
    if (text === '') return text;
    const found = this.texts.get(text);
    if (found !== undefined) return found;
    const own = this.own(text);
    if (this.texts.size < this.limit) this.texts.set(own, own);
    return own;
  }
}
