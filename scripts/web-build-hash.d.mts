export function webSourceHash(): string;
export const webSourceHashFile: string;
