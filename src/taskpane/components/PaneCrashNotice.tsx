/** What the error boundary shows: what went wrong, and a way to start the pane again. */
import { makeStyles, tokens } from '@fluentui/react-components';
import { describeError } from '../describe-error';
import { usePaneText } from '../pane-text';
import { ErrorNotice } from './ErrorNotice';

const useStyles = makeStyles({ pad: { padding: tokens.spacingHorizontalM } });

export function PaneCrashNotice({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const styles = useStyles();
  const text = usePaneText();
  return (
    <div className={styles.pad}>
      <ErrorNotice error={error} message={text.t('error.crash', { detail: describeError(error, text) })} onRetry={onRetry} />
    </div>
  );
}
