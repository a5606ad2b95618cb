/**
 * Reads a response body through the decompressors its Content-Encoding names, counting
 * decompressed bytes so a small gzip bomb is cut off as surely as a large plain body.
 */
import { pipeline, Transform, type Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';
import { ConnectorError } from '../errors.js';

/** Reads the whole body, decompressed, refusing more than maxBytes (counted after decompression). */
export async function readBody(
  body: Readable,
  contentEncoding: string | undefined,
  maxBytes: number,
  url: string,
): Promise<Uint8Array> {
  const decoders = createDecoders(contentEncoding, url);
  const stream: Readable = decoders.length ? (pipeline([body, ...decoders], () => {}) as unknown as Readable) : body;
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > maxBytes) throw tooLarge(maxBytes, url);
      chunks.push(chunk);
    }
  } finally {
    if (!body.destroyed) body.destroy();
  }
  return Buffer.concat(chunks);
}

/** Throws too_large when a declared Content-Length already exceeds the cap. */
export function assertDeclaredLength(
  contentLength: string | undefined,
  contentEncoding: string | undefined,
  maxBytes: number,
  url: string,
): void {
  // With an encoding the decompressed size is unknown here; it is counted while reading.
  if (!contentLength || (contentEncoding && contentEncoding !== 'identity')) return;
  if (Number(contentLength) > maxBytes) throw tooLarge(maxBytes, url);
}

function tooLarge(maxBytes: number, url: string): ConnectorError {
  return new ConnectorError('too_large', `fetcher: body larger than ${maxBytes} bytes`, { url });
}

/** Decoders in the order to apply them: codings are listed in the order they were applied. */
function createDecoders(contentEncoding: string | undefined, url: string): Transform[] {
  const codings = (contentEncoding ?? '')
    .toLowerCase()
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c && c !== 'identity');
  return codings.reverse().map((coding) => createDecoder(coding, url));
}

function createDecoder(coding: string, url: string): Transform {
  switch (coding) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'br':
      return createBrotliDecompress();
    case 'deflate':
      return createDeflateDecoder();
    default:
      throw new ConnectorError('bad_format', `fetcher: unsupported Content-Encoding ${coding}`, { url });
  }
}

/**
 * "deflate" should be zlib-wrapped (RFC 9110 §8.4.1.2) but some servers send raw deflate;
 * the first byte tells them apart (0x78 starts a zlib header).
 */
function createDeflateDecoder(): Transform {
  let inner: Transform | undefined;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      if (!inner) {
        inner = (chunk[0] ?? 0) === 0x78 ? createInflate() : createInflateRaw();
        inner.on('data', (data: Buffer) => this.push(data));
        inner.on('error', (err) => this.destroy(err));
      }
      inner.write(chunk, () => done());
    },
    flush(done) {
      if (!inner) return done();
      inner.once('end', () => done());
      inner.end();
    },
  });
}
