import { makeStyles, tokens } from "@fluentui/react-components";

export const useAppStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    minHeight: "100vh",
    maxWidth: "480px",
    backgroundColor: tokens.colorNeutralBackground2,
  },
  // One compact line: what is open and how to open another (Excel's title bar already names the product).
  header: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  title: { minWidth: 0, flexGrow: 1, flexShrink: 1, flexBasis: "14em", margin: 0, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  actions: { display: "flex", gap: tokens.spacingHorizontalXS, flexShrink: 0, marginLeft: "auto" },
  help: { minWidth: "auto" },
  tabs: { padding: `0 ${tokens.spacingHorizontalXS}`, backgroundColor: tokens.colorNeutralBackground1 },
  body: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    minWidth: 0,
  },
  // Read by screen readers, not shown: where "Results ready" is announced.
  announce: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
});
