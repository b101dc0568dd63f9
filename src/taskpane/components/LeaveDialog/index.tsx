import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from "@fluentui/react-components";

export interface LeaveDialogProps {
  open: boolean;
  onSave: () => void;
  onDiscard: () => void;
  onStay: () => void;
}

/** Asked when leaving Settings (or the file) with edits not yet saved. */
export function LeaveDialog({ open, onSave, onDiscard, onStay }: LeaveDialogProps) {
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_, d) => !d.open && onStay()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Save your changes to the settings?</DialogTitle>
          <DialogContent>They are not saved yet. Saved settings are kept in the workbook and apply from the next run.</DialogContent>
          <DialogActions fluid>
            <Button appearance="primary" onClick={onSave}>Save changes</Button>
            <Button onClick={onDiscard}>Discard changes</Button>
            <Button appearance="subtle" onClick={onStay}>Keep editing</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
