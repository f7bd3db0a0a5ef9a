// The CLI package has no library surface; its entry points are the *-main.ts files.
export {};
