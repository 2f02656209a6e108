/** Shown instead of the pane when it cannot work here: not inside Excel, or Excel too old. */
import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { PaneMessageId } from '../../i18n/pane';
import { usePaneText } from '../pane-text';

const useStyles = makeStyles({ pad: { padding: tokens.spacingHorizontalM } });

interface Props {
  title: PaneMessageId;
  body: PaneMessageId;
}

export function HostNotice({ title, body }: Props) {
  const styles = useStyles();
  const { t } = usePaneText();
  return (
    <div className={styles.pad}>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t(title)}</MessageBarTitle>
          {t(body)}
        </MessageBarBody>
      </MessageBar>
    </div>
  );
}
