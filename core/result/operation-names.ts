// The Flink workloads' operation names before they said the Flink call they stand for, and their
// names since: a document written before the rename reads under today's names, so compare and
// history pair its operations with a newer document's and advice classifies them as before.

const RENAMED: Readonly<Record<string, string>> = {
  'value-get': 'value.get',
  'value-update': 'value.update',
  'list-append': 'list.add',
  'list-get': 'list.get',
  'map-put': 'map.put',
  'map-get': 'map.get',
  'map-iterate': 'map.iterate',
  'window-get': 'window.add.get',
  'window-update': 'window.add.put',
  'window-fire': 'window.fire',
  dedupe: 'value.get+update',
};

/** An operation's name today: the new name of a renamed one, else the name itself. */
export function currentOperationName(name: string): string {
  return Object.hasOwn(RENAMED, name) ? (RENAMED[name] as string) : name;
}
