/**
 * Asks a hub's /healthz one request after another, 20 ms apart, until stopped. Each answer
 * is timed from when its request was due, not from when it was sent: a request that a
 * blocked event loop could not even send counts the block too (the clients of a real hub
 * are not blocked, only the hub is). Shared by the isolation benchmark and the tests that
 * hold issue 16's /healthz bound.
 */

/** One answer: when its request was due (performance.now()), its time from then, its status. */
export interface HealthSample {
  due: number;
  ms: number;
  status: number;
}

export interface HealthProbe {
  /** Stops asking (after the request in flight) and gives every answer, in order. */
  stop(): Promise<HealthSample[]>;
}

/** Starts asking hubUrl/healthz every intervalMs (default 20). */
export function probeHealth(hubUrl: string, intervalMs = 20): HealthProbe {
  const samples: HealthSample[] = [];
  let running = true;
  const loop = (async () => {
    let due = performance.now();
    while (running) {
      const res = await fetch(`${hubUrl}/healthz`);
      await res.arrayBuffer();
      samples.push({ due, ms: performance.now() - due, status: res.status });
      due = performance.now() + intervalMs;
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return samples;
    },
  };
}
