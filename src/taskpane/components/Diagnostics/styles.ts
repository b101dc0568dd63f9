import { makeStyles, tokens } from "@fluentui/react-components";

export const useDiagnosticsStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalM, marginTop: tokens.spacingVerticalL },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  report: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, minHeight: "12em" },
});
