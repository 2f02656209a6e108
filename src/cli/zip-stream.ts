/**
 * A .zip written as it is produced: each entry's text is encoded and deflated a block at a time and
 * handed on as bytes, so a part of any size (a 100k-row sheet's XML) never exists whole in memory.
 *
 * How: the text pieces are encoded as UTF-8 straight into a block buffer (no text is gathered first),
 * and each full block is compressed on its own. Each block but the last ends with a sync flush (no
 * final-block bit, byte-aligned), the last with a finish, so the blocks joined are one valid deflate
 * stream (what pigz does); a block of BLOCK_BYTES
 * loses next to nothing in compression for starting with an empty dictionary. Sizes and CRC follow
 * each entry in a data descriptor (general purpose bit 3), as exceljs' own zip writer does; names
 * are UTF-8 (bit 11). No zip64: an entry or the file past 4 GiB is refused with a clear error.
 *
 * Synchronous (zlib's sync calls): `zipStream` is a generator of byte chunks, which writeOutputFile
 * writes to the file as they come, one chunk in memory at a time.
 */
import * as zlib from 'zlib';

export interface ZipEntry {
  /** Path inside the archive, `xl/worksheets/sheet1.xml`. */
  path: string;
  /** The entry's text, in pieces of any size. */
  text: Iterable<string>;
}

/** Bytes of UTF-8 gathered before a block is compressed. */
const BLOCK_BYTES = 1 << 18;
const LIMIT = 0xffffffff;
/** Data descriptor follows (bit 3), names in UTF-8 (bit 11). */
const FLAGS = 0x0808;
const DEFLATE = 8;
const VERSION = 20;

/**
 * Deflate level 3: on a 100k-row sheet's XML 2× faster than zlib's default 6 (0.54 s vs 1.14 s for
 * 87 MB) for a file about 15 % larger; level 1 saves 0.15 s more for 27 % larger.
 */
export const ZIP_LEVEL = 3;

export function* zipStream(entries: Iterable<ZipEntry>, level = ZIP_LEVEL, now = new Date()): Generator<Uint8Array> {
  const central: Buffer[] = [];
  let offset = 0;
  let count = 0;
  const { time, date } = dosTime(now);
  // one block buffer for the whole archive: each block is compressed (copied out) before the next
  const block = Buffer.allocUnsafe(BLOCK_BYTES);
  for (const entry of entries) {
    const name = Buffer.from(entry.path, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(VERSION, 4);
    header.writeUInt16LE(FLAGS, 6);
    header.writeUInt16LE(DEFLATE, 8);
    header.writeUInt16LE(time, 10);
    header.writeUInt16LE(date, 12);
    // crc and sizes (14..25) stay 0: they are in the data descriptor
    header.writeUInt16LE(name.length, 26);
    header.writeUInt16LE(0, 28);
    const start = offset;
    yield header;
    yield name;
    offset += header.length + name.length;

    let crc = 0;
    let size = 0;
    let compressed = 0;
    let used = 0;
    const deflate = function* (bytes: Uint8Array, last: boolean): Generator<Uint8Array> {
      crc = crc32(bytes, crc);
      size += bytes.length;
      const out = zlib.deflateRawSync(bytes, { level, finishFlush: last ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH });
      compressed += out.length;
      if (out.length > 0) yield out;
    };
    for (const piece of entry.text) {
      // a piece is encoded straight into the block (no text gathered first): at most 3 bytes a UTF-16 unit
      if (used + piece.length * 3 > BLOCK_BYTES) {
        if (used > 0) yield* deflate(block.subarray(0, used), false);
        used = 0;
        if (piece.length * 3 > BLOCK_BYTES) {
          yield* deflate(Buffer.from(piece, 'utf8'), false);
          continue;
        }
      }
      used += block.write(piece, used, 'utf8');
    }
    yield* deflate(block.subarray(0, used), true);
    if (size > LIMIT || compressed > LIMIT) throw new Error(`${entry.path} is larger than a zip without zip64 can hold (4 GiB).`);
    offset += compressed;

    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(crc, 4);
    descriptor.writeUInt32LE(compressed, 8);
    descriptor.writeUInt32LE(size, 12);
    yield descriptor;
    offset += descriptor.length;
    if (offset > LIMIT) throw new Error('The workbook is larger than a zip without zip64 can hold (4 GiB).');

    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(VERSION, 4);
    record.writeUInt16LE(VERSION, 6);
    record.writeUInt16LE(FLAGS, 8);
    record.writeUInt16LE(DEFLATE, 10);
    record.writeUInt16LE(time, 12);
    record.writeUInt16LE(date, 14);
    record.writeUInt32LE(crc, 16);
    record.writeUInt32LE(compressed, 20);
    record.writeUInt32LE(size, 24);
    record.writeUInt16LE(name.length, 28);
    // extra, comment, disk, internal and external attributes: 0
    record.writeUInt32LE(start, 42);
    central.push(record, name);
    count++;
  }
  if (count > 0xffff) throw new Error('Too many parts for a zip without zip64.');
  const directory = Buffer.concat(central);
  yield directory;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  yield end;
}

function dosTime(d: Date): { time: number; date: number } {
  const year = Math.max(1980, d.getFullYear());
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

type Crc32 = (data: Uint8Array, value?: number) => number;

/** zlib.crc32 (Node 20.15+, 22.2+), else a table-driven one. */
const crc32: Crc32 = (zlib as unknown as { crc32?: Crc32 }).crc32 ?? tableCrc32;

let table: Int32Array | undefined;

function tableCrc32(data: Uint8Array, value = 0): number {
  if (!table) {
    table = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c;
    }
  }
  let crc = ~value;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return ~crc >>> 0;
}

/** For tests: the fallback CRC, to check it against zlib's. */
export const __tableCrc32 = tableCrc32;
