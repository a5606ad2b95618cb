/**
 * Repair: recomputes every item's stats from the like and comment records (two $group
 * aggregations) and fixes the items that disagree. Run by `tsx hub/cli/recount.ts`.
 */
import { scanItemStats } from '../../items/index.js';
import { CommentModel } from '../comments/comment-model.js';
import { LikeModel } from '../likes/like-model.js';
import { syncItemStats } from './sync-item-stats.js';

export interface RecountReport {
  checked: number;
  fixed: number;
  /** Ids of the items whose stats were wrong. */
  fixedIds: string[];
}

type CountRow = { _id: string; n: number };

function groupByItem(match: Record<string, unknown>) {
  return [{ $match: match }, { $group: { _id: '$itemId', n: { $sum: 1 } } }];
}

function toMap(rows: CountRow[]): Map<string, number> {
  return new Map(rows.map((r) => [r._id, r.n]));
}

/** Checks every item against its records; fixes and reports the wrong ones. */
export async function recountItemStats(): Promise<RecountReport> {
  const [likeRows, commentRows] = await Promise.all([
    LikeModel.aggregate<CountRow>(groupByItem({})),
    CommentModel.aggregate<CountRow>(groupByItem({ status: 'published' })),
  ]);
  const likes = toMap(likeRows);
  const comments = toMap(commentRows);
  const report: RecountReport = { checked: 0, fixed: 0, fixedIds: [] };
  for await (const item of scanItemStats()) {
    report.checked += 1;
    const expected = { likes: likes.get(item.id) ?? 0, comments: comments.get(item.id) ?? 0 };
    if (item.stats.likes === expected.likes && item.stats.comments === expected.comments) continue;
    // The same checked write as live traffic uses, so a repair racing a like stays exact.
    await syncItemStats(item.id);
    report.fixed += 1;
    report.fixedIds.push(item.id);
  }
  return report;
}
