/** The first entries as the reader parsed them: what a run will match, before it runs. */
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles } from '@fluentui/react-components';
import { roleText } from '../../i18n/pane';
import type { PreviewEntry } from '../engine/engine-client';
import { formatAmount } from '../format';
import { usePaneText } from '../pane-text';

const useStyles = makeStyles({
  scroll: { overflowX: 'auto' },
  amount: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
});

export function EntryPreview({ entries }: { entries: PreviewEntry[] }) {
  const styles = useStyles();
  const { locale, t } = usePaneText();
  if (entries.length === 0) return <Text>{t('preview.empty')}</Text>;
  return (
    // Focusable, so a keyboard user can scroll the table sideways when the pane is narrow.
    <div className={styles.scroll} tabIndex={0} role="group" aria-label={t('preview.title')}>
      <Table size="extra-small" aria-label={t('preview.title')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('preview.row')}</TableHeaderCell>
            <TableHeaderCell>{roleText('date', locale)}</TableHeaderCell>
            <TableHeaderCell>{roleText('amount', locale)}</TableHeaderCell>
            <TableHeaderCell>{roleText('counterparty', locale)}</TableHeaderCell>
            <TableHeaderCell>{roleText('reference', locale)}</TableHeaderCell>
            <TableHeaderCell>{roleText('description', locale)}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {entries.map((entry) => (
            <TableRow key={entry.row}>
              <TableCell>{entry.row}</TableCell>
              <TableCell>{entry.date}</TableCell>
              <TableCell className={styles.amount}>{formatAmount(entry.amount)}</TableCell>
              <TableCell>{entry.counterparty}</TableCell>
              <TableCell>{entry.reference}</TableCell>
              <TableCell>{entry.description}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
