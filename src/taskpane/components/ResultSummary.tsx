/**
 * What the run found, in figures: counts and amounts matched, suggested and unmatched on each
 * side, the match rate, and a link to the Matches sheet. Loaded lazily.
 */
import {
  Link,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { PaneMessageId } from '../../i18n/pane';
import type { CountAndSumText, RunSummary, SideFigures } from '../engine/engine-client';
import { formatAmount, formatRate } from '../format';
import { usePaneText } from '../pane-text';
import { IssueList } from './IssueList';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  figure: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
});

/** The summary's rows: label and the figure it shows from each side. */
const ROWS: { label: PaneMessageId; figure: (side: SideFigures) => CountAndSumText; onlyIfAny?: boolean }[] = [
  { label: 'summary.row.auto', figure: (side) => side.auto },
  { label: 'summary.row.suggested', figure: (side) => side.suggested },
  { label: 'summary.row.explained', figure: (side) => side.explained ?? { count: 0, sum: '0.00' }, onlyIfAny: true },
  { label: 'summary.row.unmatched', figure: (side) => side.unmatched },
  { label: 'summary.row.documents', figure: (side) => side.ledgerDocuments, onlyIfAny: true },
];

interface Props {
  summary: RunSummary;
  onGoToMatches: (sheet: string) => void;
}

export default function ResultSummary({ summary, onGoToMatches }: Props) {
  const styles = useStyles();
  const { t } = usePaneText();
  const rows = ROWS.filter((row) => !row.onlyIfAny || row.figure(summary.ledger).count + row.figure(summary.bank).count > 0);
  const cell = (figure: CountAndSumText) => t('summary.figure', { count: figure.count, amount: formatAmount(figure.sum) });

  return (
    <div className={styles.stack}>
      <Text size={500} weight="semibold">
        {t('summary.matchRate', { rate: formatRate(summary.matchRate) })}
      </Text>
      <Text>{t('summary.matchCount', { count: summary.matchCount })}</Text>
      <Table size="small" aria-label={t('summary.title')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('summary.col.status')}</TableHeaderCell>
            <TableHeaderCell>{t('summary.col.ledger')}</TableHeaderCell>
            <TableHeaderCell>{t('summary.col.bank')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.label}>
              <TableCell>{t(row.label)}</TableCell>
              <TableCell className={styles.figure}>{cell(row.figure(summary.ledger))}</TableCell>
              <TableCell className={styles.figure}>{cell(row.figure(summary.bank))}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Text size={200}>{t('summary.skipped', { ledger: summary.ledger.skipped, bank: summary.bank.skipped })}</Text>
      {summary.matchesSheet && (
        <Link as="button" onClick={() => onGoToMatches(summary.matchesSheet!)}>
          {t('summary.goToMatches', { sheet: summary.matchesSheet })}
        </Link>
      )}
      {(summary.lostDecisions ?? []).length > 0 && (
        <div role="list" aria-label={t('decisions.lost.title')}>
          <Text weight="semibold">{t('decisions.lost.title')}</Text>
          {summary.lostDecisions!.map((d) => (
            <Text key={d.id} role="listitem" block size={200}>
              {t('decisions.lost.item', {
                id: d.id,
                kind: t(`decisions.kind.${d.kind}`),
                by: d.by,
                rows: d.rows.map((r) => `${t(r.side === 'ledger' ? 'summary.col.ledger' : 'summary.col.bank')} ${r.row} ${r.date} ${r.amount} ${r.counterparty}`.trim()).join('；'),
                reason: d.reason || '—',
              })}
            </Text>
          ))}
        </div>
      )}
      {(summary.movedRows ?? []).map((m) => (
        <Text key={`${m.id}:${m.side}`} block size={200}>
          {t('decisions.moved', { id: m.id, kind: t(`decisions.kind.${m.kind}`), side: t(m.side === 'ledger' ? 'summary.col.ledger' : 'summary.col.bank'), typed: m.typed.join(', '), now: m.now.join(', ') })}
        </Text>
      ))}
      {(summary.unreadDecisions ?? []).map((u) => (
        <Text key={u.sheetRow} block size={200}>
          {t('decisions.unread', { row: u.sheetRow, text: u.text })}
        </Text>
      ))}
      {(summary.aliasProblems ?? []).map((text) => (
        <Text key={text} block size={200}>
          {text}
        </Text>
      ))}
      <IssueList issues={summary.issues} total={summary.ledger.issues + summary.bank.issues} />
    </div>
  );
}
