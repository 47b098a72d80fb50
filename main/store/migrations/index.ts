/**
 * Every schema migration, in order. Each domain writes its own file (NNNN-domain.ts exporting one
 * Migration with that version) and adds one line here; the runner refuses gaps and duplicates.
 */
import type { Migration } from '../migration';
import { coreMigration } from './0001-core';
import { localDataMigration } from './0002-local-data';
import { auditMigration } from './0003-audit';

export const migrations: readonly Migration[] = [
  coreMigration,
  localDataMigration,
  auditMigration,
];
