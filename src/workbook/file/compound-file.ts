/**
 * The streams inside an OLE2 compound file ([MS-CFB]), the container a legacy .xls workbook is kept
 * in: a FAT of sector chains, a directory of named streams, and small streams kept in a mini stream.
 * Read-only, bytes in, no file system, so the command line and the page share it. Every chain is
 * followed with a bound, so a damaged file ends in CompoundFileError, never in a loop.
 */

export class CompoundFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CompoundFileError';
  }
}

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** Sector numbers at or above this are markers (free, end of chain, FAT, DIFAT), not sectors. */
const MAX_REGULAR_SECTOR = 0xfffffffa;
const END_OF_CHAIN = 0xfffffffe;
const FREE_SECTOR = 0xffffffff;
const DIRECTORY_ENTRY_BYTES = 128;
/** Object types of a directory entry. */
const STREAM = 2;
const ROOT = 5;

export function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes.length >= 512 && SIGNATURE.every((byte, i) => bytes[i] === byte);
}

interface DirectoryEntry {
  name: string;
  type: number;
  start: number;
  size: number;
}

/** A compound file's streams by name (top-level and nested alike: a workbook keeps its stream at the top). */
export class CompoundFile {
  private readonly view: DataView;
  private readonly sectorBytes: number;
  private readonly fat: Uint32Array;
  private readonly entries: DirectoryEntry[];
  private readonly miniFat: Uint32Array;
  private readonly miniStream: Uint8Array;
  private readonly miniCutoff: number;

  constructor(private readonly bytes: Uint8Array) {
    if (!isCompoundFile(bytes)) throw new CompoundFileError('not an OLE2 compound file');
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const shift = this.view.getUint16(30, true);
    if (shift !== 9 && shift !== 12) throw new CompoundFileError(`unknown sector size 2^${shift}`);
    this.sectorBytes = 1 << shift;
    this.miniCutoff = this.view.getUint32(56, true);
    this.fat = this.readFat();
    const directory = this.chain(this.view.getUint32(48, true));
    this.entries = [];
    for (let at = 0; at + DIRECTORY_ENTRY_BYTES <= directory.length; at += DIRECTORY_ENTRY_BYTES) this.entries.push(this.entryAt(directory, at));
    const root = this.entries[0];
    if (!root || root.type !== ROOT) throw new CompoundFileError('the directory has no root entry');
    this.miniStream = root.size > 0 ? this.chain(root.start).subarray(0, root.size) : new Uint8Array(0);
    const miniFatStart = this.view.getUint32(60, true);
    this.miniFat = miniFatStart < MAX_REGULAR_SECTOR ? toUint32(this.chain(miniFatStart)) : new Uint32Array(0);
  }

  /** A stream's bytes by name (case ignored, as the format says), or null when there is none. */
  stream(name: string): Uint8Array | null {
    const wanted = name.toLowerCase();
    const entry = this.entries.find((e) => e.type === STREAM && e.name.toLowerCase() === wanted);
    if (!entry) return null;
    if (entry.size === 0) return new Uint8Array(0);
    const data = entry.size < this.miniCutoff ? this.miniChain(entry.start, entry.size) : this.chain(entry.start);
    if (data.length < entry.size) throw new CompoundFileError(`stream ${name} is cut short`);
    return data.subarray(0, entry.size);
  }

  private sectorOffset(sector: number): number {
    return (sector + 1) * this.sectorBytes;
  }

  private sector(sector: number): Uint8Array {
    const start = this.sectorOffset(sector);
    if (start + this.sectorBytes > this.bytes.length) {
      // the last sector of a file is often saved short
      if (start < this.bytes.length) return this.bytes.subarray(start);
      throw new CompoundFileError(`sector ${sector} lies past the end of the file`);
    }
    return this.bytes.subarray(start, start + this.sectorBytes);
  }

  /** The FAT: its sectors are listed by the header's 109 DIFAT slots, then by a chain of DIFAT sectors. */
  private readFat(): Uint32Array {
    const fatSectors: number[] = [];
    const count = this.view.getUint32(44, true);
    for (let i = 0; i < 109 && fatSectors.length < count; i++) {
      const sector = this.view.getUint32(76 + i * 4, true);
      if (sector < MAX_REGULAR_SECTOR) fatSectors.push(sector);
    }
    let difat = this.view.getUint32(68, true);
    const perSector = this.sectorBytes / 4 - 1;
    for (let hops = 0; difat < MAX_REGULAR_SECTOR && fatSectors.length < count; hops++) {
      if (hops > this.bytes.length / this.sectorBytes) throw new CompoundFileError('the DIFAT chain loops');
      const data = toUint32(this.sector(difat));
      for (let i = 0; i < perSector && fatSectors.length < count; i++) if (data[i] < MAX_REGULAR_SECTOR) fatSectors.push(data[i]);
      difat = data[perSector];
    }
    const fat = new Uint32Array(fatSectors.length * (this.sectorBytes / 4));
    fatSectors.forEach((sector, i) => fat.set(toUint32(this.sector(sector)), i * (this.sectorBytes / 4)));
    return fat;
  }

  /** The sectors of a chain, in order, as one array. */
  private chain(start: number): Uint8Array {
    const sectors: number[] = [];
    for (let sector = start; sector !== END_OF_CHAIN; sector = this.fat[sector]) {
      if (sector === FREE_SECTOR || sector >= this.fat.length || sectors.length > this.fat.length) {
        throw new CompoundFileError(`a sector chain is broken at sector ${sector}`);
      }
      sectors.push(sector);
    }
    const out = new Uint8Array(sectors.length * this.sectorBytes);
    let at = 0;
    for (const sector of sectors) {
      const data = this.sector(sector);
      out.set(data, at);
      at += data.length;
    }
    return out.subarray(0, at);
  }

  /** A small stream's 64-byte mini sectors, from the root entry's mini stream. */
  private miniChain(start: number, size: number): Uint8Array {
    const out = new Uint8Array(size);
    let at = 0;
    for (let sector = start, hops = 0; sector !== END_OF_CHAIN && at < size; sector = this.miniFat[sector], hops++) {
      if (sector >= this.miniFat.length || hops > this.miniFat.length) throw new CompoundFileError(`a mini sector chain is broken at sector ${sector}`);
      const piece = this.miniStream.subarray(sector * 64, sector * 64 + Math.min(64, size - at));
      out.set(piece, at);
      at += piece.length;
    }
    return out.subarray(0, at);
  }

  private entryAt(directory: Uint8Array, at: number): DirectoryEntry {
    const view = new DataView(directory.buffer, directory.byteOffset + at, DIRECTORY_ENTRY_BYTES);
    const nameBytes = Math.min(64, view.getUint16(64, true));
    let name = '';
    for (let i = 0; i + 1 < nameBytes - 1; i += 2) name += String.fromCharCode(view.getUint16(i, true));
    // a 4 KB-sector file keeps a 64-bit size; only its low half is meaningful for a workbook
    return { name, type: view.getUint8(66), start: view.getUint32(116, true), size: view.getUint32(120, true) };
  }
}

function toUint32(bytes: Uint8Array): Uint32Array {
  const out = new Uint32Array(bytes.length >> 2);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < out.length; i++) out[i] = view.getUint32(i * 4, true);
  return out;
}
