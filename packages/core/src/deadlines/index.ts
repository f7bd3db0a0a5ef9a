// Deadline engine. Filled in by the deadline work.
export {};
