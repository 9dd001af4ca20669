/**
 * The suspects rule table — data, not code. To teach Hotpath a new cause or driver, add a row or a pattern.
 *
 * Matching (see findSuspects): for each sample, the FIRST rule in table order that matches any frame of the
 * stack wins, so put specific components (database) before mechanisms (locks, GC, syscalls) they use.
 * Patterns are regex sources tested against full Go function names. `sampleTypes` limits a rule to some profile
 * types; a rule with `fallback` catches everything not matched before it.
 */
export type SuspectCause = 'goroutines' | 'database' | 'lock' | 'network' | 'io' | 'gc' | 'cpu';

export interface SuspectRule {
  cause: SuspectCause;
  label: string;
  patterns: string[];
  why: string;
  /** Only for these sample type names (e.g. 'goroutine'); all when absent. */
  sampleTypes?: string[];
  /** Matches every stack (still subject to sampleTypes). The reported frame is the leaf-most non-runtime frame. */
  fallback?: boolean;
}

export const SUSPECT_RULES: readonly SuspectRule[] = [
  {
    cause: 'goroutines',
    label: 'Goroutine growth',
    patterns: [],
    fallback: true,
    sampleTypes: ['goroutine', 'goroutines'],
    why: 'more goroutines are alive with these stacks: a leak, or work piling up behind something slow',
  },
  {
    cause: 'database',
    label: 'Database access',
    patterns: [
      '^database/sql\\.',
      '^database/sql/driver\\.',
      '^modernc\\.org/sqlite',
      '^github\\.com/mattn/go-sqlite3',
      '^github\\.com/jackc/pgx',
      '^github\\.com/lib/pq',
      '^github\\.com/go-sql-driver/mysql',
      '^go\\.mongodb\\.org/mongo-driver',
      '^github\\.com/redis/go-redis',
      '^gorm\\.io/',
    ],
    why: 'time is spent in database/sql or a database driver: slower queries, more queries, or a busy connection pool',
  },
  {
    cause: 'lock',
    label: 'Lock contention',
    patterns: [
      '^sync\\.\\(\\*Mutex\\)\\.',
      '^sync\\.\\(\\*RWMutex\\)\\.',
      '^sync\\.runtime_Semacquire',
      '^sync\\.runtime_SemacquireMutex',
      '^sync\\.runtime_SemacquireRWMutex',
      '^runtime\\.semacquire',
      '^runtime\\.semrelease',
      '^runtime\\.lock$',
      '^runtime\\.lock2$',
      '^runtime\\.lockWithRank$',
      '^runtime\\.unlock$',
      '^runtime\\.unlock2$',
    ],
    why: 'goroutines wait for sync.Mutex/RWMutex or runtime locks: a hot lock is serialising work',
  },
  {
    cause: 'gc',
    label: 'GC and allocation',
    patterns: [
      '^runtime\\.mallocgc',
      '^runtime\\.newobject$',
      '^runtime\\.makeslice$',
      '^runtime\\.growslice$',
      '^runtime\\.makemap',
      '^runtime\\.gcBgMarkWorker',
      '^runtime\\.gcDrain',
      '^runtime\\.gcAssistAlloc',
      '^runtime\\.scanobject$',
      '^runtime\\.markroot',
      '^runtime\\.gcWriteBarrier',
      '^runtime\\.wbBufFlush',
      '^runtime\\.bulkBarrierPreWrite',
      '^runtime\\.sweepone$',
      '^runtime\\.bgsweep$',
      '^runtime\\.\\(\\*mheap\\)\\.',
      '^runtime\\.\\(\\*mcache\\)\\.',
    ],
    why: 'allocation and garbage collection grew: more or bigger allocations, more GC cycles and write barriers',
  },
  {
    cause: 'network',
    label: 'Network',
    // Client-side and socket frames only: every HTTP handler runs under net/http.(*conn).serve, which must not
    // make all server work look like "network".
    patterns: [
      '^net\\.',
      '^net/http\\.\\(\\*Transport\\)',
      '^net/http\\.\\(\\*persistConn\\)',
      '^net/http\\.\\(\\*Client\\)',
      '^net/http\\.(Get|Post|Head|PostForm)$',
      '^net/http\\.\\(\\*http2',
      '^net/http\\.send$',
      '^crypto/tls\\.',
      '^vendor/golang\\.org/x/net/dns',
      '^golang\\.org/x/net/',
      '^google\\.golang\\.org/grpc',
    ],
    why: 'time is spent in sockets, HTTP clients, TLS or DNS: a slower upstream or more calls to it',
  },
  {
    cause: 'io',
    label: 'Blocking I/O',
    patterns: [
      '^os\\.\\(\\*File\\)\\.',
      '^os\\.(ReadFile|WriteFile|Open|OpenFile|Create)$',
      '^syscall\\.',
      '^internal/poll\\.',
      '^internal/syscall/',
      '[Ff]sync',
      '^runtime/internal/syscall\\.',
    ],
    why: 'time is spent in file or syscall I/O (os.File, fsync, read/write): slower disk or more I/O',
  },
  {
    cause: 'cpu',
    label: 'CPU-bound logic',
    patterns: [],
    fallback: true,
    why: 'no I/O, lock, database or GC frames: the code itself does more work (an algorithm, a loop, serialisation)',
  },
];
