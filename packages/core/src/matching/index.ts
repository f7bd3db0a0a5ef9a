// Matching engine (person linkage). Filled in by the matching work.
export {};
