// Types of scripts/seeded-random.mjs, for the tests that use it.
export function seededRandom(seed: number): () => number;
