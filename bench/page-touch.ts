// What a first write to a fresh page of memory costs on this machine: the
// kernel maps it then (a page fault). On ordinary hardware that is well under a
// microsecond; in some virtual machines it is ten or more, and code that
// allocates pays it wherever its heap grows. The scan allocates more than the
// floor (its index, its results, the JIT's work on its first run), so on such a
// machine the ratio to the floor grows: the report prints this figure beside the
// ratios, so that runs on different machines can be told apart.

const PAGE = 4096;
/** Large enough that the allocator maps it fresh from the kernel rather than reusing freed memory. */
const SIZE = 64 * 1024 * 1024;

/** Microseconds per fresh 4 KB page written once, less the same writes to pages already mapped; the median of `rounds`. */
export function firstTouchMicros(rounds = 3): number {
  const per: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const bytes = new Uint8Array(new ArrayBuffer(SIZE));
    const first = touch(bytes, 1);
    const again = touch(bytes, 2);
    per.push(((first - again) * 1000) / (SIZE / PAGE));
  }
  per.sort((a, b) => a - b);
  return Math.max(0, per[Math.floor(per.length / 2)]!);
}

function touch(bytes: Uint8Array, value: number): number {
  const t = performance.now();
  for (let i = 0; i < bytes.length; i += PAGE) bytes[i] = value;
  return performance.now() - t;
}
