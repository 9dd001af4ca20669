/**
 * Test-only: hand-written pprof protobuf, field by field, to make the malformed profiles a builder refuses to
 * produce (dangling ids, wrong value counts, bad strings, odd wire types).
 */
import { ProtoWriter } from '../pprof/ProtoWriter';

export type RawField =
  | { f: number; varint: number }
  | { f: number; bytes: Uint8Array | string }
  | { f: number; msg: RawField[] }
  | { f: number; packed: number[] }
  | { raw: number[] };

export function rawPprof(fields: RawField[]): Uint8Array {
  const w = new ProtoWriter();
  write(w, fields);
  return w.finish();
}

function write(w: ProtoWriter, fields: RawField[]): void {
  for (const x of fields) {
    if ('raw' in x) {
      for (const b of x.raw) {
        w.varint(-1); // ensure capacity cheaply, then overwrite
        w.pos -= 10;
        w.buf[w.pos++] = b;
      }
    } else if ('varint' in x) {
      w.tag(x.f, 0);
      w.varint(x.varint);
    } else if ('bytes' in x) {
      w.bytesField(x.f, typeof x.bytes === 'string' ? new TextEncoder().encode(x.bytes) : x.bytes);
    } else if ('packed' in x) {
      w.packed(x.f, x.packed, 0, x.packed.length);
    } else {
      w.message(x.f, (m) => write(m, x.msg));
    }
  }
}

/** A minimal valid profile: one sample type, one function "main", one location, one sample of value `v`. */
export function minimalFields(v = 1): RawField[] {
  return [
    { f: 1, msg: [{ f: 1, varint: 1 }, { f: 2, varint: 2 }] },
    { f: 2, msg: [{ f: 1, packed: [1] }, { f: 2, packed: [v] }] },
    { f: 4, msg: [{ f: 1, varint: 1 }, { f: 4, msg: [{ f: 1, varint: 1 }] }] },
    { f: 5, msg: [{ f: 1, varint: 1 }, { f: 2, varint: 3 }] },
    { f: 6, bytes: '' },
    { f: 6, bytes: 'samples' },
    { f: 6, bytes: 'count' },
    { f: 6, bytes: 'main' },
  ];
}
