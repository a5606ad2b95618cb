import { describe, expect, it } from 'vitest';
import { diffRevisions } from '../../../hub/labs/diff.js';

describe('diffRevisions', () => {
  it('marks words inserted and deleted in words, outside the surrounding spaces', () => {
    const diff = diffRevisions(
      'Présentez le livret de famille.',
      'Présentez le livret de famille et une pièce d’identité.',
    );
    expect(diff.readable).toBe('Présentez le livret de famille [+ ajouté : et une pièce d’identité +].');
    expect(diff).toMatchObject({ inserted: 4, deleted: 0 });
    const before = diff.parts
      .filter((p) => p.op !== 'insert')
      .map((p) => p.text)
      .join('');
    const after = diff.parts
      .filter((p) => p.op !== 'delete')
      .map((p) => p.text)
      .join('');
    expect([before, after]).toEqual([
      'Présentez le livret de famille.',
      'Présentez le livret de famille et une pièce d’identité.',
    ]);
  });

  it('says nothing changed between equal texts', () => {
    expect(diffRevisions('Même texte', 'Même texte')).toMatchObject({
      inserted: 0,
      deleted: 0,
      readable: 'Même texte',
    });
  });
});
