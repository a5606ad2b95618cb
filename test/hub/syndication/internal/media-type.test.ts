import { describe, expect, it } from 'vitest';
import { inferMediaType, resolveMediaType } from '../../../../hub/syndication/internal/media-type.js';

describe('resolveMediaType', () => {
  it.each([
    ['https://x.nc/a.jpg', undefined, 'image/jpeg'],
    ['https://x.nc/a.JPEG', undefined, 'image/jpeg'],
    ['https://x.nc/a.jpg?size=large&v=2', undefined, 'image/jpeg'],
    ['https://x.nc/a.png#top', undefined, 'image/png'],
    ['https://x.nc/logo.svg', undefined, 'image/svg+xml'],
    ['https://x.nc/doc.pdf', undefined, 'application/pdf'],
    ['https://x.nc/tableau.xlsx', undefined, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['https://x.nc/podcast.mp3', undefined, 'audio/mpeg'],
    ['https://x.nc/mon%20fichier.webp', undefined, 'image/webp'],
    ['https://x.nc/img/8f3a', undefined, 'application/octet-stream'],
    ['https://x.nc/archive.tar.unknown', undefined, 'application/octet-stream'],
    ['https://x.nc/dossier.v2/photo', undefined, 'application/octet-stream'],
    ['https://x.nc/img/8f3a', 'image/webp', 'image/webp'],
    ['https://x.nc/a.png', 'IMAGE/PNG; charset=binary', 'image/png'],
    ['https://x.nc/a.jpg', 'image/jpg', 'image/jpeg'],
    ['https://x.nc/a.jpg', 'jpg', 'image/jpeg'],
    ['https://x.nc/a.jpg', 'image/<script>', 'image/jpeg'],
    ['https://x.nc/a.jpg', '', 'image/jpeg'],
  ])('%s declared %s → %s', (url, declared, expected) => {
    expect(resolveMediaType(url, declared)).toBe(expected);
  });

  it('is application/octet-stream for a string that is no URL', () => {
    expect(inferMediaType('not a url.png')).toBe('application/octet-stream');
  });
});
