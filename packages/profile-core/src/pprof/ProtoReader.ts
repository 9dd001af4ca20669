import { ProfileError } from '../model/ProfileError';

const TWO_32 = 4294967296;

/**
 * Minimal protobuf wire reader over a Uint8Array. Every read is bounded by `end` (the enclosing message), so a
 * lying length can never make us read a neighbour's bytes or past the buffer.
 *
 * Varints are returned as JS numbers. Values beyond ±2^53 lose precision; the decoder checks sample values and
 * warns instead of silently rounding (B9). Addresses (kernel 0xffff...) may round: they are only displayed.
 */
export class ProtoReader {
  pos = 0;
  // Low / high 32 bits of the last slow-path varint.
  private lo = 0;
  private hi = 0;

  constructor(readonly buf: Uint8Array) {}

  /** Unsigned varint (uint64 / ids / lengths) as a number. */
  uint(end: number): number {
    const buf = this.buf;
    let pos = this.pos;
    if (pos < end) {
      const b = buf[pos];
      if (b < 0x80) {
        this.pos = pos + 1;
        return b;
      }
      if (pos + 1 < end) {
        const b1 = buf[pos + 1];
        if (b1 < 0x80) {
          this.pos = pos + 2;
          return (b & 0x7f) | (b1 << 7);
        }
      }
    }
    this.slow(end);
    if (this.hi === 0) {
      return this.lo;
    }
    return this.hi * TWO_32 + this.lo;
  }

  /** int64 varint (sample values, may be negative in delta profiles: two's complement over 10 bytes). */
  int(end: number): number {
    const buf = this.buf;
    const pos = this.pos;
    if (pos < end && buf[pos] < 0x80) {
      this.pos = pos + 1;
      return buf[pos];
    }
    this.slow(end);
    const hi = this.hi;
    if (hi === 0) {
      return this.lo;
    }
    return (hi | 0) * TWO_32 + this.lo;
  }

  private slow(end: number): void {
    const buf = this.buf;
    let pos = this.pos;
    let lo = 0;
    let hi = 0;
    for (let i = 0; i < 10; i++) {
      if (pos >= end) {
        throw truncated();
      }
      const b = buf[pos++];
      if (i < 4) {
        lo |= (b & 0x7f) << (7 * i);
      } else if (i === 4) {
        lo |= (b & 0x0f) << 28;
        hi = (b & 0x7f) >> 4;
      } else {
        hi |= (b & 0x7f) << (7 * i - 32);
      }
      if (b < 0x80) {
        this.pos = pos;
        this.lo = lo >>> 0;
        this.hi = hi >>> 0;
        return;
      }
    }
    throw new ProfileError('MALFORMED', `varint longer than 10 bytes at offset ${this.pos}`);
  }

  /** Reads a length prefix and returns the end offset of the bytes it announces. */
  lengthEnd(end: number): number {
    const n = this.uint(end);
    const e = this.pos + n;
    if (e > end) {
      throw truncated(`length ${n} at offset ${this.pos} exceeds the remaining ${end - this.pos} bytes`);
    }
    return e;
  }

  /** Skips a field of the given wire type. Groups (3, 4) and wire types 6, 7 do not occur in pprof: reject. */
  skip(wire: number, end: number): void {
    switch (wire) {
      case 0:
        this.uint(end);
        return;
      case 1:
        this.advance(8, end);
        return;
      case 2:
        this.pos = this.lengthEnd(end);
        return;
      case 5:
        this.advance(4, end);
        return;
      default:
        throw new ProfileError('MALFORMED', `unsupported protobuf wire type ${wire} at offset ${this.pos}`);
    }
  }

  private advance(n: number, end: number): void {
    if (this.pos + n > end) {
      throw truncated();
    }
    this.pos += n;
  }
}

function truncated(detail?: string): ProfileError {
  return new ProfileError('TRUNCATED', `profile data ends early${detail ? ` (${detail})` : ''}: truncated or not pprof`);
}
