/**
 * The status an agent reads, derived from the records rather than stored, so that no
 * concurrent write can leave it wrong: brouillon → en-relecture → approuve → publie, or
 * abandonne. A new revision after a publication puts the lab back in review.
 */
import type { LabDoc } from './lab-model.js';

export type LabStatus = 'brouillon' | 'en-relecture' | 'approuve' | 'publie' | 'abandonne';

export interface StatusFacts {
  latestRevision: number;
  /** Concerned partners that have not approved the latest revision. */
  missing: string[];
  /** The revision published last, if any. */
  publishedRevision?: number;
}

/** The lab's status from its stage and its records. */
export function deriveStatus(lab: Pick<LabDoc, 'stage'>, facts: StatusFacts): LabStatus {
  if (lab.stage === 'abandonne') return 'abandonne';
  if (facts.latestRevision > 0 && facts.publishedRevision === facts.latestRevision) return 'publie';
  if (facts.latestRevision > 0 && facts.missing.length === 0) return 'approuve';
  if (lab.stage === 'en-relecture' || facts.publishedRevision !== undefined) return 'en-relecture';
  return 'brouillon';
}
