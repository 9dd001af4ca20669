import { Gunzip } from 'fflate';
import { ProfileError } from '../model/ProfileError';
import { crc32 } from './crc32';

// Input is fed in chunks so the cap is checked often enough: deflate's maximum ratio is ~1032:1, so one 4 KiB
// push can emit ~4 MiB. Chunks adapt to the ratio seen so far: profiles (ratio 2–8) get 256 KiB chunks (small
// chunks are slow in fflate's streaming API: 4 KiB is ~2.5× slower than 16 KiB), bombs get 4 KiB ones.
const MAX_RATIO = 1032;
const MIN_CHUNK = 4 * 1024;
const MAX_CHUNK = 256 * 1024;

/**
 * Gunzips one gzip member, stopping as soon as more than `maxBytes` come out (gzip bombs, B4), and verifies the
 * CRC-32 and ISIZE trailer (truncation, B2). Several members (concatenated .pb.gz files) are rejected (B13).
 */
export function gunzipCapped(input: Uint8Array, maxBytes: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let members = 1;
  let overflow = false;
  const gz = new Gunzip((chunk) => {
    if (overflow) {
      return;
    }
    total += chunk.length;
    if (total > maxBytes) {
      overflow = true;
      return;
    }
    chunks.push(chunk);
  });
  gz.onmember = () => {
    members++;
  };
  try {
    for (let off = 0; off < input.length; ) {
      const ratio = off === 0 ? MAX_RATIO : Math.max(8, total / off);
      const chunk = Math.min(MAX_CHUNK, Math.max(MIN_CHUNK, Math.floor((maxBytes - total) / (ratio * 4))));
      const end = Math.min(off + chunk, input.length);
      gz.push(input.subarray(off, end), end === input.length);
      if (overflow) {
        throw new ProfileError(
          'TOO_LARGE',
          `profile decompresses to more than ${maxBytes} bytes (limit maxDecompressedBytes); refusing a possible gzip bomb`
        );
      }
      if (members > 1) {
        throw new ProfileError('CONCATENATED', 'several gzip members: this looks like concatenated profiles');
      }
      off = end;
    }
  } catch (e) {
    if (e instanceof ProfileError) {
      throw e;
    }
    const msg = e instanceof Error ? e.message : String(e);
    if (/EOF/i.test(msg)) {
      throw new ProfileError('TRUNCATED', 'gzip stream ends early: the profile is truncated');
    }
    throw new ProfileError('GZIP_CORRUPT', `corrupt gzip data (${msg})`);
  }
  if (input.length < 18) {
    throw new ProfileError('TRUNCATED', 'gzip stream ends early: the profile is truncated');
  }
  const t = input.length - 8;
  const wantCrc = (input[t] | (input[t + 1] << 8) | (input[t + 2] << 16) | (input[t + 3] << 24)) >>> 0;
  const wantSize = (input[t + 4] | (input[t + 5] << 8) | (input[t + 6] << 16) | (input[t + 7] << 24)) >>> 0;
  if (wantSize !== total % 2 ** 32) {
    throw new ProfileError('GZIP_CORRUPT', 'gzip length mismatch: the profile is truncated or corrupted');
  }
  let out: Uint8Array;
  if (chunks.length === 1) {
    out = chunks[0];
  } else {
    out = new Uint8Array(total);
    let o = 0;
    for (const c of chunks) {
      out.set(c, o);
      o += c.length;
    }
  }
  // CRC last, over the final bytes: a bomb is rejected above without paying for it.
  if (crc32(out) !== wantCrc) {
    throw new ProfileError('GZIP_CORRUPT', 'gzip checksum mismatch: the profile is truncated or corrupted');
  }
  return out;
}
