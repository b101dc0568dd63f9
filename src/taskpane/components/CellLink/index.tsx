import { useState } from "react";
import { Caption1, Link, makeStyles, tokens } from "@fluentui/react-components";
import type { PaneHost } from "../../host";
import { plainError } from "../../messages";

const useStyles = makeStyles({
  line: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, alignItems: "baseline", overflowWrap: "anywhere" },
});

/**
 * Where an item is. Inside Excel a link selects the cell, and what happened
 * is said right beside it; a file has no selection to move, so file mode
 * says where the cell is instead of offering a "Go to" that cannot work.
 */
export function CellLink({ host, sheet, cell }: { host: PaneHost; sheet: string; cell: string }) {
  const styles = useStyles();
  const [said, setSaid] = useState<string | null>(null);
  if (host.kind === "file") return <Caption1 className={styles.line}>Sheet '{sheet}', cell {cell}</Caption1>;
  const go = async () => {
    try {
      await host.selectCell(sheet, cell);
      setSaid(`Selected ${sheet}!${cell}`);
    } catch (e) {
      setSaid(`Could not select it: ${plainError(e)}`);
    }
  };
  return (
    <span className={styles.line}>
      <Link as="button" onClick={() => void go()} aria-label={`Go to ${sheet}!${cell}`}>{sheet}!{cell}</Link>
      <Caption1 role="status">{said}</Caption1>
    </span>
  );
}
