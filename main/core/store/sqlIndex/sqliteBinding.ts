/// Where better-sqlite3's native module is, when it is not the one in node_modules.

/// Options for `new Database(…)`: none under Node (node_modules holds a build for it).
export function sqliteOptions(): { nativeBinding?: string } {
  return {};
}
