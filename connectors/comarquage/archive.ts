/**
 * Reads a zip of fiches entry by entry (fflate streaming), handing each wanted file over as
 * soon as it is inflated, so the whole archive never sits in memory decompressed. Sizes
 * are capped per file and in total: a zip is an easy bomb.
 */
import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import { ConnectorError } from '../shared/index.js';

const PUSH_CHUNK = 64 * 1024;

/** Limits of readArchive. */
export interface ArchiveLimits {
  /** Largest single file, decompressed. Default 5 MiB (the largest real fiche is ~1 MiB). */
  maxFileBytes?: number;
  /** Largest total, decompressed. Default 400 MiB. */
  maxTotalBytes?: number;
}

/** Tells whether bytes start like a zip archive (local file header "PK\x03\x04"). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Calls onFile(name, bytes) for each file accepted by wants(name), or onTooLarge(name). */
export function readArchive(
  bytes: Uint8Array,
  handlers: {
    wants(name: string): boolean;
    onFile(name: string, data: Uint8Array): void;
    onTooLarge(name: string): void;
  },
  limits: ArchiveLimits = {},
): void {
  const maxFile = limits.maxFileBytes ?? 5 * 1024 * 1024;
  // The full DILA archive is about 150 MiB unzipped; 400 MiB leaves room and stops bombs early.
  const maxTotal = limits.maxTotalBytes ?? 400 * 1024 * 1024;
  let total = 0;
  const unzip = new Unzip((file: UnzipFile) => {
    if (!handlers.wants(file.name)) return;
    const chunks: Uint8Array[] = [];
    let size = 0;
    let dropped = false;
    file.ondata = (error, chunk, final) => {
      if (error) throw error;
      size += chunk.length;
      total += chunk.length;
      if (total > maxTotal)
        throw new ConnectorError('bad_format', `comarquage: archive larger than ${maxTotal} bytes once unzipped`);
      if (size > maxFile && !dropped) {
        dropped = true;
        handlers.onTooLarge(file.name);
      }
      if (!dropped) chunks.push(chunk);
      if (final && !dropped) handlers.onFile(file.name, concat(chunks, size));
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    // fflate recurses once per file within a pushed chunk: small chunks keep the stack shallow.
    for (let offset = 0; offset < bytes.length; offset += PUSH_CHUNK) {
      unzip.push(bytes.subarray(offset, offset + PUSH_CHUNK), offset + PUSH_CHUNK >= bytes.length);
    }
  } catch (error) {
    if (error instanceof ConnectorError) throw error;
    throw new ConnectorError('bad_format', `comarquage: unreadable zip archive: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
