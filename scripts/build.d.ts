/// Types of build.js (a plain script, run by npm run build and npm start).
export function buildTargets(root: string, options?: { onlyStale?: boolean; log?: (line: string) => void }): Promise<Array<'app' | 'cli'>>;
