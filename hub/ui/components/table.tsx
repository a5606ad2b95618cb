/**
 * A table of records with its caption. On a narrow screen it scrolls sideways inside its
 * own frame (focusable, named by the caption) instead of widening the page.
 */
import type { ComponentChildren } from 'preact';
import { applyFrenchTypography } from '../../locale/index.js';

export interface TableColumn<Row> {
  header: string;
  cell: (row: Row) => ComponentChildren;
  /** Right-aligned figures. */
  numeric?: boolean;
  /** This column names the row (<th scope="row">). */
  rowHeader?: boolean;
}

export interface TableProps<Row> {
  /** Says what the table lists; every table has one. */
  caption: string;
  /** Shown to screen readers only, when a heading above already says it. */
  captionHidden?: boolean;
  columns: TableColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** Shown instead of an empty table. */
  empty?: ComponentChildren;
  /** Id of the caption (default: derived from the first row key or « table »). */
  id?: string;
}

export function Table<Row>(props: TableProps<Row>) {
  if (props.rows.length === 0 && props.empty !== undefined) return <p class="pl-table-empty">{props.empty}</p>;
  const captionId = `${props.id ?? 'table'}-caption`;
  return (
    <section class="pl-table-wrap" aria-labelledby={captionId} tabindex={0}>
      <table class="pl-table" id={props.id}>
        <caption id={captionId} class={props.captionHidden ? 'pl-visually-hidden' : 'pl-table__caption'}>
          {applyFrenchTypography(props.caption)}
        </caption>
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th key={c.header} scope="col" class={c.numeric ? 'pl-table__numeric' : undefined}>
                {applyFrenchTypography(c.header)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={props.rowKey(row)}>
              {props.columns.map((c) =>
                c.rowHeader ? (
                  <th key={c.header} scope="row" class={c.numeric ? 'pl-table__numeric' : undefined}>
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={c.header} class={c.numeric ? 'pl-table__numeric' : undefined}>
                    {c.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
