/**
 * Deleting really deletes: after a patient's record is removed (or ages out), neither the name nor
 * even the ciphertext that held it is left in the database file or its WAL.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { CheckRecords } from '../../../main/store/check-records';
import type { StoreDatabase } from '../../../main/store/database';
import { InquiryBook } from '../../../main/store/inquiry-numbers';
import { tempStore, type TempStore } from '../../unit/store/temp-store';

const NAME = '試験患者 花子';
let tmp: TempStore;
afterEach(() => tmp.cleanup());

function rawBytes(store: StoreDatabase): Buffer {
  const wal = store.file + '-wal';
  return Buffer.concat([readFileSync(store.file), existsSync(wal) ? readFileSync(wal) : Buffer.alloc(0)]);
}

function contains(haystack: Buffer, text: string): boolean {
  return haystack.includes(Buffer.from(text, 'utf8')) || haystack.includes(Buffer.from(text, 'utf16le'));
}

describe('deletion leaves nothing behind', () => {
  it('a deleted check record: name and ciphertext gone from the file and the WAL', async () => {
    tmp = tempStore();
    const store = await tmp.open();
    const records = new CheckRecords(store, () => new Date('2026-11-25T03:00:00Z'));
    for (let i = 0; i < 50; i++) records.add({ checkedAt: new Date('2026-11-25T01:00:00Z'), staffId: 1, outcome: 'consented', summary: { name: `他の患者 ${i}` } });
    const id = records.add({ checkedAt: new Date('2026-11-25T02:00:00Z'), staffId: 1, outcome: 'consented', summary: { name: NAME, birthDate: '19600101' } });
    const sealed = store.db.prepare('SELECT sealed FROM check_records WHERE id = ?').pluck().get(id) as Buffer;
    expect(rawBytes(store).includes(sealed)).toBe(true);
    expect(contains(rawBytes(store), NAME)).toBe(false);

    expect(records.remove(id)).toBe(true);
    expect(rawBytes(store).includes(sealed)).toBe(false);
    expect(contains(rawBytes(store), NAME)).toBe(false);
    expect(records.listDay('2026-11-25')).toHaveLength(50);
  });

  it('retention deletes records older than the setting, the same way', async () => {
    tmp = tempStore();
    const store = await tmp.open();
    const records = new CheckRecords(store, () => new Date('2026-11-25T03:00:00Z'));
    const old = records.add({ checkedAt: new Date('2026-10-20T03:00:00Z'), staffId: null, outcome: 'consented', summary: { name: NAME } });
    records.add({ checkedAt: new Date('2026-11-20T03:00:00Z'), staffId: null, outcome: 'declined', summary: { name: '新しい記録' } });
    const sealed = store.db.prepare('SELECT sealed FROM check_records WHERE id = ?').pluck().get(old) as Buffer;
    expect(records.applyRetention(30)).toBe(1);
    expect(rawBytes(store).includes(sealed)).toBe(false);
    expect(records.listDay('2026-11-20').map((r) => r.summary.name)).toEqual(['新しい記録']);
    expect(records.listDay('2026-10-20')).toEqual([]);
  });

  it('a deleted 照会番号 entry leaves no ciphertext behind', async () => {
    tmp = tempStore();
    const store = await tmp.open();
    const book = new InquiryBook(store, '0110113719');
    const entry = book.register({ referenceNumber: 'DEL-1', insurerNumber: '33120015', symbol: '削除', number: '1', branch: '01', birthDate: '19700101' });
    const sealed = store.db.prepare('SELECT sealed FROM inquiry_numbers WHERE id = ?').pluck().get(entry.id) as Buffer;
    book.remove(entry.id);
    expect(rawBytes(store).includes(sealed)).toBe(false);
    expect(contains(rawBytes(store), 'DEL-1')).toBe(false);
  });
});
