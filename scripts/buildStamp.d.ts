/// Types of buildStamp.js (a plain script, run by bin/awb.js and npm start without a build).
export type BuildTarget = 'cli' | 'app';
export const BUILD_TARGETS: Record<BuildTarget, { inputs: string[]; outputs: string[] }>;
export function inputsFingerprint(root: string, inputs: string[]): string;
export function stampPath(root: string, target: BuildTarget): string;
export function buildStatus(root: string, target: BuildTarget): { current: boolean; fingerprint: string; reason: string };
export function writeStamp(root: string, target: BuildTarget, fingerprint: string): void;
