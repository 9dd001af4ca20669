import { crc32 as zlibCrc } from 'zlib';
import { crc32 } from './crc32';

describe('crc32', () => {
  it('matches zlib (the reference) on random data of odd lengths, and continues across chunks', () => {
    if (typeof zlibCrc !== 'function') {
      // Node < 20.15 has no zlib.crc32: fall back to the gzip trailer written by zlib.
      const { gzipSync } = require('zlib');
      const data = Buffer.from(Array.from({ length: 1001 }, (_, i) => (i * 31) % 256));
      const gz = gzipSync(data);
      expect(crc32(data)).toBe(gz.readUInt32LE(gz.length - 8));
      return;
    }
    for (const n of [0, 1, 3, 4, 5, 1000, 65537]) {
      const data = Buffer.from(Array.from({ length: n }, (_, i) => (i * 2654435761) >>> 24));
      expect(crc32(data)).toBe(zlibCrc(data));
      expect(crc32(data.subarray(n >> 1), crc32(data.subarray(0, n >> 1)))).toBe(zlibCrc(data));
    }
  });
});
