/**
 * A layout is the fixed element order of one XML record: plain names are text elements, `group`
 * a nested element read as one record, `list` a wrapper holding repeated items, `repeat` items
 * repeated directly in the parent. One layout drives the reader, the writer and the record's type,
 * so the three can never disagree about names or order.
 */
export type LayoutEntry =
  | string
  | { readonly group: string; readonly layout: Layout }
  | { readonly list: string; readonly item: string; readonly layout: Layout }
  | { readonly repeat: string; readonly layout: Layout };
export type Layout = readonly LayoutEntry[];

type Groups<L extends Layout> = Extract<L[number], { group: string }>;
type Lists<L extends Layout> = Extract<L[number], { list: string }>;
type Repeats<L extends Layout> = Extract<L[number], { repeat: string }>;

/** The record a layout reads into: every text element optional, every list an array (maybe empty). */
export type RecordOf<L extends Layout> = { [K in Extract<L[number], string>]?: string } & {
  [G in Groups<L> as G['group']]?: RecordOf<G['layout']>;
} & { [T in Lists<L> as T['list']]?: RecordOf<T['layout']>[] } & {
  [R in Repeats<L> as R['repeat']]?: RecordOf<R['layout']>[];
};

/** A loosely typed record, the shape the generic reader and writer walk. */
export interface LooseRecord {
  [name: string]: string | LooseRecord | LooseRecord[] | undefined;
}
