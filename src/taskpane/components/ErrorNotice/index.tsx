import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";

export interface ErrorNoticeProps {
  title: string;
  /** Already plain (see plainError). */
  message: string;
  onRetry: () => void;
  onOpenAnother?: () => void;
  /** Where the pane moves focus when the failure appears. */
  id?: string;
}

/** A failure with what to do next: always "Try again", and in file mode another file. */
export function ErrorNotice({ title, message, onRetry, onOpenAnother, id = "error-notice" }: ErrorNoticeProps) {
  return (
    <MessageBar intent="error" layout="multiline" role="alert" id={id} tabIndex={-1}>
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {message}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={onRetry}>Try again</Button>
        {onOpenAnother && <Button size="small" onClick={onOpenAnother}>Open another file</Button>}
      </MessageBarActions>
    </MessageBar>
  );
}
