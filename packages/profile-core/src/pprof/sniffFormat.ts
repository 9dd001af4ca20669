/**
 * What a byte buffer looks like, decided from its first bytes only (magic numbers and text shape), so users get
 * "this is an HTML page" instead of a protobuf error. Content-Type headers are not trusted (F7: browsers and
 * proxies strip or add gzip layers).
 */
export type SniffedFormat =
  | 'empty'
  | 'gzip'
  | 'zstd'
  | 'html'
  | 'json'
  | 'text-profile' // Go legacy text profiles: ?debug=1 (heap, mutex, block, goroutine total, threadcreate)
  | 'goroutine-text' // ?debug=2 goroutine dump
  | 'text'
  | 'protobuf'
  | 'unknown';

const TEXT_PROFILE_PREFIXES = [
  'heap profile:',
  'goroutine profile:',
  'threadcreate profile:',
  '--- contention:',
  '--- mutex:',
  'mutex profile:',
  'block profile:',
  'allocs profile:',
];

export function sniffFormat(bytes: Uint8Array): SniffedFormat {
  if (bytes.length === 0) {
    return 'empty';
  }
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    return 'gzip';
  }
  if (bytes.length >= 4 && bytes[0] === 0x28 && bytes[1] === 0xb5 && bytes[2] === 0x2f && bytes[3] === 0xfd) {
    return 'zstd';
  }
  if (looksLikeText(bytes)) {
    const head = decodeHead(bytes).replace(/^\uFEFF/, '').trimStart();
    const lower = head.toLowerCase();
    if (lower.startsWith('<')) {
      return 'html';
    }
    if (head.startsWith('{') || head.startsWith('[')) {
      return 'json';
    }
    if (/^goroutine \d+ \[/.test(head)) {
      return 'goroutine-text';
    }
    if (TEXT_PROFILE_PREFIXES.some((p) => lower.startsWith(p))) {
      return 'text-profile';
    }
    return 'text';
  }
  // A pprof Profile starts with a field tag: field 1..15 (pprof.proto) with wire type 0 (varint) or 2 (bytes).
  const tag = bytes[0];
  const field = tag >> 3;
  const wire = tag & 7;
  if (field >= 1 && field <= 15 && (wire === 0 || wire === 2)) {
    return 'protobuf';
  }
  return 'unknown';
}

// Text if the first bytes have no control characters besides \t \n \r (a pprof protobuf has a length byte < 0x20
// within its first two or three bytes, so the two cannot be confused beyond a few degenerate bytes).
function looksLikeText(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 512);
  for (let i = 0; i < n; i++) {
    const c = bytes[i];
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) {
      return false;
    }
    if (c === 0x7f) {
      return false;
    }
  }
  return true;
}

function decodeHead(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 512));
}

/** One-line explanations for formats that are not pprof protobuf, shown to users as-is. */
export function describeFormat(format: SniffedFormat, bytes: Uint8Array): string {
  const firstLine = () =>
    new TextDecoder('utf-8', { fatal: false })
      .decode(bytes.subarray(0, 200))
      .trim()
      .split(/\r?\n/)[0]
      .slice(0, 80);
  switch (format) {
    case 'empty':
      return 'empty profile (0 bytes)';
    case 'zstd':
      return 'this is zstd-compressed data; pprof profiles are gzip or raw protobuf (decompress it first)';
    case 'html':
      return 'this is an HTML page, not a profile (a proxy, login or error page?)';
    case 'json':
      return `this is JSON, not a profile (an API error?): ${firstLine()}`;
    case 'text-profile':
      return 'this is a Go text profile (?debug=1); fetch it with debug=0 to get pprof protobuf';
    case 'goroutine-text':
      return 'this is a goroutine dump (?debug=2); fetch /debug/pprof/goroutine with debug=0';
    case 'text':
      return `this is text, not a profile: "${firstLine()}"`;
    default:
      return 'not a pprof profile (neither gzip nor protobuf)';
  }
}
