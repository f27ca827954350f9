/// Attribute values in brat (DESIGN §10): written as `A` lines (`A1<TAB>Measure T3 civilians%20fled`)
/// and declared in `annotation.conf`'s `[attributes]` section. brat reads a value as one token;
/// its configuration splits values at `|` and arguments at `,`, and refuses any `<…>` that is not
/// one of its own macros. So a value is written with those characters, `%`, whitespace and
/// control characters percent-encoded as UTF-8 bytes (as in a URL): letters of every script stay
/// readable, and `decodeURIComponent` gives the value back.

/// Most values of one attribute that `annotation.conf` lists: beyond that a drop-down is of no use
/// in brat, and the export keeps no more of them in memory; the `A` lines still carry every value.
export const MAX_DECLARED_VALUES = 1_000;

/// The characters a brat attribute value cannot hold as they are.
const UNSAFE_IN_VALUE = /[%,|<>\s\p{Cc}]/gu;

/// `value` as brat can hold it: `%`, `,`, `|`, `<`, `>`, whitespace and control characters percent-encoded.
export function bratAttributeValue(value: string): string {
  // None of these characters is a surrogate, so encodeURIComponent never meets half a pair.
  return value.replace(UNSAFE_IN_VALUE, (c) => encodeURIComponent(c));
}

/// What `annotation.conf` declares of one attribute: the span types that carry it, its values.
interface Declaration {
  types: Set<string>;
  values: Set<string>;
}

/// The `[attributes]` section, gathered while documents are written: each attribute (by its brat
/// name) with the span types that may carry it and the values it takes (a choice attribute's
/// choices from the start, a text attribute's values as they are met).
export class BratAttributeDeclarations {
  private readonly declarations = new Map<string, Declaration>();

  /// Declares attribute `name` for spans of brat type `type`, with a value (brat-encoded) if given.
  add(name: string, type: string, value?: string): void {
    let declaration = this.declarations.get(name);
    if (!declaration) this.declarations.set(name, (declaration = { types: new Set(), values: new Set() }));
    declaration.types.add(type);
    if (value !== undefined && declaration.values.size < MAX_DECLARED_VALUES) declaration.values.add(value);
  }

  /// The section's lines, one per attribute that has values (brat reads an attribute without
  /// values as a yes/no one, which none of ours is; no span carries such a one in this export).
  lines(): string[] {
    return [...this.declarations]
      .filter(([, d]) => d.values.size > 0)
      .map(([name, d]) => `${name}\tArg:${[...d.types].join('|')}, Value:${[...d.values].join('|')}`);
  }
}
