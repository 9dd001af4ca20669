const TWO_32 = 4294967296;

/** Minimal protobuf writer into a growing Uint8Array. */
export class ProtoWriter {
  buf = new Uint8Array(1 << 16);
  pos = 0;

  private ensure(n: number): void {
    if (this.pos + n > this.buf.length) {
      let size = this.buf.length * 2;
      while (size < this.pos + n) {
        size *= 2;
      }
      const b = new Uint8Array(size);
      b.set(this.buf.subarray(0, this.pos));
      this.buf = b;
    }
  }

  /** int64/uint64 varint. Negative values are written as 10-byte two's complement (pprof delta profiles). */
  varint(v: number): void {
    this.ensure(10);
    if (v >= 0 && v < 0x80) {
      this.buf[this.pos++] = v;
      return;
    }
    let hi = Math.floor(v / TWO_32);
    let lo = v - hi * TWO_32;
    hi >>>= 0;
    lo >>>= 0;
    const buf = this.buf;
    while (hi !== 0 || lo >= 0x80) {
      buf[this.pos++] = (lo & 0x7f) | 0x80;
      lo = ((lo >>> 7) | (hi << 25)) >>> 0;
      hi >>>= 7;
    }
    buf[this.pos++] = lo;
  }

  tag(field: number, wire: number): void {
    this.varint((field << 3) | wire);
  }

  /** A varint field, omitted when zero (proto3 default). */
  uintField(field: number, v: number): void {
    if (v !== 0) {
      this.tag(field, 0);
      this.varint(v);
    }
  }

  bytesField(field: number, bytes: Uint8Array): void {
    this.tag(field, 2);
    this.varint(bytes.length);
    this.ensure(bytes.length);
    this.buf.set(bytes, this.pos);
    this.pos += bytes.length;
  }

  /** Writes a length-delimited submessage produced by `body`. */
  message(field: number, body: (w: ProtoWriter) => void): void {
    this.tag(field, 2);
    // Reserve 5 bytes for the length (submessages here are < 4 GiB), write, then shift into place.
    this.ensure(5);
    const lenPos = this.pos;
    this.pos += 5;
    const start = this.pos;
    body(this);
    const len = this.pos - start;
    let n = 1;
    for (let v = len; v >= 0x80; v = Math.floor(v / 128)) {
      n++;
    }
    if (n < 5) {
      this.buf.copyWithin(lenPos + n, start, this.pos);
    }
    let p = lenPos;
    let v = len;
    while (v >= 0x80) {
      this.buf[p++] = (v & 0x7f) | 0x80;
      v = Math.floor(v / 128);
    }
    this.buf[p] = v;
    this.pos = lenPos + n + len;
  }

  packed(field: number, values: ArrayLike<number>, from: number, to: number): void {
    if (to <= from) {
      return;
    }
    this.message(field, (w) => {
      for (let i = from; i < to; i++) {
        w.varint(values[i]);
      }
    });
  }

  finish(): Uint8Array {
    return this.buf.slice(0, this.pos);
  }
}
