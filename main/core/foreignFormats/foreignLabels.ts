/// How another tool's labels become ours: through the user's mapping (`--label-map FROM=TO`,
/// FROM matched without regard to case, TO a label's id or name; `FROM=` leaves FROM's spans
/// out), else the label of that id or name, without regard to case (`PER` does not become
/// `actor` unless mapped, `ACTOR` and `Actor` do).
import type { Label } from '../model.js';

/// FROM → TO (a label id or name, or '' to leave the spans out), as given.
export type LabelMap = Record<string, string>;

/// Parses `FROM=TO` entries; throws a sentence naming a malformed one.
export function parseLabelMap(entries: readonly string[]): LabelMap {
  const map: LabelMap = {};
  for (const entry of entries) {
    const at = entry.indexOf('=');
    if (at <= 0) throw new Error(`--label-map ${JSON.stringify(entry)}: expected FROM=TO (a label of the file, "=", one of this workspace's labels, or nothing to leave FROM out)`);
    map[entry.slice(0, at).trim().toLowerCase()] = entry.slice(at + 1).trim();
  }
  return map;
}

/// Finds our label for a foreign one.
export class LabelMapper {
  private readonly byKey = new Map<string, string>();
  private readonly map = new Map<string, string>();
  /// Foreign labels met with no label here, with how many spans each had.
  readonly unknown = new Map<string, number>();
  /// Foreign labels mapped to another name than their own, and to what (null: left out).
  readonly used = new Map<string, string | null>();

  constructor(
    labels: readonly Label[],
    map: LabelMap = {},
  ) {
    for (const label of labels) {
      this.byKey.set(label.id.toLowerCase(), label.id);
      if (!this.byKey.has(label.name.toLowerCase())) this.byKey.set(label.name.toLowerCase(), label.id);
    }
    for (const [from, to] of Object.entries(map)) this.map.set(from.toLowerCase(), to);
  }

  /// Whether a mapping's target is one of our labels, or the problem with it.
  problems(): string[] {
    return [...this.map].filter(([, to]) => to !== '' && !this.byKey.has(to.toLowerCase())).map(([from, to]) => `--label-map ${from}=${to}: this workspace has no label ${JSON.stringify(to)} (labels: ${[...new Set(this.byKey.values())].join(', ')})`);
  }

  /// Our label id for `foreign`, null when the user left it out, undefined (and counted) when unknown.
  labelFor(foreign: string): string | null | undefined {
    const key = foreign.toLowerCase();
    const mapped = this.map.get(key);
    if (mapped !== undefined) {
      const id = mapped === '' ? null : this.byKey.get(mapped.toLowerCase()) ?? undefined;
      if (id !== undefined) this.used.set(foreign, id);
      return id;
    }
    const id = this.byKey.get(key);
    if (id === undefined) this.unknown.set(foreign, (this.unknown.get(foreign) ?? 0) + 1);
    return id;
  }

  /// The sentence refusing a file with unknown labels.
  unknownSentence(): string {
    const list = [...this.unknown].map(([label, n]) => `${JSON.stringify(label)} (${n} span${n === 1 ? '' : 's'})`).join(', ');
    const [example] = this.unknown.keys();
    return `labels this workspace does not have: ${list}; map them with --label-map ${example}=<label>, or leave them out with --label-map ${example}=`;
  }
}
