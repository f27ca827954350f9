/// Types of buildCli.js (a plain script, run by npm run build and npm start).
export const CLI_EXTERNALS: string[];
export function buildCli(root: string): Promise<void>;
