/**
 * Output files written whole or not at all: the content goes to a hidden temporary name beside the
 * target, which is renamed over it only once complete. A failure, or Ctrl-C (see
 * removeUnfinishedOutputs), leaves no half-written result.json or workbook, and an older complete
 * file stays as it was.
 */
import { closeSync, openSync, unlinkSync, writeSync } from 'fs';
import { promises as fs } from 'fs';
import * as path from 'path';
import { UnusableInputError } from '../workbook/file/load-table';

/** Temporary files being written now, so a signal handler can remove them. */
const unfinished = new Set<string>();

/** Pieces are gathered into writes of about this many characters. */
const WRITE_CHARS = 1 << 16;

/** After about this many bytes written, the event loop gets a turn (a Ctrl-C is handled there). */
const YIELD_BYTES = 16 << 20;

/**
 * `contents`: the bytes, or pieces of text and bytes in order (text pieces are gathered into writes of
 * about WRITE_CHARS; byte pieces, such as jsonChunks' megabyte chunks, are written as they are).
 *
 * Written synchronously: the command has nothing else to do meanwhile, and an asynchronous write
 * stream made every megabyte wait for its own write's callback (at a million rows, 411 waits, 1.9 s
 * of a run idle); a megabyte written into the page cache takes 0.5–1.7 ms.
 */
export async function writeOutputFile(file: string, contents: Iterable<string | Uint8Array> | Uint8Array): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.partial`);
  unfinished.add(temporary);
  const stopHandlers = onInterrupt();
  let fd: number | undefined;
  try {
    fd = openSync(temporary, 'w');
    const out = fd;
    let sinceYield = 0;
    const write = async (chunk: string | Uint8Array) => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      for (let at = 0; at < bytes.length; ) at += writeSync(out, bytes, at, bytes.length - at);
      sinceYield += bytes.length;
      if (sinceYield >= YIELD_BYTES) {
        sinceYield = 0;
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    };
    if (contents instanceof Uint8Array) await write(contents);
    else {
      let batch = '';
      for (const piece of contents) {
        if (typeof piece !== 'string') {
          if (batch !== '') await write(batch);
          batch = '';
          await write(piece);
          continue;
        }
        batch += piece;
        if (batch.length >= WRITE_CHARS) {
          await write(batch);
          batch = '';
        }
      }
      if (batch !== '') await write(batch);
    }
    closeSync(fd);
    fd = undefined;
    await fs.rename(temporary, file);
  } catch (error) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // the error that matters is the one being reported
      }
    }
    await fs.rm(temporary, { force: true }).catch(() => undefined);
    throw cannotWrite(file, error);
  } finally {
    unfinished.delete(temporary);
    stopHandlers();
  }
}

/** Ctrl-C or a kill while a file is being written: remove the temporary file, then exit as the signal would. */
function onInterrupt(): () => void {
  const handlers = (['SIGINT', 'SIGTERM'] as const).map((signal) => {
    const handler = () => {
      removeUnfinishedOutputs();
      process.exit(signal === 'SIGINT' ? 130 : 143);
    };
    process.once(signal, handler);
    return () => process.off(signal, handler);
  });
  return () => handlers.forEach((stop) => stop());
}

function cannotWrite(file: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? 'its folder does not exist' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : code === 'ENOSPC' ? 'the disk is full' : (error as Error).message;
  return new UnusableInputError(`cannot write ${file}: ${why}`);
}

/** For a signal handler: removes every temporary output still being written (synchronously). */
export function removeUnfinishedOutputs(): void {
  for (const temporary of unfinished) {
    try {
      unlinkSync(temporary);
    } catch {
      // already gone
    }
  }
  unfinished.clear();
}
