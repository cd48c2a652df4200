import type { CacheLookup, CacheTier } from "../../src/ports/cache-tier.ts";

/** A cache tier that records how long each of its hits took, by `now()` (virtual or real ms), while `timing` is on. */
export class TimedTier implements CacheTier {
  readonly hitLatencies: number[] = [];
  timing = true;

  constructor(
    readonly inner: CacheTier,
    private readonly now: () => number,
  ) {}

  get name() {
    return this.inner.name;
  }

  async get(key: string): Promise<CacheLookup> {
    const t0 = this.now();
    const r = await this.inner.get(key);
    if (r.kind === "hit" && this.timing) this.hitLatencies.push(this.now() - t0);
    return r;
  }

  set(key: string, value: string, ttlMs: number) {
    return this.inner.set(key, value, ttlMs);
  }

  delete(key: string) {
    return this.inner.delete(key);
  }

  deleteTenant(tenant: string) {
    return this.inner.deleteTenant(tenant);
  }
}

/** Milliseconds on the real high-resolution clock. */
export const realMs = (): number => Number(process.hrtime.bigint()) / 1e6;
