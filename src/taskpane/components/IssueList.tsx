/** Problems the reader found (row, column, what was expected), the first few of them. */
import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { ReadIssue } from '../../engine/types';
import { formatReadText } from '../../i18n/read-texts';
import { usePaneText } from '../pane-text';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

interface Props {
  issues: ReadIssue[];
  /** How many there are in all (more than `issues` when the list was cut short). */
  total: number;
}

export function IssueList({ issues, total }: Props) {
  const styles = useStyles();
  const { locale, t } = usePaneText();
  if (total === 0) return null;
  const hasErrors = issues.some((issue) => issue.severity === 'error');
  return (
    <MessageBar intent={hasErrors ? 'error' : 'warning'} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t('issues.title', { count: total })}</MessageBarTitle>
        <ul className={styles.list}>
          {issues.map((issue, index) => (
            <li key={`${issue.side}-${issue.row}-${issue.column ?? ''}-${index}`}>{issue.why ? formatReadText(issue.why, locale) : issue.message}</li>
          ))}
        </ul>
        {total > issues.length && t('issues.more', { count: total - issues.length })}
      </MessageBarBody>
    </MessageBar>
  );
}
