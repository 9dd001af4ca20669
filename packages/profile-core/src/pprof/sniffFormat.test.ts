import { readFileSync } from 'fs';
import { sniffFormat } from './sniffFormat';
import { gunzipSync } from 'zlib';
import { CORPUS } from '../testing/corpus';

describe('sniffFormat', () => {
  it('recognises the corpus as gzip and its content as protobuf', () => {
    const gz = new Uint8Array(readFileSync(`${CORPUS}/google-pprof__sample.cpu`));
    expect(sniffFormat(gz)).toBe('gzip');
    expect(sniffFormat(new Uint8Array(gunzipSync(gz)))).toBe('protobuf');
  });
  it.each([
    ['', 'empty'],
    ['  <html>', 'html'],
    ['\uFEFF{"a":1}', 'json'],
    ['--- contention:\ncycles/second=1\n', 'text-profile'],
    ['goroutine 7 [chan receive]:\n', 'goroutine-text'],
    ['Unknown profile\n', 'text'],
  ])('%j → %s', (text, want) => {
    expect(sniffFormat(new TextEncoder().encode(text))).toBe(want);
  });
  it('calls other binary "unknown"', () => {
    expect(sniffFormat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('unknown'); // PNG
  });
});
