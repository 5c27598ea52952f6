// The hold-out draw: a seeded, reproducible shuffle of the members (sorted by id first, so the order they were
// found in does not matter) whose first round(n * share) go to the hold-out. The same members, share and seed
// always give the same hold-out, on every machine; Math.random is never used.

/** mulberry32: a small 32-bit generator, enough for shuffling a customer list; floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** How many of n members the hold-out gets: exactly round(n * share). */
export function holdoutSize(n: number, share: number): number {
  return Math.round(n * share)
}

export function drawHoldout(
  customerIds: readonly number[],
  share: number,
  seed: number,
): { contacted: number[]; holdout: number[] } {
  const ids = [...new Set(customerIds)].sort((a, b) => a - b)
  const random = seededRandom(seed)
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    const a = ids[i] as number
    ids[i] = ids[j] as number
    ids[j] = a
  }
  const size = holdoutSize(ids.length, share)
  return {
    holdout: ids.slice(0, size).sort((a, b) => a - b),
    contacted: ids.slice(size).sort((a, b) => a - b),
  }
}
