import { ReactNode, useState } from "react";
import { Button } from "@fluentui/react-components";

export interface ShowMoreProps<T> {
  items: T[];
  /** How many to show at first and to add each time. */
  step: number;
  noun: string;
  render: (item: T) => ReactNode;
  /** Render the items inside a <ul> with this class (the button stays outside the list). */
  listClassName?: string;
}

/**
 * A long list a page at a time: a 40,000-row workbook can have thousands of
 * exceptions, and drawing them all at once would freeze the pane.
 */
export function ShowMore<T>({ items, step, noun, render, listClassName }: ShowMoreProps<T>) {
  const [shown, setShown] = useState(step);
  const rest = items.length - shown;
  return (
    <>
      {listClassName === undefined ? items.slice(0, shown).map(render) : <ul className={listClassName}>{items.slice(0, shown).map(render)}</ul>}
      {rest > 0 && (
        <Button onClick={() => setShown(shown + step)}>
          Show {Math.min(step, rest)} more {noun} ({rest} not shown)
        </Button>
      )}
    </>
  );
}
