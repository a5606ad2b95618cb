/** Values held in memory for about a second (stale-while-revalidate, read-your-writes). */
export { heldValues, type HeldOptions, type HeldValues } from './held-values.js';
