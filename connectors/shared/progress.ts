/**
 * The heartbeat of a long read: the stages call reportProgress() after each unit of work
 * (a fiche of an archive parsed, an entry mapped, a JSON page read). A reader thread
 * forwards it to the main thread, whose time limit counts from the last sign of progress
 * rather than from the start, so that a large corpus that keeps moving is not cut short
 * while a source that hangs still is. Outside a reader thread nobody listens: a no-op.
 *
 * One listener per thread is enough: a reader thread reads one source at a time.
 */
let listener: (() => void) | undefined;

/** Says that the read moved on; cheap enough to call once per entry. */
export function reportProgress(): void {
  listener?.();
}

/** Sets (or, with undefined, removes) what reportProgress calls on this thread. */
export function listenToProgress(onProgress: (() => void) | undefined): void {
  listener = onProgress;
}
