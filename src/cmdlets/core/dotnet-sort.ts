// .NET Framework 4.5's List<T>.Sort (ArraySortHelper's introspective sort), which Windows
// PowerShell 5.1's Sort-Object uses. It is not stable: objects whose keys compare equal come out
// in the order this algorithm leaves them (for three objects, its sorting network), which is
// also which one Sort-Object -Unique keeps. A stable sort would give other results.

export function introSort<T>(keys: T[], compare: (a: T, b: T) => number): void {
  if (keys.length < 2) return;
  introSortRange(keys, 0, keys.length - 1, 2 * floorLog2(keys.length), compare);
}

/** .NET's FloorLog2 (one more than the floor of log2, as ArraySortHelper computes it). */
function floorLog2(n: number): number {
  let result = 0;
  while (n >= 1) {
    result++;
    n = Math.floor(n / 2);
  }
  return result;
}

function swapIfGreater<T>(keys: T[], compare: (a: T, b: T) => number, a: number, b: number): void {
  if (a !== b && compare(keys[a]!, keys[b]!) > 0) swap(keys, a, b);
}

function swap<T>(keys: T[], i: number, j: number): void {
  const t = keys[i]!;
  keys[i] = keys[j]!;
  keys[j] = t;
}

function introSortRange<T>(keys: T[], lo: number, hi: number, depthLimit: number, compare: (a: T, b: T) => number): void {
  while (hi > lo) {
    const size = hi - lo + 1;
    if (size <= 16) {
      if (size === 2) swapIfGreater(keys, compare, lo, hi);
      else if (size === 3) {
        swapIfGreater(keys, compare, lo, hi - 1);
        swapIfGreater(keys, compare, lo, hi);
        swapIfGreater(keys, compare, hi - 1, hi);
      } else insertionSort(keys, lo, hi, compare);
      return;
    }
    if (depthLimit === 0) {
      heapSort(keys, lo, hi, compare);
      return;
    }
    depthLimit--;
    const p = pickPivotAndPartition(keys, lo, hi, compare);
    introSortRange(keys, p + 1, hi, depthLimit, compare);
    hi = p - 1;
  }
}

function pickPivotAndPartition<T>(keys: T[], lo: number, hi: number, compare: (a: T, b: T) => number): number {
  const mid = lo + ((hi - lo) >> 1);
  swapIfGreater(keys, compare, lo, mid);
  swapIfGreater(keys, compare, lo, hi);
  swapIfGreater(keys, compare, mid, hi);
  const pivot = keys[mid]!;
  swap(keys, mid, hi - 1);
  let left = lo;
  let right = hi - 1;
  while (left < right) {
    while (compare(keys[++left]!, pivot) < 0);
    while (compare(pivot, keys[--right]!) < 0);
    if (left >= right) break;
    swap(keys, left, right);
  }
  swap(keys, left, hi - 1);
  return left;
}

function insertionSort<T>(keys: T[], lo: number, hi: number, compare: (a: T, b: T) => number): void {
  for (let i = lo; i < hi; i++) {
    let j = i;
    const t = keys[i + 1]!;
    while (j >= lo && compare(t, keys[j]!) < 0) {
      keys[j + 1] = keys[j]!;
      j--;
    }
    keys[j + 1] = t;
  }
}

function heapSort<T>(keys: T[], lo: number, hi: number, compare: (a: T, b: T) => number): void {
  const n = hi - lo + 1;
  for (let i = n >> 1; i >= 1; i--) downHeap(keys, i, n, lo, compare);
  for (let i = n; i > 1; i--) {
    swap(keys, lo, lo + i - 1);
    downHeap(keys, 1, i - 1, lo, compare);
  }
}

function downHeap<T>(keys: T[], i: number, n: number, lo: number, compare: (a: T, b: T) => number): void {
  const d = keys[lo + i - 1]!;
  while (i <= n >> 1) {
    let child = 2 * i;
    if (child < n && compare(keys[lo + child - 1]!, keys[lo + child]!) < 0) child++;
    if (!(compare(d, keys[lo + child - 1]!) < 0)) break;
    keys[lo + i - 1] = keys[lo + child - 1]!;
    i = child;
  }
  keys[lo + i - 1] = d;
}
