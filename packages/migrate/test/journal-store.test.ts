import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileJournalStore, memoryJournalStore } from '../src/index.js';
import { describeJournalStoreContract } from '../src/testing/index.js';

// The file journal and the memory store keep the store contract (the PostgreSQL store's
// test runs the same suite in @orgport/fleet).
describeJournalStoreContract(
  'file',
  () => fileJournalStore(join(mkdtempSync(join(tmpdir(), 'orgport-store-')), 'journal.ndjson')),
  { holdsOnePlan: true },
);
describeJournalStoreContract('memory', () => memoryJournalStore(), { holdsOnePlan: true });
