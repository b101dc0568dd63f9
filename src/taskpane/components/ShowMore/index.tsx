import { ReactNode, useState } from "react";
import { Button, Caption1 } from "@fluentui/react-components";

export interface ShowMoreProps<T> {
  items: T[];
  /** How many there are in all: more than `items` when the pane was given only the first of a long list. */
  total?: number;
  /** Where every item is listed ("the 'Exceptions' sheet"), said when some are not shown. */
  where?: string;
  /** How many to show at first and to add each time. */
  step: number;
  noun: string;
  render: (item: T) => ReactNode;
  /** Render the items inside a <ul> with this class (the button stays outside the list). */
  listClassName?: string;
}

const count = (n: number) => n.toLocaleString("en-GB");

/**
 * A long list a page at a time: a 50,000-row workbook can have thousands of
 * exceptions, and drawing them all at once would freeze the pane. Past what
 * the pane holds, it says how many more there are and where they all are.
 */
export function ShowMore<T>({ items, total = items.length, where, step, noun, render, listClassName }: ShowMoreProps<T>) {
  const [shown, setShown] = useState(step);
  const visible = items.slice(0, shown);
  const here = items.length - visible.length;
  const notShown = total - visible.length;
  return (
    <>
      {listClassName === undefined ? visible.map(render) : <ul className={listClassName}>{visible.map(render)}</ul>}
      {notShown > 0 && (
        <Caption1>
          and {count(notShown)} more{where ? ` — all ${count(total)} are on ${where}` : ""}
        </Caption1>
      )}
      {here > 0 && (
        <Button onClick={() => setShown(shown + step)}>
          Show {Math.min(step, here)} more {noun}
        </Button>
      )}
    </>
  );
}
