/** A costly load (a build, a read from disk) done once per process and shared by every caller. */

/** Returns a function that loads on first call and then gives the same promise; a failed load is retried by the next call. */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    if (!loading) {
      loading = load();
      // Rather than cache a failure forever.
      loading.catch(() => {
        loading = undefined;
      });
    }
    return loading;
  };
}
