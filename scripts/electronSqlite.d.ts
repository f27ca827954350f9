/// Types of electronSqlite.js (a plain script, also run by npm start without a build).
export function electronSqliteBinding(electron: string, options?: { log?: (line: string) => void }): { binding: string } | { failure: string };
