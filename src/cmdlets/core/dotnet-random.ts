// Get-Random's generator as PowerShell has it (PolymorphicRandomNumberGenerator): every number
// is built from bytes; with -SetSeed the bytes come from .NET's System.Random(seed) (Knuth's
// subtractive generator), so a seeded Get-Random gives the numbers Windows PowerShell gives.

const MBIG = 2147483647;
const MSEED = 161803398;

/** System.Random (the .NET Framework algorithm), for NextBytes. */
class SeededRandom {
  private readonly seeds = new Int32Array(56);
  private inext = 0;
  private inextp = 21;

  constructor(seed: number) {
    const a = this.seeds;
    const subtraction = seed === -2147483648 ? MBIG : Math.abs(seed);
    let mj = MSEED - subtraction;
    a[55] = mj;
    let mk = 1;
    for (let i = 1; i < 55; i++) {
      const ii = (21 * i) % 55;
      a[ii] = mk;
      mk = mj - mk;
      if (mk < 0) mk += MBIG;
      mj = a[ii]!;
    }
    for (let k = 1; k < 5; k++) {
      for (let i = 1; i < 56; i++) {
        a[i] = a[i]! - a[1 + ((i + 30) % 55)]!;
        if (a[i]! < 0) a[i] = a[i]! + MBIG;
      }
    }
  }

  private sample(): number {
    let inext = this.inext + 1;
    let inextp = this.inextp + 1;
    if (inext >= 56) inext = 1;
    if (inextp >= 56) inextp = 1;
    let r = this.seeds[inext]! - this.seeds[inextp]!;
    if (r === MBIG) r--;
    if (r < 0) r += MBIG;
    this.seeds[inext] = r;
    this.inext = inext;
    this.inextp = inextp;
    return r;
  }

  nextBytes(buffer: Uint8Array): void {
    for (let i = 0; i < buffer.length; i++) buffer[i] = this.sample() % 256;
  }
}

export class RandomNumberGenerator {
  private readonly seeded?: SeededRandom;

  /** No seed: bytes from Math.random (PowerShell uses the cryptographic generator there). */
  constructor(seed?: number) {
    if (seed !== undefined) this.seeded = new SeededRandom(seed);
  }

  nextBytes(buffer: Uint8Array): void {
    if (this.seeded) this.seeded.nextBytes(buffer);
    else for (let i = 0; i < buffer.length; i++) buffer[i] = Math.floor(Math.random() * 256);
  }

  private sample(): number {
    const b = new Uint8Array(4);
    this.nextBytes(b);
    return new DataView(b.buffer).getInt32(0, true);
  }

  /** A non-negative Int32 below Int32.MaxValue. */
  next(): number {
    let r: number;
    do r = this.sample();
    while (r === MBIG);
    return r < 0 ? r + MBIG : r;
  }

  nextDouble(): number {
    return this.next() * (1.0 / MBIG);
  }

  /** An Int32 in [min, max). */
  nextInRange(min: number, max: number): number {
    const range = max - min;
    if (range <= MBIG) return Math.trunc(this.nextDouble() * range) + min;
    let r: number;
    do r = this.sample();
    while (r === MBIG);
    const large = (r + MBIG) * (1.0 / (2 * MBIG));
    return Math.trunc(large * range) + min;
  }

  /** An Int64 in [min, max) (GetRandomInt64: masked random bits below the difference). */
  nextInt64(min: bigint, max: bigint): bigint {
    const diff = max - min;
    if (diff <= BigInt(MBIG)) return min + BigInt(this.nextInRange(0, Number(diff)));
    const bits = diff.toString(2).length;
    const mask = (1n << BigInt(bits)) - 1n;
    const b = new Uint8Array(8);
    let r: bigint;
    do {
      this.nextBytes(b);
      r = new DataView(b.buffer).getBigUint64(0, true) & mask;
    } while (diff <= r);
    // PowerShell adds the two as doubles before truncating to Int64.
    return BigInt(Math.trunc(Number(min) + Number(r)));
  }

  /** A Double in [min, max), retried as PowerShell does when rounding reaches the bound. */
  nextDoubleInRange(min: number, max: number): number {
    let diff = max - min;
    let n: number;
    if (!Number.isFinite(diff)) {
      do {
        const r = this.nextDouble();
        n = min + r * max - r * min;
      } while (n >= max);
      return n;
    }
    do {
      const r = this.nextDouble();
      n = min + r * diff;
      diff *= r;
    } while (n >= max);
    return n;
  }
}
