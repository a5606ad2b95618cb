/**
 * The image cache, in the database so that every hub process shares it: one document per
 * partner image (its "master", already bounded in size, and when it was last checked) and
 * one per variant served (width × format). Looked up by _id only, the fast path of FerretDB.
 */
import { Schema, model } from 'mongoose';
import { isDuplicateKey } from '../db/index.js';

/** A partner's image as fetched: a master copy to resize from, or the reason it failed. */
export interface ImageSourceDoc {
  /** sha256 of the address, base64url. */
  _id: string;
  url: string;
  status: 'ok' | 'failed';
  /** WebP, at most MASTER_WIDTH wide: every variant is made from it, without fetching again. */
  master?: Buffer;
  masterHash?: string;
  /** The master has transparency (served as PNG to browsers without WebP). */
  alpha?: boolean;
  etag?: string;
  lastModified?: string;
  /** Why it failed (a connector code: http_4xx, too_large, bad_format…). */
  failure?: string;
  checkedAt: Date;
}

/** One served variant of an image. */
export interface ImageVariantDoc {
  /** `<source id>:<width>:<format>` */
  _id: string;
  source: string;
  masterHash: string;
  contentType: string;
  data: Buffer;
  etag: string;
  createdAt: Date;
}

const sourceSchema = new Schema<ImageSourceDoc>(
  {
    _id: String,
    url: { type: String, required: true },
    status: { type: String, required: true },
    master: Buffer,
    masterHash: String,
    alpha: Boolean,
    etag: String,
    lastModified: String,
    failure: String,
    checkedAt: { type: Date, required: true },
  },
  { versionKey: false },
);

const variantSchema = new Schema<ImageVariantDoc>(
  {
    _id: String,
    source: { type: String, required: true },
    masterHash: { type: String, required: true },
    contentType: { type: String, required: true },
    data: { type: Buffer, required: true },
    etag: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);
variantSchema.index({ source: 1 });

const ImageSourceModel = model<ImageSourceDoc>('ImageSource', sourceSchema, 'image_sources');
const ImageVariantModel = model<ImageVariantDoc>('ImageVariant', variantSchema, 'image_variants');

/** The collections of the cache (derived data: a backup leaves them out). */
export const IMAGE_COLLECTIONS = ['image_sources', 'image_variants'] as const;

/** A lean read gives the driver's Binary for a Buffer field: back to a Buffer. */
function toBuffer(value: unknown): Buffer {
  if (Buffer.isBuffer(value)) return value;
  const bytes = (value as { buffer?: Uint8Array }).buffer;
  return bytes ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : Buffer.alloc(0);
}

export async function findImageSource(id: string): Promise<ImageSourceDoc | undefined> {
  const doc = await ImageSourceModel.findById(id).lean<ImageSourceDoc>();
  if (!doc) return undefined;
  return doc.master ? { ...doc, master: toBuffer(doc.master) } : doc;
}

/** Writes what a fetch found (idempotent: the whole document is replaced). */
export async function saveImageSource(doc: ImageSourceDoc): Promise<void> {
  await ImageSourceModel.replaceOne({ _id: doc._id }, doc, { upsert: true });
}

/** Notes that the stored copy is still right (a 304). */
export async function touchImageSource(id: string, at: Date): Promise<void> {
  await ImageSourceModel.updateOne({ _id: id }, { $set: { checkedAt: at } });
}

export async function findImageVariant(id: string): Promise<ImageVariantDoc | undefined> {
  const doc = await ImageVariantModel.findById(id).lean<ImageVariantDoc>();
  return doc ? { ...doc, data: toBuffer(doc.data) } : undefined;
}

/** Stores a variant; another hub storing the same one first is fine. */
export async function saveImageVariant(doc: ImageVariantDoc): Promise<void> {
  try {
    await ImageVariantModel.create(doc);
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
  }
}

/** Forgets the variants of an image whose content changed. */
export async function dropImageVariants(source: string): Promise<void> {
  await ImageVariantModel.deleteMany({ source });
}

/** Deletes the images last checked before `before`, with their variants; returns how many. */
export async function deleteImagesCheckedBefore(before: Date): Promise<number> {
  const old = await ImageSourceModel.find({ checkedAt: { $lt: before } }, { _id: 1 }).lean<{ _id: string }[]>();
  const ids = old.map((doc) => doc._id);
  if (ids.length === 0) return 0;
  await ImageVariantModel.deleteMany({ source: { $in: ids } });
  await ImageSourceModel.deleteMany({ _id: { $in: ids } });
  return ids.length;
}
