/**
 * Preloaded into a hub process (NODE_OPTIONS=--import) by tests that check which items it
 * reads: every command on the items collection other than a write is printed on stderr as
 * `items read: <method> <filter>` (mongoose debug, the driver's level; issue 17).
 */
import mongoose from 'mongoose';

mongoose.set('debug', (collection, method, ...args) => {
  if (collection === 'items' && !/^(insert|update|bulkWrite)/.test(method))
    process.stderr.write(`items read: ${method} ${JSON.stringify(args[0])}\n`);
});
