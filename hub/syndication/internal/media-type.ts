/** Media types of enclosures: the partner's own when it is well-formed, else from the file extension. */

const BY_EXTENSION: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  jpe: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  svg: 'image/svg+xml',
  bmp: 'image/bmp',
  ico: 'image/vnd.microsoft.icon',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  heic: 'image/heic',
  pdf: 'application/pdf',
  zip: 'application/zip',
  json: 'application/json',
  xml: 'application/xml',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  rtf: 'application/rtf',
  csv: 'text/csv',
  txt: 'text/plain',
  htm: 'text/html',
  html: 'text/html',
  ics: 'text/calendar',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  aac: 'audio/aac',
  oga: 'audio/ogg',
  ogg: 'audio/ogg',
  opus: 'audio/ogg',
  wav: 'audio/wav',
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  webm: 'video/webm',
  mov: 'video/quicktime',
  ogv: 'video/ogg',
};

/** RFC 6838 §4.2 restricted names; parameters (";charset=…") are dropped. */
const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;

/** Partners often write the extension, not the type. */
const ALIASES: Record<string, string> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'image/svg': 'image/svg+xml',
};

const FALLBACK = 'application/octet-stream';

/** The media type of a file: the declared one if well-formed, else by extension, else application/octet-stream. */
export function resolveMediaType(url: string, declared?: string): string {
  const given = declared?.split(';')[0]?.trim().toLowerCase();
  if (given && MEDIA_TYPE.test(given)) return ALIASES[given] ?? given;
  return inferMediaType(url);
}

/** The media type implied by the last extension of the URL's path (query and fragment ignored). */
export function inferMediaType(url: string): string {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return FALLBACK;
  }
  const name = decodeSafely(path.slice(path.lastIndexOf('/') + 1));
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return FALLBACK;
  return BY_EXTENSION[name.slice(dot + 1).toLowerCase()] ?? FALLBACK;
}

function decodeSafely(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
