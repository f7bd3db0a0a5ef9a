// People module schemas (filled in by the people work).
export {};
