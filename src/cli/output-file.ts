/**
 * Output files written whole or not at all: the content goes to a hidden temporary name beside the
 * target, which is renamed over it only once complete. A failure, or Ctrl-C (see
 * removeUnfinishedOutputs), leaves no half-written result.json or workbook, and an older complete
 * file stays as it was.
 */
import { createWriteStream, unlinkSync, type WriteStream } from 'fs';
import { promises as fs } from 'fs';
import * as path from 'path';
import { UnusableInputError } from '../workbook/file/load-table';

/** Temporary files being written now, so a signal handler can remove them. */
const unfinished = new Set<string>();

/** Pieces are gathered into writes of about this many characters. */
const WRITE_CHARS = 1 << 16;

/**
 * `contents`: the bytes, or pieces of text and bytes in order (text pieces are gathered into writes of
 * about WRITE_CHARS; byte pieces, such as jsonChunks' megabyte chunks, are written as they are).
 */
export async function writeOutputFile(file: string, contents: Iterable<string | Uint8Array> | Uint8Array): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.partial`);
  unfinished.add(temporary);
  const stopHandlers = onInterrupt();
  try {
    const stream = createWriteStream(temporary);
    await new Promise<void>((resolve, reject) => {
      stream.once('open', () => resolve());
      stream.once('error', reject);
    });
    if (contents instanceof Uint8Array) await write(stream, contents);
    else {
      let batch = '';
      for (const piece of contents) {
        if (typeof piece !== 'string') {
          await write(stream, batch);
          batch = '';
          await write(stream, piece);
          continue;
        }
        batch += piece;
        if (batch.length >= WRITE_CHARS) {
          await write(stream, batch);
          batch = '';
        }
      }
      await write(stream, batch);
    }
    await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
    await fs.rename(temporary, file);
  } catch (error) {
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

function write(stream: WriteStream, chunk: string | Uint8Array): Promise<void> {
  if (chunk.length === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    stream.once('error', onError);
    const flushed = stream.write(chunk, () => undefined);
    const done = () => {
      stream.off('error', onError);
      resolve();
    };
    if (flushed) done();
    else stream.once('drain', done);
  });
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
