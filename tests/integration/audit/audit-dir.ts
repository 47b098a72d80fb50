/**
 * Opens the audit log of a data folder exactly as the app does (the store's database, the key-file
 * secret protector of web mode and the command line). Used by the parent tests and by the child
 * processes they kill or trace.
 */
import { openAudit, type OpenedAudit } from '../../../main/audit/open-audit';
import { KeyFileSecretProtector } from '../../../main/store/secret-protector';

export function openAuditDir(dataDir: string): Promise<OpenedAudit> {
  return openAudit({ dataDir, secretProtector: new KeyFileSecretProtector(dataDir) });
}
