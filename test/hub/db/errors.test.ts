import { describe, expect, it } from 'vitest';
import { isDuplicateKey } from '../../../hub/db/index.js';

describe('isDuplicateKey', () => {
  it.each([
    ['MongoDB E11000', { code: 11000, codeName: 'DuplicateKey', errmsg: 'E11000 duplicate key error collection' }],
    ['MongoDB legacy 11001', { code: 11001 }],
    ['wrapped in a cause', { message: 'write failed', cause: { code: 11000 } }],
    [
      'FerretDB update on SQLite',
      {
        code: 1,
        codeName: 'InternalError',
        errmsg:
          "[msg_update.go:133 handler.(*Handler).updateDocument] constraint failed: UNIQUE constraint failed: index 'sources_721e9831_kind_1_url_1' (2067)",
      },
    ],
    [
      'FerretDB in the error response only',
      { code: 1, errorResponse: { errmsg: 'constraint failed: UNIQUE constraint failed: index x (2067)' } },
    ],
  ])('recognises %s', (_label, err) => {
    expect(isDuplicateKey(err)).toBe(true);
  });

  it.each([
    ['another internal error', { code: 1, codeName: 'InternalError', errmsg: 'disk I/O error' }],
    ['a network error', new Error('connection closed')],
    ['nothing', undefined],
  ])('does not take %s for a duplicate', (_label, err) => {
    expect(isDuplicateKey(err)).toBe(false);
  });
});
