/**
 * Unpacks a zipped batch answer in memory, refusing anything that looks hostile: names that climb
 * out of the folder or are absolute, too many entries, too many bytes, or a compression ratio only
 * a zip bomb has. Sizes are checked from the headers before inflating, and yauzl's entry-size
 * validation makes sure the inflated bytes match what the headers promised.
 */
import yauzl from 'yauzl';
import type { Readable } from 'node:stream';
import { TerminalErrors } from './errors';

export interface ZipLimits {
  readonly maxEntries: number;
  readonly maxTotalBytes: number;
  /** Uncompressed : compressed, per entry. XML compresses about 10–30:1; bombs reach 1000:1. */
  readonly maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 64, maxTotalBytes: 256 * 1024 * 1024, maxRatio: 200 };

export interface ZipEntryContent {
  readonly name: string;
  readonly bytes: Buffer;
}

/** True when a name stays inside the folder it would be unpacked into. */
export function isSafeEntryName(name: string): boolean {
  if (name === '' || name.includes('\0') || name.includes('\\')) return false;
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return false;
  return !name.split('/').some((part) => part === '..');
}

function openZip(buffer: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: true }, (err, zip) => (err ? reject(err) : resolve(zip)));
  });
}

async function readAll(stream: Readable, budget: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > budget) {
      stream.destroy();
      throw TerminalErrors.zipRejected('entry larger than allowed');
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** The .xml entries of the archive in stored order; directories are skipped. */
export async function unzipXmlEntries(buffer: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ZipEntryContent[]> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(buffer);
  } catch (err) {
    throw TerminalErrors.zipRejected(`open: ${err instanceof Error ? err.message.slice(0, 120) : 'unknown'}`);
  }
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    throw TerminalErrors.zipRejected(`${zip.entryCount} entries > ${limits.maxEntries}`);
  }
  const out: ZipEntryContent[] = [];
  let total = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject);
      zip.on('end', resolve);
      zip.on('entry', (entry: yauzl.Entry) => {
        void (async () => {
          if (!isSafeEntryName(entry.fileName)) throw TerminalErrors.zipRejected('entry name leaves the folder');
          if (entry.fileName.endsWith('/') || !entry.fileName.toLowerCase().endsWith('.xml')) return;
          total += entry.uncompressedSize;
          if (total > limits.maxTotalBytes) throw TerminalErrors.zipRejected(`more than ${limits.maxTotalBytes} bytes`);
          if (entry.uncompressedSize > Math.max(entry.compressedSize, 1) * limits.maxRatio) throw TerminalErrors.zipRejected('compression ratio too high');
          const stream = await zip.openReadStreamPromise(entry);
          out.push({ name: entry.fileName, bytes: await readAll(stream, entry.uncompressedSize) });
        })().then(() => zip.readEntry(), reject);
      });
      zip.readEntry();
    });
  } catch (err) {
    if (err instanceof Error && err.name === 'AppError') throw err;
    throw TerminalErrors.zipRejected(err instanceof Error ? err.message.slice(0, 120) : 'unknown');
  } finally {
    zip.close();
  }
  return out;
}
