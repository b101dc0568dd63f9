import { Badge, Body1, Caption1, Link, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { Issue } from "../../../core";

const useStyles = makeStyles({
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: { display: "flex", flexDirection: "column", gap: "2px", paddingBottom: tokens.spacingVerticalS, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  line: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

export interface IssuesListProps {
  issues: Issue[];
  onGo: (sheet: string, cell: string) => void;
  located: string | null;
}

/** Every data problem, each a link that selects its cell. */
export function IssuesList({ issues, onGo, located }: IssuesListProps) {
  const styles = useStyles();
  return (
    <section aria-labelledby="issues-title">
      <Subtitle2 as="h2" id="issues-title">Data issues ({issues.length})</Subtitle2>
      {issues.length === 0 && <Body1>No data issues were found.</Body1>}
      <ul className={styles.list}>
        {issues.map((i) => (
          <li key={`${i.sheet}!${i.cell}:${i.code}`} className={styles.item}>
            <span className={styles.line}>
              <Badge appearance="outline" color={i.severity === "error" ? "danger" : "warning"}>{i.severity === "error" ? "Error" : "Warning"}</Badge>
              <Link as="button" onClick={() => onGo(i.sheet, i.cell)}>{i.sheet}!{i.cell}</Link>
            </span>
            <Body1>{i.message}</Body1>
          </li>
        ))}
      </ul>
      {located && <Caption1 role="status">Selected {located}</Caption1>}
    </section>
  );
}
