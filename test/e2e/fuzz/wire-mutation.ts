/** Structural mutations of a valid request body: a field removed, retyped, wrapped, repeated or joined by an extra key. */
import fc from "fast-check";
import { hostileValue, RawBytes, RawJson, type Wire } from "./hostile-json.ts";

/** One change to one node of the body; `pick` chooses the node (modulo the node count). */
export type WireMutation = { pick: number } & (
  | { kind: "remove" }
  | { kind: "replace"; value: Wire }
  | { kind: "wrapInArray" }
  | { kind: "extraKey"; key: string; value: Wire }
  | { kind: "repeat"; times: number }
);

export const mutationArb: fc.Arbitrary<WireMutation> = fc.oneof(
  fc.record({ pick: fc.nat(), kind: fc.constant("remove" as const) }),
  fc.record({ pick: fc.nat(), kind: fc.constant("replace" as const), value: hostileValue }),
  fc.record({ pick: fc.nat(), kind: fc.constant("wrapInArray" as const) }),
  fc.record({
    pick: fc.nat(),
    kind: fc.constant("extraKey" as const),
    key: fc.constantFrom(
      "__proto__",
      "constructor",
      "prototype",
      "extra",
      "tenant",
      "score",
      "qualification",
      "",
    ),
    value: hostileValue,
  }),
  fc.record({ pick: fc.nat(), kind: fc.constant("repeat" as const), times: fc.constantFrom(51, 101, 500) }),
);

type Path = ReadonlyArray<string | number>;
type Container = Wire[] | { [key: string]: Wire };

const isContainer = (v: Wire): v is Container =>
  v !== null && typeof v === "object" && !(v instanceof RawJson) && !(v instanceof RawBytes);

/** `body` with `m` applied (the input is not changed). */
export function applyMutation(body: Wire, m: WireMutation): Wire {
  const root = clone(body);
  const all = nodePaths(root);
  const path = all[m.pick % all.length] ?? [];
  const node = path.reduce<Wire>((n, k) => (n as Record<string | number, Wire>)[k] as Wire, root);
  if (m.kind === "extraKey") {
    const target = isContainer(node) && !Array.isArray(node) ? node : {};
    Object.defineProperty(target, m.key, {
      value: m.value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    return replaceAt(root, path, target);
  }
  if (m.kind === "remove") return removeAt(root, path);
  if (m.kind === "replace") return replaceAt(root, path, m.value);
  if (m.kind === "wrapInArray") return replaceAt(root, path, [node]);
  return replaceAt(
    root,
    path,
    Array.isArray(node) ? Array.from({ length: m.times }, () => node[0] ?? null) : node,
  );
}

function nodePaths(v: Wire, at: Path = []): Path[] {
  if (!isContainer(v)) return [at];
  const children = Array.isArray(v) ? v.map((_, i) => i) : Object.keys(v);
  return [
    at,
    ...children.flatMap((k) => nodePaths((v as Record<string | number, Wire>)[k] as Wire, [...at, k])),
  ];
}

function replaceAt(root: Wire, path: Path, value: Wire): Wire {
  if (path.length === 0) return value;
  const parent = path
    .slice(0, -1)
    .reduce<Wire>((n, k) => (n as Record<string | number, Wire>)[k] as Wire, root);
  Object.defineProperty(parent, path[path.length - 1]!, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return root;
}

function removeAt(root: Wire, path: Path): Wire {
  // Removing the whole body leaves an empty one.
  if (path.length === 0) return new RawJson("");
  const parent = path
    .slice(0, -1)
    .reduce<Wire>((n, k) => (n as Record<string | number, Wire>)[k] as Wire, root);
  const key = path[path.length - 1]!;
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else delete (parent as Record<string, Wire>)[key];
  return root;
}

function clone(v: Wire): Wire {
  if (!isContainer(v)) return v;
  if (Array.isArray(v)) return v.map(clone);
  // fromEntries keeps an own "__proto__" key as data, where an object literal would set the prototype.
  return Object.fromEntries(Object.keys(v).map((k) => [k, clone(v[k] as Wire)]));
}
