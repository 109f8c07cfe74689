export function buildVerifierHtml(): Promise<string>;
export function verifierPlugin(): import("vite").Plugin;
