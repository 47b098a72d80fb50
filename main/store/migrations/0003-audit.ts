import type { Migration } from '../migration';
import { AUDIT_SCHEMA_SQL } from '../../audit/schema';

/** The audit log's chained rows and its shipping position (schema owned by main/audit). */
export const auditMigration: Migration = {
  version: 3,
  name: 'audit',
  up: AUDIT_SCHEMA_SQL,
};
