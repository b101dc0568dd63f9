import { Button, Caption1, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  // The one Save stays in reach at the bottom of the pane however long the list is.
  footer: {
    position: "sticky",
    bottom: 0,
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} 0`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
});

export interface SaveBarProps {
  dirty: boolean;
  saving: boolean;
  saved: boolean;
  /** A change that cannot be saved as it stands (the reason is said beside it). */
  blocked: boolean;
  failed: string | null;
  onSave: () => void;
}

/** One Save for every table and the risk matrix, and what happened to the last one (where focus goes after it). */
export function SaveBar({ dirty, saving, saved, blocked, failed, onSave }: SaveBarProps) {
  const styles = useStyles();
  const status = failed ? "The settings were not saved." : saving ? "Saving…" : dirty ? "You have unsaved changes." : saved ? "Settings saved in the workbook." : "No unsaved changes.";
  return (
    <div className={styles.footer}>
      <Button appearance="primary" onClick={onSave} disabled={!dirty || saving || blocked}>
        {saving ? "Saving…" : "Save settings"}
      </Button>
      <Caption1 role="status" id="settings-status" tabIndex={-1}>{status}</Caption1>
      {failed && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{failed}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
