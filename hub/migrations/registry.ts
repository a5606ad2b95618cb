/** Every migration this code ships, in the order they run. Append; never reorder or rename. */
import { itemsSchemaVersion } from './steps/001-items-schema-version.js';
import { sourceCredentialsApart } from './steps/002-source-credentials-apart.js';
import { partnerOffices } from './steps/003-partner-offices.js';
import { itemsReadability } from './steps/004-items-readability.js';
import { storyKeys } from './steps/005-story-keys.js';
import { storyJournal } from './steps/006-story-journal.js';
import type { Migration } from './types.js';

export const MIGRATIONS: readonly Migration[] = [
  itemsSchemaVersion,
  sourceCredentialsApart,
  partnerOffices,
  itemsReadability,
  storyKeys,
  storyJournal,
];
