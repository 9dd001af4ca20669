/**
 * Stable error codes. UIs and the CLI switch on `code`; the message is a one-line human explanation.
 * Codes are part of the public API: never rename one, only add.
 */
export type ProfileErrorCode =
  | 'EMPTY' // 0 bytes (or an empty gzip member)
  | 'TRUNCATED' // input ends inside a field / gzip stream
  | 'GZIP_CORRUPT' // bad gzip header, CRC or ISIZE
  | 'NESTED_GZIP' // gzip inside gzip
  | 'ZSTD' // zstd-compressed (not supported by pprof)
  | 'HTML' // an HTML page (usually a proxy or login error page)
  | 'JSON' // a JSON document (usually an API error)
  | 'TEXT_PROFILE' // Go legacy text profile (?debug=1)
  | 'GOROUTINE_TEXT' // goroutine dump (?debug=2)
  | 'TEXT' // some other text, e.g. "404 page not found"
  | 'NOT_PPROF' // binary, but not a pprof protobuf
  | 'MALFORMED' // protobuf structure is broken (bad varint, wire type, length)
  | 'INVALID' // decodes, but fails pprof's CheckValid rules (dangling ids, value counts, strings)
  | 'CONCATENATED' // two profiles back to back
  | 'TOO_LARGE' // decompressed size exceeds limits.maxDecompressedBytes
  | 'LIMIT_EXCEEDED' // an entry count exceeds its limit
  | 'UNKNOWN_SAMPLE_TYPE' // the requested sample type does not exist
  | 'INCOMPATIBLE' // profiles cannot be merged / compared (different sample types)
  | 'BAD_ARGUMENT'; // invalid option (e.g. a bad regular expression)

/** The only error type profile-core throws on bad input. */
export class ProfileError extends Error {
  override readonly name = 'ProfileError';
  constructor(
    readonly code: ProfileErrorCode,
    message: string
  ) {
    // One line: callers show it verbatim in a panel or a CI log.
    super(message.replace(/\s*\n\s*/g, ' '));
  }
}

/** True for errors profile-core raised on purpose (as opposed to a bug). */
export function isProfileError(e: unknown): e is ProfileError {
  return e instanceof ProfileError;
}
