import { describe, expect, it } from 'vitest';
import {
  buildItemsFeedUrls,
  buildPartnerFeedTemplate,
  buildPartnerFeedUrls,
  listFeedTopics,
} from '../../../hub/syndication/index.js';

describe('feed URLs', () => {
  it('builds the unified feed URLs with the query', () => {
    expect(buildItemsFeedUrls('https://hub.nc/', 'topic=emploi')).toEqual({
      rss: 'https://hub.nc/feeds/items.rss?topic=emploi',
      atom: 'https://hub.nc/feeds/items.atom?topic=emploi',
      json: 'https://hub.nc/feeds/items.json?topic=emploi',
    });
  });

  it('builds a partner feed URL and its template', () => {
    expect(buildPartnerFeedUrls('https://hub.nc', 'province-sud').atom).toBe(
      'https://hub.nc/feeds/partners/province-sud.atom',
    );
    expect(buildPartnerFeedTemplate('https://hub.nc/')).toBe('https://hub.nc/feeds/partners/{partnerId}.rss');
  });

  it('lists the WebSub topics: the unified feed, then each partner, in every format', () => {
    expect(listFeedTopics('https://hub.nc', ['gouv-nc'])).toEqual([
      'https://hub.nc/feeds/items.rss',
      'https://hub.nc/feeds/items.atom',
      'https://hub.nc/feeds/items.json',
      'https://hub.nc/feeds/partners/gouv-nc.rss',
      'https://hub.nc/feeds/partners/gouv-nc.atom',
      'https://hub.nc/feeds/partners/gouv-nc.json',
    ]);
  });
});
