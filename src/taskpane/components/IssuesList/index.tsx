import { Badge, Body1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { Issue } from "../../../core";
import type { PaneHost } from "../../host";
import type { ListHead } from "../../pane-results";
import { CellLink } from "../CellLink";
import { ShowMore } from "../ShowMore";

const useStyles = makeStyles({
  // The heading is inline text by default: a column keeps it on its own line above the list.
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: { display: "flex", flexDirection: "column", gap: "2px", paddingBottom: tokens.spacingVerticalS, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  line: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "baseline", minWidth: 0 },
  message: { overflowWrap: "anywhere" },
});

export interface IssuesListProps {
  issues: ListHead<Issue>;
  host: PaneHost;
  /** Where the whole list is, said when the pane shows only part of it. */
  where: string;
}

/** Every data problem with its cell: a link that selects it in Excel, its address in file mode. */
export function IssuesList({ issues, host, where }: IssuesListProps) {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-labelledby="issues-title">
      <Subtitle2 as="h2" id="issues-title">Data issues ({issues.total.toLocaleString("en-GB")})</Subtitle2>
      {issues.total === 0 && <Body1>No data issues were found.</Body1>}
      <ShowMore items={issues.items} total={issues.total} where={where} step={50} noun="issues" listClassName={styles.list} render={(i) => (
        <li key={`${i.sheet}!${i.cell}:${i.code}`} className={styles.item}>
          <span className={styles.line}>
            <Badge appearance="outline" color={i.severity === "error" ? "danger" : "warning"}>{i.severity === "error" ? "Error" : "Warning"}</Badge>
            <CellLink host={host} sheet={i.sheet} cell={i.cell} />
          </span>
          <Body1 className={styles.message}>{i.message}</Body1>
        </li>
      )} />
    </section>
  );
}
