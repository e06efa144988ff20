/**
 * A token bucket per client address: `burst` posts at once, then one every `refillMs`. Buckets
 * that are full again are forgotten, so the map stays as small as the set of recent clients.
 */

export interface RateLimit {
  /** Posts a client may make at once. */
  burst: number;
  /** Milliseconds to earn back one post. */
  refillMs: number;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { burst: 10, refillMs: 6_000 };

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly limit: RateLimit) {}

  take(client: string, now: Date): RateDecision {
    const at = now.getTime();
    const bucket = this.buckets.get(client) ?? { tokens: this.limit.burst, at };
    const tokens = Math.min(this.limit.burst, bucket.tokens + (at - bucket.at) / this.limit.refillMs);
    if (tokens < 1) {
      this.buckets.set(client, { tokens, at });
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(((1 - tokens) * this.limit.refillMs) / 1000)) };
    }
    this.buckets.set(client, { tokens: tokens - 1, at });
    if (this.buckets.size > 10_000) this.forgetFull(at);
    return { allowed: true };
  }

  private forgetFull(at: number): void {
    for (const [client, bucket] of this.buckets) {
      if (bucket.tokens + (at - bucket.at) / this.limit.refillMs >= this.limit.burst) this.buckets.delete(client);
    }
  }
}
