/**
 * A minimal zip reader for the CMS code-set downloads: reads the central
 * directory and inflates entries (stored or deflate). No zip64, no
 * encryption: CMS releases use neither, and a clear error beats a guess.
 */
import { inflateRawSync } from 'node:zlib';

export class ZipError extends Error {
  constructor(
    message: string,
    /** The entry the problem is in, when it is about one. */
    readonly entry?: string,
  ) {
    super(entry === undefined ? message : `${entry}: ${message}`);
    this.name = 'ZipError';
  }
}

export interface ZipEntry {
  name: string;
  size: number;
  /** Inflates the entry on demand, so callers only pay for the entries they use. */
  read(): Buffer;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export function readZip(input: Uint8Array): ZipEntry[] {
  const buf = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const eocd = findEndOfCentralDirectory(buf);
  const count = buf.readUInt16LE(eocd + 10);
  const dirOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) throw new ZipError('zip64 archives are not supported');
  const entries: ZipEntry[] = [];
  let at = dirOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw new ZipError(`central directory entry ${i + 1} is damaged`);
    const flags = buf.readUInt16LE(at + 8);
    const method = buf.readUInt16LE(at + 10);
    const compressedSize = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const localOffset = buf.readUInt32LE(at + 42);
    const name = buf.toString(flags & 0x800 ? 'utf8' : 'latin1', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith('/')) continue; // a folder
    entries.push({ name, size, read: () => readEntry(buf, name, flags, method, localOffset, compressedSize, size) });
  }
  return entries;
}

function findEndOfCentralDirectory(buf: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65535 bytes at the end.
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let at = buf.length - 22; at >= stop; at--) {
    if (buf.readUInt32LE(at) === EOCD_SIGNATURE) return at;
  }
  throw new ZipError('not a zip file (no end of central directory)');
}

function readEntry(buf: Buffer, name: string, flags: number, method: number, offset: number, compressedSize: number, size: number): Buffer {
  if (flags & 0x1) throw new ZipError('encrypted entries are not supported', name);
  if (offset + 30 > buf.length || buf.readUInt32LE(offset) !== LOCAL_SIGNATURE) throw new ZipError('local header is damaged', name);
  const start = offset + 30 + buf.readUInt16LE(offset + 26) + buf.readUInt16LE(offset + 28);
  const data = buf.subarray(start, start + compressedSize);
  if (data.length !== compressedSize) throw new ZipError('entry is truncated', name);
  let out: Buffer;
  if (method === 0) out = Buffer.from(data);
  else if (method === 8) {
    try {
      out = inflateRawSync(data);
    } catch {
      throw new ZipError('deflate data is damaged', name);
    }
  } else throw new ZipError(`compression method ${method} is not supported`, name);
  if (out.length !== size) throw new ZipError('inflated size does not match the directory', name);
  return out;
}
