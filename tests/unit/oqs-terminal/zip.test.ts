import { describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { isSafeEntryName, unzipXmlEntries } from '../../../main/oqs/terminal/zip';
import { rejectionCode } from '../../helpers/error-code';

function makeZip(entries: { name: string; bytes: Buffer; compress?: boolean }[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const zip = new yazl.ZipFile();
    for (const e of entries) zip.addBuffer(e.bytes, e.name, { compress: e.compress ?? true });
    zip.end();
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks))).on('error', reject);
  });
}

/** yazl refuses '..' names, so the hostile name is patched into a valid archive afterwards. */
function renameInside(zip: Buffer, from: string, to: string): Buffer {
  expect(from.length).toBe(to.length);
  return Buffer.from(zip.toString('latin1').replaceAll(from, to), 'latin1');
}

describe('zipped answers', () => {
  it('unpacks the XML entries in order and skips other files', async () => {
    const zip = await makeZip([{ name: 'a.xml', bytes: Buffer.from('<a/>') }, { name: 'readme.txt', bytes: Buffer.from('x') }, { name: 'dir/b.xml', bytes: Buffer.from('<b/>') }]);
    const entries = await unzipXmlEntries(zip);
    expect(entries.map((e) => [e.name, e.bytes.toString()])).toEqual([['a.xml', '<a/>'], ['dir/b.xml', '<b/>']]);
  });

  it('refuses an entry whose name climbs out of the folder', async () => {
    const zip = renameInside(await makeZip([{ name: 'AA/evil.xml', bytes: Buffer.from('<a/>') }]), 'AA/evil.xml', '../evil.xml');
    expect(await rejectionCode(unzipXmlEntries(zip))).toBe('OQS_ZIP_REJECTED');
    const absolute = renameInside(await makeZip([{ name: 'Xetc/evil.xml', bytes: Buffer.from('<a/>') }]), 'Xetc/evil.xml', '/etc/evil.xml');
    expect(await rejectionCode(unzipXmlEntries(absolute))).toBe('OQS_ZIP_REJECTED');
  });

  it('refuses a zip bomb by its compression ratio, before inflating it', async () => {
    const bomb = await makeZip([{ name: 'bomb.xml', bytes: Buffer.alloc(20 * 1024 * 1024, 0x20) }]);
    expect(bomb.length).toBeLessThan(200 * 1024);
    expect(await rejectionCode(unzipXmlEntries(bomb))).toBe('OQS_ZIP_REJECTED');
  });

  it('refuses archives over the size or entry caps', async () => {
    const big = await makeZip([{ name: 'a.xml', bytes: Buffer.alloc(4096, 0x41), compress: false }]);
    expect(await rejectionCode(unzipXmlEntries(big, { maxEntries: 64, maxTotalBytes: 1024, maxRatio: 200 }))).toBe('OQS_ZIP_REJECTED');
    const many = await makeZip(Array.from({ length: 5 }, (_, i) => ({ name: `${i}.xml`, bytes: Buffer.from('<a/>') })));
    expect(await rejectionCode(unzipXmlEntries(many, { maxEntries: 4, maxTotalBytes: 1024, maxRatio: 200 }))).toBe('OQS_ZIP_REJECTED');
  });

  it('refuses bytes that are not a zip', async () => {
    expect(await rejectionCode(unzipXmlEntries(Buffer.from('<XmlMsg/>')))).toBe('OQS_ZIP_REJECTED');
  });

  it('judges entry names', () => {
    for (const bad of ['../a.xml', 'a/../../b.xml', '/abs.xml', 'C:/x.xml', 'a\\b.xml', '']) expect(isSafeEntryName(bad), bad).toBe(false);
    for (const ok of ['a.xml', 'dir/a.xml', 'a..b.xml']) expect(isSafeEntryName(ok), ok).toBe(true);
  });
});
