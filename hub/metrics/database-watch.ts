/** Counts errors the MongoDB connection reports outside any request (lost primary, network). */
import mongoose from 'mongoose';
import { recordDatabaseError } from './registry.js';

let watching = false;

/** Listens once per process to the default mongoose connection's errors. */
export function watchDatabaseConnection(): void {
  if (watching) return;
  watching = true;
  mongoose.connection.on('error', () => recordDatabaseError('connection'));
}
