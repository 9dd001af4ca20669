/**
 * A pprof string table. Decoded profiles keep only byte offsets and decode a string the first time it is
 * asked for: most strings (mapping paths, build ids, unused labels) are never shown.
 */
export interface StringTable {
  readonly length: number;
  get(index: number): string;
}

/** Strings held as JS strings (profiles built in memory: merge, folded stacks). */
export class ArrayStringTable implements StringTable {
  constructor(private readonly strings: readonly string[]) {}
  get length(): number {
    return this.strings.length;
  }
  get(index: number): string {
    return this.strings[index] ?? '';
  }
}

/** Strings decoded lazily from the protobuf bytes. Invalid UTF-8 becomes U+FFFD (TextDecoder, fatal: false). */
export class LazyStringTable implements StringTable {
  private readonly cache: Array<string | undefined>;
  private static decoder = new TextDecoder('utf-8', { fatal: false });
  constructor(
    private readonly bytes: Uint8Array,
    private readonly start: Uint32Array,
    private readonly len: Uint32Array,
    private readonly tableLength: number,
    private readonly maxLength: number,
    /** Synthetic strings appended after the table (e.g. the truncation marker's name). */
    private readonly extras: readonly string[] = []
  ) {
    this.cache = new Array(tableLength);
  }
  get length(): number {
    return this.tableLength + this.extras.length;
  }
  get(index: number): string {
    if (index < 0 || index >= this.tableLength) {
      return this.extras[index - this.tableLength] ?? '';
    }
    let s = this.cache[index];
    if (s === undefined) {
      const a = this.start[index];
      let n = this.len[index];
      // Cut huge names before decoding (B16: 1 MB names); 4 bytes per char is the UTF-8 worst case.
      if (n > this.maxLength * 4) {
        n = this.maxLength * 4;
      }
      s = asciiOrUtf8(this.bytes, a, a + n);
      if (s.length > this.maxLength) {
        s = s.slice(0, this.maxLength) + '…';
      }
      this.cache[index] = s;
    }
    return s;
  }
  static decode(bytes: Uint8Array, a: number, b: number): string {
    return LazyStringTable.decoder.decode(bytes.subarray(a, b));
  }
}

// Short ASCII strings (most Go symbol names) are cheaper to build by hand than through TextDecoder.
function asciiOrUtf8(bytes: Uint8Array, a: number, b: number): string {
  if (b - a > 64) {
    return LazyStringTable.decode(bytes, a, b);
  }
  let s = '';
  for (let i = a; i < b; i++) {
    const c = bytes[i];
    if (c >= 0x80) {
      return LazyStringTable.decode(bytes, a, b);
    }
    s += String.fromCharCode(c);
  }
  return s;
}
