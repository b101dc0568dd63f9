/**
 * What a request weighs as office.js sends it. office.js serialises each
 * request as JSON: every proxy object the request touches is an "object
 * path" (its name, its parent, its arguments) with an action that
 * instantiates it, and every property set, method call or load is an
 * action naming the object's path:
 *
 *   {"Actions":[{"Id":2,"ActionType":1,"Name":"","ObjectPathId":1}, …,
 *    {"Id":17,"ActionType":4,"Name":"Formula","ObjectPathId":15,"ArgumentInfo":{"Arguments":["=$E2=\"Red\""]},"L":[15]}],
 *   "ObjectPaths":{"1":{"Id":1,"ObjectPathType":1,"Name":""}, "3":{"Id":3,"ObjectPathType":4,"Name":"Worksheets","ParentObjectPathId":1}, …}}
 *
 * The fake counts the same shape, so its request sizes follow office.js's
 * (test/browser/request-sizes.test.ts compares them with the bodies
 * @microsoft/office-js really sends). Excel on the web refuses a request
 * over 5 MB: https://learn.microsoft.com/office/dev/add-ins/excel/performance#payload-size-limit-best-practices
 */

/** ObjectPathType in office.js: the root, a method's result, a property, an indexer (getItem). */
export const ROOT = 1;
export const METHOD = 3;
export const PROPERTY = 4;
export const INDEXER = 5;

export interface Path {
  id: number;
  type: number;
  /** office.js's name for the member: "GetRange", "Format", "" for the root and indexers. */
  name: string;
  parent?: Path;
  /** The arguments, already JSON. */
  args?: string;
}

/** ActionType in office.js. */
export type ActionKind = "query" | "method" | "set";
const ACTION_TYPE: Record<ActionKind, number> = { query: 2, method: 3, set: 4 };

/** The JSON of an object path and of the action that instantiates it, as office.js writes them (the arguments counted, not copied). */
function pathBytes(p: Path): number {
  const parent = p.parent ? `,"ParentObjectPathId":${p.parent.id}` : "";
  const args = p.args === undefined ? "" : `,"ArgumentInfo":{"Arguments":}`;
  const path = `"${p.id}":{"Id":${p.id},"ObjectPathType":${p.type},"Name":"${p.name}"${parent}${args}},`;
  const instantiate = `{"Id":${p.id + 1},"ActionType":1,"Name":"","ObjectPathId":${p.id}},`;
  return path.length + (p.args?.length ?? 0) + instantiate.length;
}

/** An action's JSON length: {"Id":17,"ActionType":4,"Name":"Formula","ObjectPathId":15,"ArgumentInfo":{"Arguments":[…]},"L":[15]}, */
function actionBytes(kind: ActionKind, name: string, on: Path, args: string | undefined, id: number): number {
  const info = kind === "query" ? `,"QueryInfo":{"Select":}` : `,"ArgumentInfo":{"Arguments":}`;
  const action = `{"Id":${id},"ActionType":${ACTION_TYPE[kind]},"Name":"${name}","ObjectPathId":${on.id}${info},"L":[${on.id}]},`;
  return action.length + (args?.length ?? 2);
}

/** One request context's ids and the request being built. */
export class Wire {
  private next = 1;
  private sent = new Set<Path>();
  private bytes = 26; // {"Actions":[],"ObjectPaths":{}}

  /** A new proxy's path (its id, then its instantiating action's). */
  path(type: number, name: string, parent?: Path, args?: unknown[]): Path {
    const p: Path = { id: this.next, type, name, parent, args: args === undefined ? undefined : JSON.stringify(args) };
    this.next += 2;
    return p;
  }

  /** An action on `on`: its object path and every parent not yet in this request go with it. */
  action(on: Path, kind: ActionKind, name: string, args?: string): void {
    for (let p: Path | undefined = on; p && !this.sent.has(p); p = p.parent) {
      this.sent.add(p);
      this.bytes += pathBytes(p);
    }
    this.bytes += actionBytes(kind, name, on, args, this.next++);
  }

  /** The request's size so far. */
  get size(): number {
    return this.bytes;
  }

  /** Start the next request: the paths go again with the actions that need them. */
  send(): number {
    const bytes = this.bytes;
    this.sent.clear();
    this.bytes = 26;
    return bytes;
  }
}

/** Arguments as office.js sends them (JSON of the argument list). */
export function argsJson(...args: unknown[]): string {
  return JSON.stringify(args.map((a) => (a === undefined ? null : a)));
}

/** office.js's member name for a JavaScript one: "formula" → "Formula". */
export const member = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);
