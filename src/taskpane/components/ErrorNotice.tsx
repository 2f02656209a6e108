/** An error as a message in the pane, in the user's language, with optional retry/dismiss. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { describeError } from '../describe-error';
import { usePaneText } from '../pane-text';

interface Props {
  error: unknown;
  /** Overrides the sentence derived from the error. */
  message?: string;
  onRetry?: () => void;
  onDismiss?: () => void;
}

export function ErrorNotice({ error, message, onRetry, onDismiss }: Props) {
  const text = usePaneText();
  const { t } = text;
  return (
    // `multiline` keeps MessageBar from measuring itself with a ResizeObserver.
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{t('error.title')}</MessageBarTitle>
        {message ?? describeError(error, text)}
      </MessageBarBody>
      {(onRetry || onDismiss) && (
        <MessageBarActions>
          {onRetry && <Button onClick={onRetry}>{t('error.retry')}</Button>}
          {onDismiss && <Button onClick={onDismiss}>{t('error.dismiss')}</Button>}
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
